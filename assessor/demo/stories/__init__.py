"""The demo learners' stories: three of Owain's learners, then three of Sarah's (the order the IQA sampling follows)."""
from . import aled, bethan, carys, hannah, iwan, jessica

STORIES = (aled.STORY, bethan.STORY, carys.STORY, hannah.STORY, iwan.STORY, jessica.STORY)

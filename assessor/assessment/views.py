"""The assessment pages: the queue (queue_views), reviews (review_views), sign-off and countersignature (signoff_views)."""
from . import criteria_views, queue_views, review_views, signoff_views, version_views  # noqa: F401  (register their routes)
from .blueprint import bp

__all__ = ["bp"]

"""What decisions and a criterion's status for a learner are called, and how they are tagged."""
from flask_babel import lazy_gettext as _l

from .models import MET, NOT_YET
from .progress import AWAITING, IN_PROGRESS, MET_STATUS, NOT_STARTED

CRITERION_STATUS_LABELS = {
    MET_STATUS: _l("Met"),
    AWAITING: _l("Awaiting decision"),
    IN_PROGRESS: _l("In progress"),
    NOT_STARTED: _l("Not started"),
}

CRITERION_STATUS_TAGS = {
    MET_STATUS: "govuk-tag--green",
    AWAITING: "govuk-tag--blue",
    IN_PROGRESS: "govuk-tag--yellow",
    NOT_STARTED: "govuk-tag--grey",
}

OUTCOME_LABELS = {MET: _l("Met"), NOT_YET: _l("Not yet met")}
OUTCOME_TAGS = {MET: "govuk-tag--green", NOT_YET: "govuk-tag--orange"}

"""What evidence kinds, evidence states and criterion statuses are called, and how they are tagged."""
from flask_babel import lazy_gettext as _l

from ..assessment.progress import AWAITING, IN_PROGRESS, MET_STATUS, NOT_STARTED
from .models import ACCOUNT, ASSESSED, DISCUSSION, DRAFT, FILE, OBSERVATION, REFERRED, SCENARIO, SUBMITTED, WITNESS

KIND_LABELS = {
    FILE: _l("Files"),
    ACCOUNT: _l("Written account"),
    WITNESS: _l("Witness testimony"),
    DISCUSSION: _l("Professional discussion"),
    SCENARIO: _l("Scenario transcript"),
    OBSERVATION: _l("Observation record"),
}

STATUS_LABELS = {
    DRAFT: _l("Draft"),
    SUBMITTED: _l("Submitted"),
    ASSESSED: _l("Assessed"),
    REFERRED: _l("Referred back"),
}

STATUS_TAGS = {
    DRAFT: "govuk-tag--grey",
    SUBMITTED: "govuk-tag--blue",
    ASSESSED: "govuk-tag--green",
    REFERRED: "govuk-tag--orange",
}

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

"""What evidence kinds and evidence states are called, and how they are tagged."""
from flask_babel import lazy_gettext as _l

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

#: what the item shows of its latest request to a witness (a replaced link is history only)
WITNESS_STATE_LABELS = {
    "pending": _l("Requested"),
    "expired": _l("Link expired"),
    "confirmed": _l("Confirmed"),
    "corrected": _l("Corrected and confirmed"),
    "withdrawn": _l("Withdrawn"),
    "replaced": _l("Sent again"),
}

WITNESS_STATE_TAGS = {
    "pending": "govuk-tag--blue",
    "expired": "govuk-tag--grey",
    "confirmed": "govuk-tag--green",
    "corrected": "govuk-tag--yellow",
    "withdrawn": "govuk-tag--grey",
    "replaced": "govuk-tag--grey",
}

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

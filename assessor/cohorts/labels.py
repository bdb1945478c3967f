"""The words shown for a learner's status and for each kind of event in their history."""
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from ..standards.models import Standard
from .models import (
    ACTIVE,
    ASSIGNMENT_CHANGED,
    BREAK_ENDED,
    BREAK_STARTED,
    ENROLLED,
    JOINED,
    ON_BREAK,
    TRANSFERRED,
    TRANSFERRED_IN,
    TRANSFERRED_OUT,
    WITHDRAWN,
    WITHDREW,
)

STATUS_LABELS = {
    ACTIVE: _l("Active"),
    ON_BREAK: _l("On a break"),
    WITHDRAWN: _l("Withdrawn"),
    TRANSFERRED: _l("Transferred"),
}

#: GOV.UK tag colours for each status
STATUS_TAGS = {
    ACTIVE: "govuk-tag--green",
    ON_BREAK: "govuk-tag--yellow",
    WITHDRAWN: "govuk-tag--grey",
    TRANSFERRED: "govuk-tag--blue",
}

EVENT_LABELS = {
    JOINED: _l("Joined the cohort"),
    ENROLLED: _l("Enrolled"),
    ASSIGNMENT_CHANGED: _l("Assessor or IQA changed"),
    BREAK_STARTED: _l("Break in learning started"),
    BREAK_ENDED: _l("Break in learning ended"),
    WITHDREW: _l("Withdrew"),
    TRANSFERRED_OUT: _l("Transferred out"),
    TRANSFERRED_IN: _l("Transferred in"),
}


def standard_title(standard: Standard) -> str:
    """The standard's title in the reader's language: its unofficial English rendering only when reading English."""
    return standard.title_en if standard.title_en and str(get_locale()) == "en" else standard.title

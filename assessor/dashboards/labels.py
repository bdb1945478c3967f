"""What the dashboards call each red/amber/green status, and how it is tagged."""
from flask_babel import lazy_gettext as _l

from .figures import BEHIND, COMPLETE, NOT_ENROLLED, ON_TRACK, SLIGHTLY_BEHIND

RAG_LABELS = {
    NOT_ENROLLED: _l("Not enrolled"),
    BEHIND: _l("Behind"),
    SLIGHTLY_BEHIND: _l("Slightly behind"),
    ON_TRACK: _l("On track"),
    COMPLETE: _l("Complete"),
}

#: red, amber, green, blue for done and grey for nothing to do; the words always stand beside the colour
RAG_TAGS = {
    NOT_ENROLLED: "govuk-tag--grey",
    BEHIND: "govuk-tag--red",
    SLIGHTLY_BEHIND: "govuk-tag--orange",
    ON_TRACK: "govuk-tag--green",
    COMPLETE: "govuk-tag--blue",
}

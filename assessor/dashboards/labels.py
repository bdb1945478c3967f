"""What the dashboards call each red/amber/green status, and how it is tagged."""
from flask_babel import lazy_gettext as _l

from .figures import BEHIND, COMPLETE, ON_TRACK, SLIGHTLY_BEHIND

RAG_LABELS = {
    BEHIND: _l("Behind"),
    SLIGHTLY_BEHIND: _l("Slightly behind"),
    ON_TRACK: _l("On track"),
    COMPLETE: _l("Complete"),
}

#: red, amber, green, and blue for done; the words always stand beside the colour
RAG_TAGS = {
    BEHIND: "govuk-tag--red",
    SLIGHTLY_BEHIND: "govuk-tag--orange",
    ON_TRACK: "govuk-tag--green",
    COMPLETE: "govuk-tag--blue",
}

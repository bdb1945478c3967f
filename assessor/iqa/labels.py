"""What sample states and sampling reasons are called, and how they are tagged."""
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from .models import AGREED, BY_SHARE, NEW_ASSESSOR, PENDING, PER_LEARNER, REFERRED, RESPONDED

#: what stands between a learner's sign-off and its verification, in the report
QUEUED = "queued"
WITH_ASSESSOR = "with_assessor"
NOT_SAMPLED = "not_sampled"

STATUS_LABELS = {
    PENDING: _l("Awaiting the IQA"),
    AGREED: _l("Agreed"),
    REFERRED: _l("Referred to the assessor"),
    RESPONDED: _l("Assessor has responded"),
}

STATUS_TAGS = {
    PENDING: "govuk-tag--blue",
    AGREED: "govuk-tag--green",
    REFERRED: "govuk-tag--orange",
    RESPONDED: "govuk-tag--purple",
}

REASON_LABELS = {
    BY_SHARE: _l("Plan share"),
    NEW_ASSESSOR: _l("New assessor"),
    PER_LEARNER: _l("Before sign-off"),
}

#: what each audited step of a sample is called in its history
HISTORY_LABELS = {
    "sampled": _l("Drawn for sampling"),
    AGREED: _l("Agreed by the IQA"),
    REFERRED: _l("Referred back to the assessor"),
    RESPONDED: _l("Assessor responded"),
}

UNVERIFIED_LABELS = {
    QUEUED: _l("In the IQA's queue"),
    WITH_ASSESSOR: _l("Referred to the assessor"),
    NOT_SAMPLED: _l("Not sampled yet"),
}


def in_reader_language(original: str, english: str | None, language: str = "cy") -> tuple[str, str]:
    """Text from a standard in the interface language where there is an English rendering, and its language."""
    if english and str(get_locale()) == "en":
        return english, "en"
    return original, language


def criterion_text(criterion) -> tuple[str, str]:
    return in_reader_language(criterion.text, criterion.text_en, criterion.standard.language)


def standard_name(standard) -> tuple[str, str]:
    return in_reader_language(standard.title, standard.title_en, standard.language)

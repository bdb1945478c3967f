"""Words and small helpers the portfolio document's templates use, in the document's language."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..assessment.models import MET, NOT_YET
from ..assessment.progress import MET_STATUS
from ..assessment.labels import CRITERION_STATUS_LABELS
from ..evidence.labels import KIND_LABELS, STATUS_LABELS
from ..i18n import format_date, format_datetime
from ..iqa.models import AGREED, PENDING, REFERRED, RESPONDED
from ..standards.models import Criterion, Standard
from .data import PortfolioData, StandardSection
from .fetcher import DRAWABLE_TYPES

OUTCOME_LABELS = {MET: _l("Met"), NOT_YET: _l("Not yet met")}
SAMPLE_STATUS_LABELS = {
    PENDING: _l("Awaiting the IQA"),
    AGREED: _l("Agreed"),
    REFERRED: _l("Referred back to the assessor"),
    RESPONDED: _l("Assessor responded"),
}


def standard_title_in(standard: Standard, language: str) -> str:
    return standard.title_en if language == "en" and standard.title_en else standard.title


def criterion_text(criterion: Criterion, language: str) -> str:
    return criterion.text_en if language == "en" and criterion.text_en else criterion.text


def met_count(section: StandardSection) -> int:
    return sum(1 for row in section.rows if row.status == MET_STATUS)


def section_status(section: StandardSection) -> str:
    active = [sign_off for sign_off in section.sign_offs if sign_off.withdrawn_at is None]
    progress = section.progress
    if active and progress is not None and progress.verified_at:
        return _("Signed off and verified by the IQA")
    if active and active[-1].learner_signed_at:
        return _("Signed off and countersigned")
    if active:
        return _("Signed off, awaiting the learner's countersignature")
    return _("In progress: %(met)d of %(total)d criteria met", met=met_count(section), total=len(section.rows))


def overall_status(data: PortfolioData) -> str:
    signed = sum(1 for section in data.sections if any(s.withdrawn_at is None for s in section.sign_offs))
    return _("%(signed)d of %(total)d standards signed off", signed=signed, total=len(data.sections))


def file_size(size: int) -> str:
    if size < 1024:
        return _("%(n)d bytes", n=size)
    if size < 1024 * 1024:
        return _("%(n).1f KB", n=size / 1024)
    return _("%(n).1f MB", n=size / (1024 * 1024))


def document_context() -> dict:
    return {
        "standard_title_in": standard_title_in,
        "criterion_text": criterion_text,
        "met_count": met_count,
        "section_status": section_status,
        "overall_status": overall_status,
        "file_size": file_size,
        "format_date": format_date,
        "format_datetime": format_datetime,
        "kind_labels": KIND_LABELS,
        "evidence_status_labels": STATUS_LABELS,
        "criterion_status_labels": CRITERION_STATUS_LABELS,
        "outcome_labels": OUTCOME_LABELS,
        "sample_status_labels": SAMPLE_STATUS_LABELS,
        "drawable_types": DRAWABLE_TYPES,
    }

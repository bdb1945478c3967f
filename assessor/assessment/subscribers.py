"""Assessment listens to evidence: a changed item recounts its enrolments' progress; an item's page shows its reviews."""
from sqlalchemy.orm import Session

from ..evidence.events import evidence_changed, item_history
from ..evidence.models import Evidence
from .history import SubmissionRecord, submission_history
from .progress import refresh_progress


@evidence_changed.connect
def _recount(sender, *, session, enrolment_ids) -> None:
    refresh_progress(session, enrolment_ids)


@item_history.connect
def _history_for_the_page(evidence: Evidence, *, session: Session) -> list[SubmissionRecord]:
    return submission_history(session, evidence)

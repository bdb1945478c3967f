"""Assessment listens to evidence: a changed item, mapping or submission recounts its enrolments' progress."""
from ..evidence.events import evidence_changed
from .progress import refresh_progress


@evidence_changed.connect
def _recount(sender, *, session, enrolment_ids) -> None:
    refresh_progress(session, enrolment_ids)

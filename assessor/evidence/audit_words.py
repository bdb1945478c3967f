"""How evidence reads in the audit history: its codes' labels and the reference each entry names."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit.labels import register_values
from ..audit.presenting import register_lookup
from .labels import KIND_LABELS, STATUS_LABELS
from .models import Evidence, Submission


def _by_evidence(session: Session, ids: set[int]):
    return {evidence.id: {"reference": evidence.reference} for evidence in session.scalars(select(Evidence).where(Evidence.id.in_(ids)))}


def _by_submission(session: Session, ids: set[int]):
    rows = session.execute(select(Submission.id, Evidence).join(Evidence).where(Submission.id.in_(ids)))
    return {row.id: {"reference": row.Evidence.reference} for row in rows}


register_values("*", "kind", KIND_LABELS)
register_values("evidence", "status", STATUS_LABELS)
register_lookup("evidence", _by_evidence)
register_lookup("submission", _by_submission)

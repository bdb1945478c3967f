"""Helpers the evidence item tests share: claiming criteria, reading audit entries, uploads."""
import io
from datetime import date

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from assessor.audit.models import AuditEntry
from assessor.evidence.models import Evidence, Mapping
from assessor.evidence.services import create_evidence
from assessor.standards.models import Criterion

from ..factories import TEST_PDF

ACTIVITY = date(2026, 10, 1)
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>\n"


def claim(session, evidence: Evidence, enrolment, *refs: str) -> None:
    for ref in refs:
        criterion = session.scalar(select(Criterion).where(Criterion.standard_id == enrolment.standard_id, Criterion.ref == ref))
        session.add(Mapping(evidence_id=evidence.id, enrolment_id=enrolment.id, criterion_id=criterion.id))
    session.flush()
    session.expire(evidence, ["mappings"])


def audit(session, entity: str, entity_id: int) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id).order_by(AuditEntry.seq)
    return list(session.scalars(query))


def account(session, learner, title="Handling a client call", **fields) -> Evidence:
    return create_evidence(session, learner, learner, kind="account", title=title, activity_date=ACTIVITY, body="I called them.", **fields)


def upload(content: bytes = TEST_PDF, filename: str = "notes.pdf") -> FileStorage:
    return FileStorage(io.BytesIO(content), filename=filename)


def pdf(marker: str) -> bytes:
    """A PDF whose bytes (and so its stored blob) are unique to the test."""
    return TEST_PDF.replace(b"%%EOF", f"% {marker}\n%%EOF".encode())

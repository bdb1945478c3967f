"""Audit entries ready to show: when, who, what in words, and the fields that changed."""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..assessment.models import Decision, Review, SignOff
from ..cohorts.models import Enrolment
from ..evidence.models import Evidence, Submission
from ..standards.models import Criterion, Standard
from ..timeutil import aware
from .describe import Change, changes, describe
from .models import AuditEntry


@dataclass(frozen=True)
class Row:
    seq: int
    at: datetime
    who: str
    what: str
    changes: list[Change]


def present(session: Session, entries: list[AuditEntry]) -> list[Row]:
    known = lookups(session, entries)
    return [
        Row(
            entry.seq,
            aware(entry.at),
            entry.actor.name if entry.actor is not None else _("System"),
            describe(entry, known.get((entry.entity, entry.entity_id))),
            changes(entry),
        )
        for entry in entries
    ]


def _by_evidence(session: Session, ids: set[int]):
    return {evidence.id: {"reference": evidence.reference} for evidence in session.scalars(select(Evidence).where(Evidence.id.in_(ids)))}


def _by_submission(session: Session, ids: set[int]):
    rows = session.execute(select(Submission.id, Evidence).join(Evidence).where(Submission.id.in_(ids)))
    return {row.id: {"reference": row.Evidence.reference} for row in rows}


def _by_review(session: Session, ids: set[int]):
    query = select(Review.id, Evidence).join(Submission, Submission.id == Review.submission_id).join(Evidence)
    return {row.id: {"reference": row.Evidence.reference} for row in session.execute(query.where(Review.id.in_(ids)))}


def _by_decision(session: Session, ids: set[int]):
    query = select(Decision.id, Evidence, Criterion.code).join(Evidence).join(Criterion)
    rows = session.execute(query.where(Decision.id.in_(ids)))
    return {row.id: {"reference": row.Evidence.reference, "criterion": row.code} for row in rows}


def _by_sign_off(session: Session, ids: set[int]):
    query = select(SignOff.id, Standard.urn).join(Enrolment, Enrolment.id == SignOff.enrolment_id).join(Standard)
    return {row.id: {"standard": row.urn} for row in session.execute(query.where(SignOff.id.in_(ids)))}


#: entity -> what to look up about its rows, for the sentences that name them
LOOKUPS = {
    "evidence": _by_evidence,
    "submission": _by_submission,
    "review": _by_review,
    "decision": _by_decision,
    "sign_off": _by_sign_off,
}


def lookups(session: Session, entries: list[AuditEntry]) -> dict[tuple[str, int], dict]:
    """Details the entries do not carry themselves (an evidence reference, a standard), one query per entity."""
    found: dict[tuple[str, int], dict] = {}
    for entity, lookup in LOOKUPS.items():
        ids = {entry.entity_id for entry in entries if entry.entity == entity and entry.entity_id is not None}
        if ids:
            found.update({(entity, entity_id): details for entity_id, details in lookup(session, ids).items()})
    return found

"""Evidence items: adding, changing and deleting drafts, and submitting them for assessment.

The fields and their checks are in fields.py, who may change what in guards.py, files in item_files.py.
"""
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..audit.services import record
from ..core.acts import Locked, Refused
from ..permissions import can_add_evidence, can_record_observation
from .access import assigned_ids
from .events import evidence_changed
from .fields import EDITABLE_FIELDS, checked_fields
from .guards import check_changeable, check_version, flush_change, locked_message, may_delete
from .models import (
    DRAFT,
    EDITABLE_STATUSES,
    LEARNER_KINDS,
    OBSERVATION,
    SCENARIO,
    SUBMITTED,
    Evidence,
    Submission,
)
from .readiness import submit_problems
from .snapshot import frozen_fields
from .witnesses import requests_of

NUMBERING_ATTEMPTS = 5


def _snapshot(evidence: Evidence) -> dict:
    return {"reference": evidence.reference, "kind": evidence.kind, "title": evidence.title,
            "activity_date": evidence.activity_date, "status": evidence.status}


# -- adding and changing ----------------------------------------------------------------------


def create_evidence(
    session: Session,
    actor: User,
    learner: User,
    *,
    kind: str,
    title: str,
    activity_date: date | None,
    description: str = "",
    body: str = "",
    witness_name: str | None = None,
    witness_role: str | None = None,
    witness_contact: str | None = None,
    details: dict | None = None,
    status: str = DRAFT,
) -> Evidence:
    """A new draft item in the learner's portfolio, numbered E-001, E-002 … for that learner."""
    if status != DRAFT:
        raise ValueError("evidence is created as a draft, then mapped and submitted with submit_evidence")
    _check_may_add(session, actor, learner, kind)
    typed = {"title": title, "activity_date": activity_date, "description": description, "body": body,
             "witness_name": witness_name, "witness_role": witness_role, "witness_contact": witness_contact}
    values = checked_fields(kind, typed)
    evidence = Evidence(learner_id=learner.id, kind=kind, details=details or {}, status=DRAFT, created_by_id=actor.id, **values)
    _insert_numbered(session, evidence)
    record(session, actor, "created", "evidence", evidence.id, learner_id=learner.id, after=_snapshot(evidence))
    return evidence


def _check_may_add(session: Session, actor: User, learner: User, kind: str) -> None:
    if kind == OBSERVATION:
        if not can_record_observation(actor, learner, assigned_ids(session, learner.id)[0]):
            raise Refused(_("Only the learner's assessor can record an observation of them."))
    elif kind in LEARNER_KINDS or kind == SCENARIO:
        if not can_add_evidence(actor, learner):
            raise Refused(_("Only the learner can add evidence to their portfolio."))
    else:
        raise Refused(_("Choose the kind of evidence."), "kind")


def _insert_numbered(session: Session, evidence: Evidence) -> None:
    """Take the learner's next number; if someone else takes it at the same moment, take the one after."""
    for _attempt in range(NUMBERING_ATTEMPTS):
        evidence.number = next_number(session, evidence.learner_id)
        try:
            with session.begin_nested():
                session.add(evidence)
                session.flush()
            return
        except IntegrityError:
            continue
    raise Refused(_("The evidence could not be numbered because of other changes at the same time. Try again."))


def next_number(session: Session, learner_id: int) -> int:
    return (session.scalar(select(func.max(Evidence.number)).where(Evidence.learner_id == learner_id)) or 0) + 1


def update_evidence(session: Session, actor: User, evidence: Evidence, expected_version, **fields) -> bool:
    """Change what the item says; False when nothing differed."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    check_changeable(actor, evidence)
    check_version(evidence, expected_version)
    current = {name: getattr(evidence, name) for name in EDITABLE_FIELDS}
    values = checked_fields(evidence.kind, current | fields)
    changed = {name: value for name, value in values.items() if value != current[name]}
    if not changed:
        return False
    for name, value in changed.items():
        setattr(evidence, name, value)
    flush_change(session, evidence)
    before = {name: current[name] for name in changed}
    record(session, actor, "updated", "evidence", evidence.id, learner_id=evidence.learner_id, before=before, after=changed)
    return True


def delete_draft(session: Session, actor: User, evidence: Evidence, expected_version) -> list[str]:
    """Delete a never-submitted draft with its files and claims; returns the blobs to discard after commit."""
    check_changeable(actor, evidence)
    if not may_delete(actor, evidence):
        raise Locked(_("Only a draft that has never been submitted can be deleted."))
    check_version(evidence, expected_version)
    blobs = [file.sha256 for file in evidence.files]
    enrolment_ids = {mapping.enrolment_id for mapping in evidence.mappings}
    files = [file.filename for file in evidence.files]
    claims = [mapping.criterion.ref for mapping in evidence.mappings]
    before = _snapshot(evidence) | {"files": files, "criteria": claims}
    evidence_id = evidence.id
    for row in [*evidence.files, *evidence.mappings, *requests_of(session, evidence), evidence]:
        session.delete(row)
    flush_change(session, evidence)
    record(session, actor, "deleted", "evidence", evidence_id, learner_id=evidence.learner_id, before=before)
    evidence_changed.send(session=session, enrolment_ids=set(enrolment_ids))
    return blobs


# -- submitting -------------------------------------------------------------------------------


def submit_evidence(session: Session, actor: User, evidence: Evidence, expected_version, declaration_text: str) -> Submission:
    """Send the item to the assessors of the standards it claims, with the learner's declaration as worded.

    What is sent is frozen with the submission (snapshot.py): later changes to the item never alter it.
    """
    if evidence.status not in EDITABLE_STATUSES:
        raise Locked(locked_message(evidence))
    check_changeable(actor, evidence)
    check_version(evidence, expected_version)
    declaration = "" if evidence.kind == OBSERVATION else (declaration_text or "").strip()
    _check_ready(evidence, declaration)
    number = max((submission.number for submission in evidence.submissions), default=0) + 1
    submission = Submission(number=number, submitted_by_id=actor.id, declaration=declaration, **frozen_fields(evidence))
    evidence.submissions.append(submission)
    before = evidence.status
    evidence.status = SUBMITTED
    flush_change(session, evidence, races=(StaleDataError, IntegrityError))
    claims = [mapping.criterion.ref for mapping in evidence.mappings]
    after = {"status": SUBMITTED, "submission": number, "criteria": claims, "snapshot_sha256": submission.snapshot_sha256}
    record(session, actor, "submitted", "evidence", evidence.id, learner_id=evidence.learner_id,
           before={"status": before}, after=after)
    evidence_changed.send(session=session, enrolment_ids={mapping.enrolment_id for mapping in evidence.mappings})
    return submission


def _check_ready(evidence: Evidence, declaration: str) -> None:
    """Refuse, listing every problem at once: the declaration and whatever else stops the item being submitted."""
    problems = [] if evidence.kind == OBSERVATION or declaration else [("declaration", _("Confirm that this evidence is your own work."))]
    problems += submit_problems(evidence)
    if problems:
        raise Refused.listing(problems)

"""Claiming criteria with an evidence item: the learner's enrolments, and changing what an item claims."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _
from sqlalchemy import case, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, joinedload
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..audit.services import record
from ..cohorts.models import ACTIVE, CohortMember, Enrolment
from ..core.acts import Conflict, Locked, Refused
from ..standards.criteria import assessable_criteria
from ..standards.models import Criterion
from ..standards.references import reference
from ..timeutil import utcnow
from .events import evidence_changed
from .guards import is_owner, locked_message, may_change
from .models import Evidence, Mapping

NOTE_MAX = 1000


@dataclass(frozen=True)
class MappingChange:
    added: int = 0
    removed: int = 0
    changed: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Claimable:
    """A criterion the learner may claim, and the enrolment a claim on it counts for."""

    criterion: Criterion
    enrolment: Enrolment


def learner_enrolments(session: Session, learner_id: int) -> list[Enrolment]:
    """The learner's enrolments in all their cohorts, active memberships first, each with its standard loaded."""
    active_first = case((CohortMember.status == ACTIVE, 0), else_=1)
    query = (
        select(Enrolment)
        .join(Enrolment.member)
        .where(CohortMember.learner_id == learner_id)
        .options(contains_eager(Enrolment.member), joinedload(Enrolment.standard))
        .order_by(active_first, CohortMember.created_at.desc(), Enrolment.id)
    )
    return list(session.scalars(query).unique())


def mappable_enrolments(enrolments: list[Enrolment]) -> list[Enrolment]:
    """One enrolment per standard, the first (active) one: a claim on a criterion counts there."""
    chosen: dict[int, Enrolment] = {}
    for enrolment in enrolments:
        chosen.setdefault(enrolment.standard_id, enrolment)
    return list(chosen.values())


def claimable_criteria(session: Session, enrolments: list[Enrolment]) -> dict[int, Claimable]:
    """{criterion id: Claimable} for every assessable criterion of the learner's standards."""
    return {
        criterion.id: Claimable(criterion, enrolment)
        for enrolment in mappable_enrolments(enrolments)
        for criterion in assessable_criteria(session, enrolment.standard_id)
    }


def clean_note(note: str | None) -> str:
    return (note or "").replace("\r\n", "\n").strip()


def set_mapping(
    session: Session, actor: User, evidence: Evidence, claims: dict[int, str], expected_version: int
) -> MappingChange:
    """Make the evidence claim exactly `claims` ({criterion id: note}); the same claims again change nothing."""
    reason = locked_reason(actor, evidence)
    if reason:
        raise Locked(reason)
    claimable = claimable_criteria(session, learner_enrolments(session, evidence.learner_id))
    wanted = _checked_claims(session, claims, claimable)
    current = {mapping.criterion_id: mapping for mapping in evidence.mappings}
    added = [claimable[criterion_id] for criterion_id in wanted if criterion_id not in current]
    removed = [mapping for criterion_id, mapping in current.items() if criterion_id not in wanted]
    renoted = [(current[key], note) for key, note in wanted.items() if key in current and current[key].note != note]
    change = MappingChange(len(added), len(removed), len(renoted))
    if not change:
        return change
    if evidence.version != expected_version:
        raise Conflict(_conflict_message(evidence))
    try:
        with session.begin_nested():
            _apply(session, actor, evidence, [(claim, wanted[claim.criterion.id]) for claim in added], removed, renoted)
    except (StaleDataError, IntegrityError) as error:
        raise Conflict(_conflict_message(evidence)) from error
    session.expire(evidence, ["mappings"])
    return change


def locked_reason(actor: User, evidence: Evidence) -> str | None:
    """Why this person cannot change the criteria the evidence claims now, or None when they can."""
    if may_change(actor, evidence):
        return None
    if is_owner(actor, evidence):
        return locked_message(evidence)
    return _("You can see which criteria this evidence claims, but you cannot change them.")


def _conflict_message(evidence: Evidence) -> str:
    return _(
        "%(reference)s was changed by someone else after you opened this page. Check the criteria below and save again.",
        reference=evidence.reference,
    )


def _checked_claims(session: Session, claims: dict[int, str], claimable: dict[int, Claimable]) -> dict[int, str]:
    checked = {}
    for criterion_id, note in claims.items():
        if criterion_id not in claimable:
            raise Refused(_refusal(session, criterion_id), field="criteria")
        note = clean_note(note)
        if len(note) > NOTE_MAX:
            code = reference(claimable[criterion_id].criterion)
            message = _("The note for %(code)s must be %(max)s characters or fewer.", code=code, max=NOTE_MAX)
            raise Refused(message, field=f"note_{criterion_id}")
        checked[criterion_id] = note
    return checked


def _refusal(session: Session, criterion_id: int) -> str:
    criterion = session.get(Criterion, criterion_id)
    if criterion is not None and criterion.parent is not None:
        return _("%(code)s is part of %(parent)s: claim %(parent)s instead.", code=reference(criterion), parent=reference(criterion.parent))
    return _("Evidence can only claim criteria of the standards the learner is enrolled on.")


def _snapshot(mapping: Mapping, evidence: Evidence, ref: str) -> dict:
    return {
        "evidence": evidence.reference,
        "criterion": ref,
        "criterion_id": mapping.criterion_id,
        "enrolment_id": mapping.enrolment_id,
        "note": mapping.note,
    }


def _apply(session: Session, actor: User, evidence: Evidence, added: list, removed: list[Mapping], renoted: list) -> None:
    evidence.updated_at = utcnow()
    session.flush()
    audit = {"learner_id": evidence.learner_id}
    for claim, note in added:
        mapping = Mapping(evidence_id=evidence.id, enrolment_id=claim.enrolment.id, criterion_id=claim.criterion.id, note=note)
        session.add(mapping)
        session.flush()
        after = _snapshot(mapping, evidence, claim.criterion.ref)
        record(session, actor, "created", "mapping", mapping.id, after=after, **audit)
    for mapping in removed:
        before = _snapshot(mapping, evidence, mapping.criterion.ref)
        record(session, actor, "deleted", "mapping", mapping.id, before=before, **audit)
        session.delete(mapping)
    for mapping, note in renoted:
        before = {"criterion": mapping.criterion.ref, "note": mapping.note}
        mapping.note = note
        record(session, actor, "updated", "mapping", mapping.id, before=before, after=before | {"note": note}, **audit)
    touched = {claim.enrolment.id for claim, _note in added} | {m.enrolment_id for m in [*removed, *(m for m, _n in renoted)]}
    evidence_changed.send(session=session, enrolment_ids=set(touched))

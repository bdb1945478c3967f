"""Making a planned move to a new version, and reversing it: each one transaction, recorded in the audit chain.

Decisions are never edited: a decision on an unchanged criterion is copied onto the new version's criterion
(`carried_from_id` names the original, which stays on the old criterion). Reversing puts the enrolments,
the cohort and the evidence claims back; the copies stay in the history but no longer count, because they
are on criteria of a version the enrolment is no longer on.
"""
from datetime import datetime

from flask_babel import lazy_gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..audit.services import record
from ..cohorts.models import Cohort, CohortStandard, Enrolment
from ..core.acts import Conflict, Locked, Refused
from ..evidence.models import Mapping
from ..i18n import lazy_datetime
from ..permissions import can_move_versions
from ..standards.models import Criterion, Standard
from ..timeutil import aware, utcnow
from .models import Decision, SignOff
from .move_models import VersionMove
from .moves import MOVES, LearnerPlan, MovePlan, plan_move
from .progress import refresh_progress


def label(standard: Standard) -> str:
    return f"{standard.urn} v{standard.version}"


def move_cohort(session: Session, actor: User, cohort: Cohort, old: Standard, new: Standard | None, fingerprint: str) -> VersionMove:
    """Move every movable enrolment of the cohort on `old` to `new`, or none; `fingerprint` is the preview's."""
    _check_actor(actor, cohort.provider_id)
    session.refresh(cohort, with_for_update=True)  # two moves of one cohort queue here; the second finds a changed plan
    plan = plan_move(session, cohort, old, new)
    if plan.fingerprint != fingerprint:
        raise Conflict(_("Something changed since you read the preview (a decision, a claim or a learner). Read it again, then move."))
    problems = plan.problems()
    if problems:
        raise Refused.listing(problems)
    move = VersionMove(cohort_id=cohort.id, from_standard_id=old.id, to_standard_id=new.id, moved_by_id=actor.id,
                       decision_mark=_highest(session, Decision.id), sign_off_mark=_highest(session, SignOff.id), details={})
    session.add(move)
    session.flush()
    moved = [_move_enrolment(session, actor, learner, plan, move) for learner in plan.having(MOVES)]
    _repin(cohort, old, new)
    move.details = _details(plan, moved)
    record(session, actor, "moved", "version_move", move.id,
           before={"standard": label(old)}, after={"standard": label(new), "enrolments": len(moved), "cohort": cohort.name})
    refresh_progress(session, [entry["id"] for entry in moved])
    return move


def _move_enrolment(session: Session, actor: User, learner: LearnerPlan, plan: MovePlan, move: VersionMove) -> dict:
    carried_to = plan.comparison.carried
    enrolment = learner.enrolment
    copies = _carry(session, learner.carried, carried_to)
    moved_claims = []
    for mapping in learner.moved_claims:
        moved_claims.append([mapping.id, mapping.criterion_id, carried_to[mapping.criterion_id]])
        mapping.criterion_id = carried_to[mapping.criterion_id]
    set_aside = [_set_aside(session, mapping) for mapping in learner.set_aside]
    enrolment.standard = plan.comparison.new
    session.flush()
    record(session, actor, "moved", "enrolment", enrolment.id, learner_id=enrolment.member.learner_id,
           before={"standard": label(plan.comparison.old)},
           after={"standard": label(plan.comparison.new), "carried": len(copies), "decide_again": ", ".join(learner.decide_again)})
    return {"id": enrolment.id, "carried": [copy.id for copy in copies], "moved_claims": moved_claims, "set_aside": set_aside,
            "decide_again": learner.decide_again, "move_id": move.id}


def _carry(session: Session, decisions: list[Decision], carried_to: dict[int, int]) -> list[Decision]:
    """A copy of each decision on its new criterion, in the same review; after a reversed move, the next sequence."""
    reviews, targets = {d.review_id for d in decisions}, {carried_to[d.criterion_id] for d in decisions}
    rows = session.execute(
        select(Decision.review_id, Decision.criterion_id, func.max(Decision.sequence))
        .where(Decision.review_id.in_(reviews), Decision.criterion_id.in_(targets))
        .group_by(Decision.review_id, Decision.criterion_id)
    ) if decisions else []
    highest = {(review_id, criterion_id): sequence for review_id, criterion_id, sequence in rows}
    copies = [
        Decision(review_id=d.review_id, enrolment_id=d.enrolment_id, evidence_id=d.evidence_id, criterion_id=carried_to[d.criterion_id],
                 outcome=d.outcome, feedback=d.feedback, sequence=highest.get((d.review_id, carried_to[d.criterion_id]), 0) + 1,
                 correction_reason=d.correction_reason, reopen_reason=d.reopen_reason, decided_by_id=d.decided_by_id,
                 decided_at=d.decided_at, carried_from_id=d.id)
        for d in decisions
    ]
    session.add_all(copies)
    session.flush()
    return copies


def _set_aside(session: Session, mapping: Mapping) -> dict:
    kept = {"evidence_id": mapping.evidence_id, "criterion_id": mapping.criterion_id, "note": mapping.note,
            "created_at": aware(mapping.created_at).isoformat()}
    session.delete(mapping)
    return kept


def _repin(cohort: Cohort, old: Standard, new: Standard) -> None:
    for pinned in cohort.standards:
        if pinned.standard_id == old.id:
            pinned.standard = new


def _details(plan: MovePlan, moved: list[dict]) -> dict:
    left = [{"id": p.enrolment.id, "status": p.status} for p in plan.learners if p.status != MOVES]
    changes = [{"ref": item.ref, "kind": item.kind, "change": item.change} for item in plan.comparison.changes]
    return {"fingerprint": plan.fingerprint, "changes": changes, "moved": moved, "left": left}


def _check_actor(actor: User, provider_id: int) -> None:
    if not can_move_versions(actor, provider_id):
        raise Refused(_("Only the provider's administrators move its cohorts to another version of a standard."))


def _highest(session: Session, column) -> int:
    return session.scalar(select(func.max(column))) or 0


# -- reversing ------------------------------------------------------------------------------------


def reversal_problems(session: Session, move: VersionMove) -> list[tuple[str | None, str]]:
    """Why the move can no longer be reversed; empty when it can."""
    if move.reversed_at is not None:
        return [(None, _("This move was reversed already."))]
    enrolment_ids = [entry["id"] for entry in move.details.get("moved", [])]
    problems = []
    later = session.scalar(select(func.count()).where(
        VersionMove.cohort_id == move.cohort_id, VersionMove.id > move.id, VersionMove.reversed_at.is_(None)))
    if later:
        problems.append((None, _("The cohort has moved on to another version since. Reverse that move first.")))
    decided = _new_decisions(session, move, enrolment_ids)
    if decided:
        problems.append((None, _(
            "It can no longer be reversed: assessors have made %(count)d decisions on the moved learners since the move "
            "(the first on %(when)s). Those decisions are on the criteria of version %(version)s.",
            count=len(decided), when=_when(decided[0]), version=move.to_standard.version,
        )))
    if session.scalar(select(func.count()).where(SignOff.enrolment_id.in_(enrolment_ids), SignOff.id > move.sign_off_mark)):
        problems.append((None, _("It can no longer be reversed: a moved learner's standard has been signed off since the move.")))
    new_claims = _claims_on_new_criteria(session, move, enrolment_ids)
    if new_claims:
        problems.append((None, _(
            "It can no longer be reversed: evidence claims criteria that version %(version)s does not have (%(refs)s).",
            version=move.from_standard.version, refs=", ".join(new_claims),
        )))
    return problems


def _new_decisions(session: Session, move: VersionMove, enrolment_ids: list[int]) -> list[Decision]:
    query = select(Decision).where(
        Decision.enrolment_id.in_(enrolment_ids), Decision.id > move.decision_mark, Decision.carried_from_id.is_(None)
    )
    return list(session.scalars(query.order_by(Decision.id)))


def _when(decision: Decision):
    return lazy_datetime(aware(decision.decided_at))


def _claims_on_new_criteria(session: Session, move: VersionMove, enrolment_ids: list[int]) -> list[str]:
    old_refs = set(session.scalars(select(Criterion.ref).where(Criterion.standard_id == move.from_standard_id)))
    query = (
        select(Criterion.ref).join(Mapping, Mapping.criterion_id == Criterion.id)
        .where(Mapping.enrolment_id.in_(enrolment_ids), Criterion.standard_id == move.to_standard_id)
    )
    return sorted({ref for ref in session.scalars(query) if ref not in old_refs})


def reverse_move(session: Session, actor: User, move: VersionMove, version: int | None) -> VersionMove:
    """Put the cohort and its moved enrolments back on the earlier version, while no new decision has been made."""
    _check_actor(actor, move.cohort.provider_id)
    session.refresh(move, with_for_update=True)  # two reversals at once: the second sees the first's version
    if version != move.version:
        raise Conflict(_("This move changed since you loaded the page. Read it again before you reverse it."))
    problems = reversal_problems(session, move)
    if problems:
        raise Locked.listing(problems)
    back = _refs_back(session, move)
    enrolment_ids = []
    for entry in move.details.get("moved", []):
        enrolment = session.get(Enrolment, entry["id"])
        _claims_back(session, enrolment, entry, back)
        enrolment.standard = move.from_standard
        enrolment_ids.append(enrolment.id)
        record(session, actor, "move_reversed", "enrolment", enrolment.id, learner_id=enrolment.member.learner_id,
               before={"standard": label(move.to_standard)}, after={"standard": label(move.from_standard)})
    for pinned in session.scalars(select(CohortStandard).where(CohortStandard.cohort_id == move.cohort_id)):
        if pinned.standard_id == move.to_standard_id:
            pinned.standard = move.from_standard
    move.reversed_at, move.reversed_by_id = utcnow(), actor.id
    session.flush()
    record(session, actor, "reversed", "version_move", move.id,
           before={"standard": label(move.to_standard)}, after={"standard": label(move.from_standard)})
    refresh_progress(session, enrolment_ids)
    return move


def _refs_back(session: Session, move: VersionMove) -> dict[int, int]:
    """{new criterion id: old criterion id} by reference."""
    rows = list(session.execute(select(Criterion.id, Criterion.ref, Criterion.standard_id).where(
        Criterion.standard_id.in_((move.from_standard_id, move.to_standard_id)))))
    old = {row.ref: row.id for row in rows if row.standard_id == move.from_standard_id}
    rows = [row for row in rows if row.standard_id == move.to_standard_id]
    return {row.id: old[row.ref] for row in rows if row.ref in old}


def _claims_back(session: Session, enrolment: Enrolment, entry: dict, back: dict[int, int]) -> None:
    claims = list(session.scalars(select(Mapping).where(Mapping.enrolment_id == enrolment.id)))
    for mapping in claims:
        mapping.criterion_id = back.get(mapping.criterion_id, mapping.criterion_id)
    session.flush()
    held = {(mapping.evidence_id, mapping.criterion_id) for mapping in claims}
    for kept in entry.get("set_aside", []):
        if (kept["evidence_id"], kept["criterion_id"]) in held:
            continue
        session.add(Mapping(evidence_id=kept["evidence_id"], enrolment_id=enrolment.id, criterion_id=kept["criterion_id"],
                            note=kept["note"], created_at=datetime.fromisoformat(kept["created_at"])))
    session.flush()

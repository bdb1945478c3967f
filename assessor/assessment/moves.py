"""Moving a cohort to a new version of a standard, first as a plan: what carries over for each learner and what changes.

The rule for each enrolment of the cohort on version N:
- an active learner's (or one on a break) enrolment moves, unless its standard is signed off: a signed-off
  enrolment stays on the version it was achieved on, and is listed as such;
- a withdrawn or transferred learner's enrolment stays as their record, and is listed as such;
- evidence waiting for a decision on the enrolment stops the whole move (it claims the old criteria):
  the assessor decides it first.
Where a criterion's text is unchanged (matched by reference), its decisions and the evidence claiming it
carry over; claims on changed or removed criteria are set aside (kept in the move, restored if reversed),
and the assessor decides the changed and new criteria again.
"""
import hashlib
import json
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..cohorts.models import ACTIVE, ON_BREAK, Cohort, CohortMember, Enrolment
from ..core.acts import Problem, Refused
from ..evidence.models import Mapping, Submission
from ..standards.models import Criterion, Standard
from ..standards.versions import CHANGED, NEW, REMOVED, SAME, Comparison, compare_versions, is_newer
from .models import Decision
from .move_models import VersionMove
from .progress import active_sign_off, latest_per_review

MOVES = "moves"
SIGNED_OFF = "signed_off"
LEFT = "left"
WAITING = "waiting"


@dataclass(frozen=True)
class LearnerPlan:
    """What the move does to one enrolment."""

    enrolment: Enrolment
    status: str
    #: each review's latest decision on a criterion whose text is unchanged: copied onto the new criterion
    carried: list[Decision]
    #: evidence claims on unchanged criteria (they move to the new criterion)
    moved_claims: list[Mapping]
    #: evidence claims on changed or removed criteria (set aside)
    set_aside: list[Mapping]
    #: references of changed or removed criteria that had a decision: the assessor decides them again
    decide_again: list[str]


@dataclass(frozen=True)
class MovePlan:
    cohort: Cohort
    comparison: Comparison
    learners: list[LearnerPlan]

    def having(self, status: str) -> list[LearnerPlan]:
        return [plan for plan in self.learners if plan.status == status]

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything the preview showed changes: a form posted from an older preview is stale."""
        facts = [self.comparison.old.id, self.comparison.new.id, [(c.ref, c.change) for c in self.comparison.changes]]
        facts += [[p.enrolment.id, p.status, sorted(d.id for d in p.carried), sorted(m.id for m in p.moved_claims + p.set_aside)]
                  for p in self.learners]
        return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:32]

    def problems(self) -> list[Problem]:
        """Everything that stops the move, each once."""
        problems: list[Problem] = []
        if any(pinned.standard_id == self.comparison.new.id for pinned in self.cohort.standards):
            problems.append((None, _("This cohort already works towards version %(version)s.", version=self.comparison.new.version)))
        for plan in self.having(WAITING):
            problems.append((None, _(
                "%(name)s has evidence waiting for a decision on this standard. Their assessor decides it first: it "
                "claims the criteria of version %(version)s.", name=plan.enrolment.member.learner.name, version=self.comparison.old.version,
            )))
        return problems


def plan_move(session: Session, cohort: Cohort, old: Standard, new: Standard | None) -> MovePlan:
    """What moving the cohort's enrolments from `old` to `new` would do; refused when `new` is not a newer version."""
    if new is None or not is_newer(new, old):
        raise Refused(_("Choose a newer version of this standard."))
    comparison = compare_versions(session, old, new)
    enrolments = session.scalars(
        select(Enrolment).join(CohortMember).where(Enrolment.standard_id == old.id, CohortMember.cohort_id == cohort.id)
        .order_by(Enrolment.id)
    )
    return MovePlan(cohort, comparison, [_learner_plan(session, enrolment, comparison) for enrolment in enrolments])


def _learner_plan(session: Session, enrolment: Enrolment, comparison: Comparison) -> LearnerPlan:
    carried_ids = comparison.carried
    decisions = latest_per_review(session, enrolment.id)
    mappings = list(session.scalars(select(Mapping).where(Mapping.enrolment_id == enrolment.id).order_by(Mapping.id)))
    changed = {item.old.id: item.ref for item in comparison.changes if item.old and item.change != SAME}
    return LearnerPlan(
        enrolment,
        _status(session, enrolment),
        [decision for decision in decisions if decision.criterion_id in carried_ids],
        [mapping for mapping in mappings if mapping.criterion_id in carried_ids],
        [mapping for mapping in mappings if mapping.criterion_id not in carried_ids],
        sorted({changed[d.criterion_id] for d in decisions if d.criterion_id in changed}, key=_ref_order(comparison)),
    )


def _status(session: Session, enrolment: Enrolment) -> str:
    if enrolment.member.status not in (ACTIVE, ON_BREAK):
        return LEFT
    if active_sign_off(session, enrolment.id) is not None:
        return SIGNED_OFF
    return WAITING if waiting_evidence(session, enrolment.id) else MOVES


def waiting_evidence(session: Session, enrolment_id: int) -> int:
    """How many open submissions claim the enrolment's criteria."""
    query = (
        select(func.count(func.distinct(Submission.id)))
        .join(Mapping, Mapping.evidence_id == Submission.evidence_id)
        .where(Mapping.enrolment_id == enrolment_id, Submission.closed_at.is_(None))
    )
    return session.scalar(query) or 0


def _ref_order(comparison: Comparison):
    order = {item.ref: index for index, item in enumerate(comparison.changes)}
    return lambda ref: order.get(ref, len(order))


@dataclass(frozen=True)
class Revision:
    """A criterion the enrolment's last move to this version changed or added, not decided since: decide it again."""

    change: str
    version: str


@dataclass(frozen=True)
class Revisions:
    """What the assessor should know after the enrolment's last move: criteria to decide again, and those removed."""

    version: str = ""
    #: {criterion id: revision}, less the criteria decided since the move
    criteria: dict = field(default_factory=dict)
    #: references of the earlier version's criteria that the new version no longer has
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.criteria or self.removed)


def revisions(session: Session, enrolment: Enrolment, decided: set[int]) -> Revisions:
    """The changed and new criteria of the enrolment's standard after a move, less those decided since (`decided`)."""
    query = select(VersionMove).where(VersionMove.to_standard_id == enrolment.standard_id, VersionMove.reversed_at.is_(None))
    move = next((move for move in session.scalars(query.order_by(VersionMove.id.desc()))
                 if any(entry["id"] == enrolment.id for entry in move.details.get("moved", []))), None)
    if move is None:
        return Revisions()
    changes = move.details.get("changes", [])
    kinds = {change["ref"]: change["change"] for change in changes if change["change"] in (CHANGED, NEW)}
    criteria = session.execute(select(Criterion.id, Criterion.ref).where(Criterion.standard_id == enrolment.standard_id))
    version = move.to_standard.version
    revised = {row.id: Revision(kinds[row.ref], version) for row in criteria if row.ref in kinds and row.id not in decided}
    return Revisions(version, revised, [change["ref"] for change in changes if change["change"] == REMOVED])

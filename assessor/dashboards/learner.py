"""What a learner should do next, from their evidence's states and the per-enrolment counts (never the decisions)."""
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..assessment.models import SignOff
from ..cohorts.models import CohortMember, Enrolment
from ..assessment.matrix import StandardSummary
from ..standards.words import Words
from ..evidence.models import DRAFT, REFERRED, Evidence

COUNTERSIGN = "countersign"
REFERRED_BACK = "referred"
DRAFTS = "drafts"
NOT_STARTED = "not_started"


@dataclass(frozen=True)
class NextStep:
    """One thing to do: what, how many, and the page where it is done."""

    kind: str
    count: int
    endpoint: str
    args: dict = field(default_factory=dict)
    #: the standard it concerns, for steps about one standard
    standard: Words | None = None
    urn: str = ""


def next_steps(session: Session, learner: User, summaries: list[StandardSummary]) -> list[NextStep]:
    """Countersignatures first, then referred evidence, drafts, and criteria not started (two queries)."""
    titles = {summary.enrolment_id: summary for summary in summaries}
    steps = [
        NextStep(COUNTERSIGN, 1, "assessment.countersign", {"sign_off_id": sign_off_id}, summary.title, summary.standard.urn)
        for sign_off_id, enrolment_id in _awaiting_countersignature(session, learner.id)
        if (summary := titles.get(enrolment_id)) is not None
    ]
    evidence = _evidence_in(session, learner.id)
    for status, kind in ((REFERRED, REFERRED_BACK), (DRAFT, DRAFTS)):
        count, number = evidence.get(status, (0, None))
        if count == 1:
            steps.append(NextStep(kind, 1, "evidence.show", {"learner_id": learner.id, "number": number}))
        elif count:
            steps.append(NextStep(kind, count, "evidence.portfolio", {"status": status}))
    for summary in summaries:
        untouched = summary.performance.not_started + summary.knowledge.not_started
        if summary.active and untouched:
            args = {"learner_id": learner.id, "enrolment_id": summary.enrolment_id}
            steps.append(NextStep(NOT_STARTED, untouched, "evidence.matrix", args, summary.title, summary.standard.urn))
    return steps


def _evidence_in(session: Session, learner_id: int) -> dict[str, tuple[int, int]]:
    """{status: (how many items, the lowest number)} for drafts and referred evidence."""
    query = (
        select(Evidence.status, func.count(), func.min(Evidence.number))
        .where(Evidence.learner_id == learner_id, Evidence.status.in_((DRAFT, REFERRED)))
        .group_by(Evidence.status)
    )
    return {status: (count, number) for status, count, number in session.execute(query)}


def _awaiting_countersignature(session: Session, learner_id: int) -> list[tuple[int, int]]:
    """(sign-off id, enrolment id) of the learner's standing sign-offs not countersigned yet."""
    query = (
        select(SignOff.id, SignOff.enrolment_id)
        .join(Enrolment, Enrolment.id == SignOff.enrolment_id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .where(CohortMember.learner_id == learner_id, SignOff.withdrawn_at.is_(None), SignOff.learner_signed_at.is_(None))
        .order_by(SignOff.signed_at, SignOff.id)
    )
    return [tuple(row) for row in session.execute(query)]

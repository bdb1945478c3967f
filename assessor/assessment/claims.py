"""What a submission asks the assessor to decide: the criteria it claimed when submitted, less those met before.

A criterion met on an earlier submission of the same evidence stays met (it is carried over) unless the
assessor reopens it with a reason; only the rest are asked again.
"""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..evidence.models import Submission
from ..evidence.snapshot import judged
from ..standards.models import Criterion
from .models import MET, Decision, Review
from .progress import current_decisions


@dataclass(frozen=True)
class Claim:
    """A criterion the submitted version claims, with the learner's note as it was submitted."""

    criterion: Criterion
    note: str

    @property
    def criterion_id(self) -> int:
        return self.criterion.id


@dataclass(frozen=True)
class ToDecide:
    #: every criterion claimed for the enrolment, in the standard's order
    claims: list[Claim]
    #: {criterion id: the met decision from an earlier submission that still counts}
    carried: dict[int, Decision]

    @property
    def asked(self) -> list[Claim]:
        return [claim for claim in self.claims if claim.criterion_id not in self.carried]

    @property
    def kept(self) -> list[Claim]:
        return [claim for claim in self.claims if claim.criterion_id in self.carried]


def submitted_claims(session: Session, submission: Submission, enrolment_id: int) -> list[Claim]:
    """The claims the submission froze for this enrolment, in the standard's order."""
    notes = {claim.criterion_id: claim.note for claim in judged(submission).claims_for(enrolment_id)}
    if not notes:
        return []
    query = select(Criterion).where(Criterion.id.in_(notes)).options(selectinload(Criterion.children)).order_by(Criterion.position)
    return [Claim(criterion, notes[criterion.id]) for criterion in session.scalars(query)]


def earlier_decisions(session: Session, submission: Submission, enrolment_id: int) -> dict[int, Decision]:
    """{criterion id: decision that counts} from earlier submissions of the same evidence for this enrolment."""
    earlier = select(Review.id).join(Submission, Submission.id == Review.submission_id).where(
        Submission.evidence_id == submission.evidence_id, Submission.number < submission.number, Review.enrolment_id == enrolment_id
    )
    review_ids = set(session.scalars(earlier))
    return {d.criterion_id: d for d in current_decisions(session, enrolment_id) if d.review_id in review_ids}


def carried_over(session: Session, submission: Submission, enrolment_id: int) -> dict[int, Decision]:
    """{criterion id: met decision} for the criteria met on an earlier submission of the same evidence."""
    return {cid: decision for cid, decision in earlier_decisions(session, submission, enrolment_id).items() if decision.outcome == MET}


def to_decide(session: Session, submission: Submission, enrolment_id: int) -> ToDecide:
    claims = submitted_claims(session, submission, enrolment_id)
    carried = carried_over(session, submission, enrolment_id)
    return ToDecide(claims, {claim.criterion_id: carried[claim.criterion_id] for claim in claims if claim.criterion_id in carried})

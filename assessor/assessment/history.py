"""An evidence item's submissions with every review of each and the decisions that count, for the item's page."""
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..evidence.models import Evidence, Submission
from ..evidence.snapshot import Judged, judged
from .models import Decision, Review


@dataclass
class ReviewRecord:
    review: Review
    #: the decision that counts for each criterion, in the standard's order
    decisions: list[Decision]

    @property
    def carried_over(self) -> list[str]:
        """The references of criteria the submission claimed that this review did not decide: met before, carried over."""
        decided = {decision.criterion_id for decision in self.decisions}
        return judged(self.review.submission).refs_besides(self.review.enrolment_id, decided)


@dataclass
class SubmissionRecord:
    submission: Submission
    reviews: list[ReviewRecord] = field(default_factory=list)

    @property
    def version(self) -> Judged:
        """The item as this submission sent it, which its reviews judged."""
        return judged(self.submission)


def one_per_reference(decisions: list[Decision], standard_id: int) -> list[Decision]:
    """A review's decisions, one per criterion reference: where a move to a new version copied a decision onto the new
    criterion, the one on the version the enrolment is on now (the one that counts, and that a correction corrects)."""
    kept: dict[str, Decision] = {}
    for decision in decisions:
        ref = decision.criterion.ref
        if ref not in kept or decision.criterion.standard_id == standard_id:
            kept[ref] = decision
    return list(kept.values())


def submission_history(session: Session, evidence: Evidence) -> list[SubmissionRecord]:
    """Each time the item was submitted, newest first, with every review of it and its current decisions."""
    records = {submission.id: SubmissionRecord(submission) for submission in evidence.submissions}
    reviews = list(session.scalars(select(Review).where(Review.submission_id.in_(records)).order_by(Review.created_at, Review.id)))
    latest: dict[tuple[int, int], Decision] = {}
    for decision in session.scalars(select(Decision).where(Decision.review_id.in_([review.id for review in reviews]))):
        key = (decision.review_id, decision.criterion_id)
        if key not in latest or decision.sequence > latest[key].sequence:
            latest[key] = decision
    for review in reviews:
        mine = [d for (review_id, _c), d in latest.items() if review_id == review.id]
        decisions = sorted(one_per_reference(mine, review.enrolment.standard_id), key=lambda d: d.criterion.position)
        records[review.submission_id].reviews.append(ReviewRecord(review, decisions))
    return sorted(records.values(), key=lambda record: record.submission.number, reverse=True)


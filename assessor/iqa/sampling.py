"""Drawing samples for the IQA as reviews are recorded, by the cohort's plan."""
import math

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..assessment.models import Review
from ..audit.services import record
from ..cohorts.models import CohortMember, Enrolment
from .models import BY_SHARE, NEW_ASSESSOR, PER_LEARNER, NewAssessor, Sample, SamplingPlan

DEFAULT_SHARE = 25
DEFAULT_NEW_ASSESSOR_SHARE = 100


def cohort_id_of(session: Session, enrolment: Enrolment) -> int:
    return session.scalar(select(CohortMember.cohort_id).where(CohortMember.id == enrolment.member_id))


def plan_for(session: Session, cohort_id: int) -> SamplingPlan | None:
    return session.scalar(select(SamplingPlan).where(SamplingPlan.cohort_id == cohort_id))


def share_for(session: Session, cohort_id: int, assessor_id: int) -> tuple[int, str]:
    """The per-cent share of this assessor's reviews to sample in this cohort, and why."""
    plan = plan_for(session, cohort_id)
    if plan is None:
        return DEFAULT_SHARE, BY_SHARE
    is_new = session.scalar(
        select(NewAssessor.id).where(NewAssessor.plan_id == plan.id, NewAssessor.assessor_id == assessor_id)
    )
    return (plan.new_assessor_percent, NEW_ASSESSOR) if is_new else (plan.share_percent, BY_SHARE)


def falls_in_sample(position: int, percent: int) -> bool:
    """Whether the n-th review (from 1) is drawn: exactly `percent` of reviews over time, the first always."""
    return math.ceil(position * percent / 100) > math.ceil((position - 1) * percent / 100)


def sample_review(session: Session, review: Review) -> Sample | None:
    """Draw the review for the IQA when the plan's share says so; call in the transaction that records it.

    Called twice for the same review, it draws nothing new and gives back the sample already drawn.
    """
    drawn = session.scalar(select(Sample).where(Sample.review_id == review.id))
    if drawn is not None:
        return drawn
    enrolment = review.enrolment
    cohort_id = cohort_id_of(session, enrolment)
    percent, reason = share_for(session, cohort_id, review.assessor_id)
    position = session.scalar(
        select(func.count(Review.id))
        .join(Enrolment, Enrolment.id == Review.enrolment_id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .where(CohortMember.cohort_id == cohort_id, Review.assessor_id == review.assessor_id, Review.id <= review.id)
    )
    if not falls_in_sample(position, percent):
        return None
    return _draw(session, review, reason)


def ensure_learner_sample(session: Session, enrolment: Enrolment) -> Sample | None:
    """At sign-off: if nothing of this learner's standard was sampled yet, draw its latest review."""
    if session.scalar(select(Sample.id).where(Sample.enrolment_id == enrolment.id).limit(1)) is not None:
        return None
    latest = session.scalar(
        select(Review).where(Review.enrolment_id == enrolment.id).order_by(Review.id.desc()).limit(1)
    )
    return _draw(session, latest, PER_LEARNER) if latest is not None else None


def _draw(session: Session, review: Review, reason: str) -> Sample:
    sample = Sample(review_id=review.id, enrolment_id=review.enrolment_id, assessor_id=review.assessor_id, reason=reason)
    session.add(sample)
    session.flush()
    learner_id = session.scalar(select(CohortMember.learner_id).where(CohortMember.id == review.enrolment.member_id))
    record(session, None, "sampled", "sample", sample.id, learner_id=learner_id, after={"review": review.id, "reason": reason})
    return sample

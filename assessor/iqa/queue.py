"""Reading samples: the IQA's queue, the assessor's referrals, and one sample with its review and history."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from ..accounts.models import User
from ..assessment.history import one_per_reference
from ..assessment.models import Decision, Review
from ..assessment.progress import latest_per_review
from ..audit.models import AuditEntry
from ..cohorts.models import CohortMember, Enrolment
from ..core.pages import Page, paginate
from ..evidence.models import Submission
from ..evidence.snapshot import Judged, judged
from ..timeutil import aware, utcnow
from .models import PENDING, REFERRED, RESPONDED, Sample

QUEUE_PER_PAGE = 25


def _with_context():
    """Samples with what a list shows of each: learner, standard, assessor, evidence, the IQA who decided."""
    enrolment = joinedload(Sample.enrolment)
    return select(Sample).options(
        enrolment.joinedload(Enrolment.member).joinedload(CohortMember.learner),
        enrolment.joinedload(Enrolment.standard),
        joinedload(Sample.review).joinedload(Review.submission).joinedload(Submission.evidence),
        joinedload(Sample.assessor),
        joinedload(Sample.decided_by),
    )


def waiting_since(sample: Sample) -> datetime:
    """When the sample last came to the IQA: drawn, or answered by the assessor."""
    return aware(sample.responded_at or sample.selected_at)


def days_waiting(sample: Sample, now: datetime | None = None) -> int:
    return max(0, ((now or utcnow()) - waiting_since(sample)).days)


def iqa_queue(session: Session, iqa: User, page: int = 1, per_page: int = QUEUE_PER_PAGE) -> Page:
    """Samples waiting for this IQA (drawn, or answered by the assessor), the longest waiting first."""
    query = (
        _with_context()
        .join(Enrolment, Enrolment.id == Sample.enrolment_id)
        .where(Enrolment.iqa_id == iqa.id, Sample.assessor_id != iqa.id, Sample.status.in_((PENDING, RESPONDED)))
        .order_by(func.coalesce(Sample.responded_at, Sample.selected_at), Sample.id)
    )
    return paginate(session, query, page, per_page)


def referred_for_assessor(session: Session, assessor: User) -> list[Sample]:
    """The assessor's decisions an IQA referred back, the oldest referral first."""
    query = _with_context().where(Sample.assessor_id == assessor.id, Sample.status == REFERRED)
    return list(session.scalars(query.order_by(Sample.decided_at, Sample.id)))


@dataclass
class SampleDetail:
    sample: Sample
    decisions: list[Decision]
    history: list[AuditEntry]
    #: the evidence as the sampled review judged it (its submission's snapshot), never as changed since
    evidence: Judged

    @property
    def carried_over(self) -> list[str]:
        """Criteria the submission claimed that the review did not decide: met on an earlier submission."""
        return self.evidence.refs_besides(self.sample.enrolment_id, {decision.criterion_id for decision in self.decisions})


def sample_detail(session: Session, sample: Sample) -> SampleDetail:
    """The sampled review's decisions that count (with their criteria), and every audited step of the sample."""
    decisions = [decision for decision in latest_per_review(session, sample.enrolment_id) if decision.review_id == sample.review_id]
    decisions = one_per_reference(decisions, sample.review.enrolment.standard_id)
    decisions.sort(key=lambda decision: decision.criterion.position)
    history = session.scalars(
        select(AuditEntry)
        .options(joinedload(AuditEntry.actor))
        .where(AuditEntry.entity == "sample", AuditEntry.entity_id == sample.id)
        .order_by(AuditEntry.seq)
    )
    return SampleDetail(sample, decisions, list(history), judged(sample.review.submission))

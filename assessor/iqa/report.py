"""What is awaiting sampling: each assessor's reviews against the plan, and sign-offs not yet verified (a fixed number of queries)."""
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..assessment.models import Review, SignOff
from ..cohorts.models import Cohort, CohortMember, Enrolment
from ..standards.models import Standard
from .labels import NOT_SAMPLED, QUEUED, WITH_ASSESSOR
from .models import AGREED, PENDING, REFERRED, RESPONDED, Sample, SamplingPlan
from .sampling import DEFAULT_NEW_ASSESSOR_SHARE, DEFAULT_SHARE


@dataclass
class AssessorLine:
    name: str
    is_new: bool
    reviews: int
    sampled: int
    #: drawn or answered, waiting for the IQA
    pending: int
    agreed: int
    referred: int
    planned: int

    @property
    def achieved(self) -> int | None:
        """The share of reviews sampled so far, in whole per cent."""
        return round(100 * self.sampled / self.reviews) if self.reviews else None


@dataclass
class CohortLine:
    cohort: Cohort
    share: int
    new_share: int
    has_plan: bool
    assessors: list[AssessorLine]


@dataclass
class Unverified:
    cohort_name: str
    learner_name: str
    standard: Standard
    signed_at: datetime
    state: str


@dataclass
class SamplingReport:
    cohorts: list[CohortLine]
    unverified: list[Unverified]


def awaiting_sampling_report(session: Session, provider_id: int, cohort_id: int | None = None) -> SamplingReport:
    query = select(Cohort).where(Cohort.provider_id == provider_id).order_by(Cohort.start_date.desc(), Cohort.name)
    if cohort_id is not None:
        query = query.where(Cohort.id == cohort_id)
    cohorts = list(session.scalars(query))
    ids = [cohort.id for cohort in cohorts]
    plans = {plan.cohort_id: plan for plan in session.scalars(
        select(SamplingPlan).where(SamplingPlan.cohort_id.in_(ids)).options(selectinload(SamplingPlan.new_assessors))
    )}
    reviews, samples = _review_counts(session, ids), _sample_counts(session, ids)
    names = _names(session, {assessor_id for _cohort, assessor_id in reviews} | {key[1] for key in samples})
    lines = [_cohort_line(cohort, plans.get(cohort.id), reviews, samples, names) for cohort in cohorts]
    return SamplingReport(lines, _unverified(session, ids))


def _review_counts(session: Session, cohort_ids: list[int]) -> Counter:
    rows = session.execute(
        select(CohortMember.cohort_id, Review.assessor_id, func.count(Review.id))
        .join(Enrolment, Enrolment.id == Review.enrolment_id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .where(CohortMember.cohort_id.in_(cohort_ids))
        .group_by(CohortMember.cohort_id, Review.assessor_id)
    )
    return Counter({(cohort, assessor): count for cohort, assessor, count in rows})


def _sample_counts(session: Session, cohort_ids: list[int]) -> Counter:
    rows = session.execute(
        select(CohortMember.cohort_id, Sample.assessor_id, Sample.status, func.count(Sample.id))
        .join(Enrolment, Enrolment.id == Sample.enrolment_id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .where(CohortMember.cohort_id.in_(cohort_ids))
        .group_by(CohortMember.cohort_id, Sample.assessor_id, Sample.status)
    )
    return Counter({(cohort, assessor, status): count for cohort, assessor, status, count in rows})


def _names(session: Session, user_ids: set[int]) -> dict[int, str]:
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(user_ids))).tuples().all())


def _cohort_line(cohort: Cohort, plan: SamplingPlan | None, reviews: Counter, samples: Counter, names: dict) -> CohortLine:
    share = plan.share_percent if plan else DEFAULT_SHARE
    new_share = plan.new_assessor_percent if plan else DEFAULT_NEW_ASSESSOR_SHARE
    new_ids = {new.assessor_id for new in plan.new_assessors} if plan else set()
    assessor_ids = {a for c, a in reviews if c == cohort.id} | {a for c, a, _s in samples if c == cohort.id}
    lines = []
    for assessor_id in assessor_ids:
        counts = {status: samples[(cohort.id, assessor_id, status)] for status in (PENDING, RESPONDED, AGREED, REFERRED)}
        is_new = assessor_id in new_ids
        lines.append(AssessorLine(
            name=names.get(assessor_id, ""), is_new=is_new, reviews=reviews[(cohort.id, assessor_id)],
            sampled=sum(counts.values()), pending=counts[PENDING] + counts[RESPONDED], agreed=counts[AGREED],
            referred=counts[REFERRED], planned=new_share if is_new else share,
        ))
    lines.sort(key=lambda line: line.name)
    return CohortLine(cohort, share, new_share, plan is not None, lines)


def _unverified(session: Session, cohort_ids: list[int]) -> list[Unverified]:
    """Learners' standards signed off (and not withdrawn) with no agreed sample yet, the longest waiting first."""
    signed = (
        select(SignOff.enrolment_id, func.max(SignOff.signed_at).label("signed_at"))
        .where(SignOff.withdrawn_at.is_(None))
        .group_by(SignOff.enrolment_id)
        .subquery()
    )

    def sampled(*statuses: str):
        return exists().where(and_(Sample.enrolment_id == Enrolment.id, Sample.status.in_(statuses)))

    rows = session.execute(
        select(Cohort.name, User.name, Standard, signed.c.signed_at, sampled(PENDING, RESPONDED), sampled(REFERRED))
        .select_from(Enrolment)
        .join(signed, signed.c.enrolment_id == Enrolment.id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .join(Cohort, Cohort.id == CohortMember.cohort_id)
        .join(User, User.id == CohortMember.learner_id)
        .join(Standard, Standard.id == Enrolment.standard_id)
        .where(Cohort.id.in_(cohort_ids), ~sampled(AGREED))
        .order_by(signed.c.signed_at, User.name)
    )
    return [
        Unverified(cohort, learner, standard, at, QUEUED if queued else WITH_ASSESSOR if referred else NOT_SAMPLED)
        for cohort, learner, standard, at, queued, referred in rows
    ]

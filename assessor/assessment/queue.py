"""The assessor's queue: submitted evidence from their learners waiting for their review, oldest first."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session, lazyload

from ..accounts.models import User
from ..cohorts.models import CohortMember, Enrolment
from ..core.pages import Page
from ..evidence.models import Evidence, Mapping, Submission
from ..standards.models import Standard
from ..timeutil import aware, utcnow
from .models import Review


@dataclass(frozen=True)
class QueueItem:
    """One submission waiting for one enrolment's review."""

    submission: Submission
    enrolment: Enrolment
    evidence: Evidence
    learner: User
    standard: Standard

    @property
    def submitted_at(self) -> datetime:
        return aware(self.submission.submitted_at)

    @property
    def age_days(self) -> int:
        return max(0, (utcnow() - self.submitted_at).days)


def waiting_pairs(assessor_id: int) -> Select:
    """(submission id, enrolment id) of open submissions claiming criteria of this assessor's enrolments, not yet reviewed."""
    reviewed = exists().where(Review.submission_id == Submission.id, Review.enrolment_id == Enrolment.id)
    return (
        select(Submission.id.label("submission_id"), Enrolment.id.label("enrolment_id"))
        .join(Mapping, Mapping.evidence_id == Submission.evidence_id)
        .join(Enrolment, Enrolment.id == Mapping.enrolment_id)
        .where(Submission.closed_at.is_(None), Enrolment.assessor_id == assessor_id, ~reviewed)
        .distinct()
    )


def awaiting_count(session: Session, assessor: User) -> int:
    return session.scalar(select(func.count()).select_from(waiting_pairs(assessor.id).subquery())) or 0


def queue_for(session: Session, assessor: User, page: int = 1, per_page: int = 25) -> Page:
    """The assessor's waiting items, oldest submission first, a page at a time (two queries)."""
    total = awaiting_count(session, assessor)
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    pairs = waiting_pairs(assessor.id).subquery()
    query = (
        select(Submission, Enrolment, Evidence, User, Standard)
        .join(pairs, pairs.c.submission_id == Submission.id)
        .join(Enrolment, Enrolment.id == pairs.c.enrolment_id)
        .join(Evidence, Evidence.id == Submission.evidence_id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .join(User, User.id == CohortMember.learner_id)
        .join(Standard, Standard.id == Enrolment.standard_id)
        .options(lazyload(User.roles))
        .order_by(Submission.submitted_at, Submission.id, Enrolment.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    items = [QueueItem(*row) for row in session.execute(query).tuples()]
    return Page(items, total, page, pages)

"""Internal quality assurance: each cohort's sampling plan and the samples drawn from assessors' reviews."""
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..assessment.models import Review
from ..cohorts.models import Cohort, Enrolment
from ..db import Base, one_of
from ..timeutil import utcnow

#: why a review was sampled
BY_SHARE = "share"
NEW_ASSESSOR = "new_assessor"
PER_LEARNER = "per_learner"
SAMPLE_REASONS = (BY_SHARE, NEW_ASSESSOR, PER_LEARNER)

PENDING = "pending"
AGREED = "agreed"
REFERRED = "referred"
#: the assessor has acted on a referral; back with the IQA
RESPONDED = "responded"
SAMPLE_STATUSES = (PENDING, AGREED, REFERRED, RESPONDED)


class SamplingPlan(Base):
    __tablename__ = "sampling_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), unique=True)
    #: the share of each assessor's reviews sampled, in per cent
    share_percent: Mapped[int] = mapped_column(Integer, default=25)
    #: the share for assessors marked as new (100 samples every review)
    new_assessor_percent: Mapped[int] = mapped_column(Integer, default=100)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    cohort: Mapped[Cohort] = relationship()
    new_assessors: Mapped[list["NewAssessor"]] = relationship(back_populates="plan", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class NewAssessor(Base):
    __tablename__ = "sampling_new_assessors"
    __table_args__ = (UniqueConstraint("plan_id", "assessor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("sampling_plans.id", ondelete="CASCADE"), index=True)
    assessor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    plan: Mapped[SamplingPlan] = relationship(back_populates="new_assessors")
    assessor: Mapped[User] = relationship()


class Sample(Base):
    """A review drawn for the IQA to check; agreed, or referred back to the assessor with an action."""

    __tablename__ = "samples"
    __table_args__ = (one_of("reason", SAMPLE_REASONS), one_of("status", SAMPLE_STATUSES))

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), unique=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    assessor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=PENDING, index=True)
    selected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: the IQA's note on their check
    comment: Mapped[str] = mapped_column(Text, default="")
    #: what the assessor must do, when referred
    action: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    response: Mapped[str] = mapped_column(Text, default="")
    responded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    review: Mapped[Review] = relationship()
    enrolment: Mapped[Enrolment] = relationship()
    assessor: Mapped[User] = relationship(foreign_keys=[assessor_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    __mapper_args__ = {"version_id_col": version}

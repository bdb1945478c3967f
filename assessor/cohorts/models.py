"""Cohorts, the learners in them, their enrolments on standards, and what happened to them."""
from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, one_of
from ..standards.models import Standard
from ..timeutil import utcnow

ACTIVE = "active"
ON_BREAK = "on_break"
WITHDRAWN = "withdrawn"
TRANSFERRED = "transferred"
MEMBER_STATUSES = (ACTIVE, ON_BREAK, WITHDRAWN, TRANSFERRED)

#: kinds of MemberEvent
JOINED = "joined"
BREAK_STARTED = "break_started"
BREAK_ENDED = "break_ended"
WITHDREW = "withdrew"
TRANSFERRED_OUT = "transferred_out"
TRANSFERRED_IN = "transferred_in"
ENROLLED = "enrolled"
ASSIGNMENT_CHANGED = "assignment_changed"
MEMBER_EVENT_KINDS = (JOINED, BREAK_STARTED, BREAK_ENDED, WITHDREW, TRANSFERRED_OUT, TRANSFERRED_IN, ENROLLED,
                      ASSIGNMENT_CHANGED)


class Cohort(Base):
    __tablename__ = "cohorts"
    __table_args__ = (UniqueConstraint("provider_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    target_end_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    standards: Mapped[list["CohortStandard"]] = relationship(
        back_populates="cohort", cascade="all, delete-orphan", order_by="CohortStandard.id"
    )
    members: Mapped[list["CohortMember"]] = relationship(back_populates="cohort", order_by="CohortMember.id")


class CohortStandard(Base):
    """A standard the cohort works towards, pinned to one version."""

    __tablename__ = "cohort_standards"
    __table_args__ = (UniqueConstraint("cohort_id", "standard_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id"))
    #: how many separate pieces of evidence judged met each criterion needs (the provider's setting)
    times_required: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    cohort: Mapped[Cohort] = relationship(back_populates="standards")
    standard: Mapped[Standard] = relationship()


class CohortMember(Base):
    """A learner in a cohort; never deleted: withdrawal, breaks and transfers change the status."""

    __tablename__ = "cohort_members"
    __table_args__ = (UniqueConstraint("cohort_id", "learner_id"), one_of("status", MEMBER_STATUSES))

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ACTIVE)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    cohort: Mapped[Cohort] = relationship(back_populates="members")
    learner: Mapped[User] = relationship()
    enrolments: Mapped[list["Enrolment"]] = relationship(back_populates="member", order_by="Enrolment.id")
    events: Mapped[list["MemberEvent"]] = relationship(back_populates="member", order_by="MemberEvent.id")


class Enrolment(Base):
    """A learner on one standard, with the assessor who judges it and the IQA who checks them."""

    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("member_id", "standard_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("cohort_members.id"), index=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id"), index=True)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    iqa_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    member: Mapped[CohortMember] = relationship(back_populates="enrolments")
    standard: Mapped[Standard] = relationship()
    assessor: Mapped[User | None] = relationship(foreign_keys=[assessor_id])
    iqa: Mapped[User | None] = relationship(foreign_keys=[iqa_id])


class MemberEvent(Base):
    """Something that happened to a learner in a cohort, with its date and reason."""

    __tablename__ = "member_events"
    __table_args__ = (one_of("kind", MEMBER_EVENT_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("cohort_members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    effective_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    #: e.g. the other cohort of a transfer, or the assessor before and after a change
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    member: Mapped[CohortMember] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()

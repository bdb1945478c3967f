"""Assessors' judgements: reviews of submitted evidence, decisions per criterion, sign-offs, progress counts."""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..cohorts.models import Enrolment
from ..db import Base, one_of
from ..evidence.models import Evidence, Submission
from ..standards.models import Criterion
from ..timeutil import utcnow

MET = "met"
NOT_YET = "not_yet"
OUTCOMES = (MET, NOT_YET)


class Review(Base):
    """One assessor's judgement of one submission for one enrolment: the decisions on its criteria.

    The unit an IQA samples. Unique per (submission, enrolment), so a second assessor deciding
    the same submission at the same time gets a conflict, not a silent overwrite.
    """

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("submission_id", "enrolment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    assessor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: overall feedback to the learner
    feedback: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    submission: Mapped[Submission] = relationship()
    enrolment: Mapped[Enrolment] = relationship()
    assessor: Mapped[User] = relationship()
    decisions: Mapped[list["Decision"]] = relationship(back_populates="review", order_by="Decision.id")


class Decision(Base):
    """Met or not yet met for one criterion. Never edited: a correction is a new row, sequence + 1, with a reason."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("review_id", "criterion_id", "sequence"), one_of("outcome", OUTCOMES))

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(10))
    feedback: Mapped[str] = mapped_column(Text, default="")
    #: 1 for the first decision; each correction adds one. The highest sequence is the one that counts.
    sequence: Mapped[int] = mapped_column(Integer, default=1)
    correction_reason: Mapped[str | None] = mapped_column(Text)
    #: why the assessor decided again a criterion met on an earlier submission of the same evidence
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: the decision on the earlier version's criterion this one copies, when a move to a new version carried it over
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), index=True)

    review: Mapped[Review] = relationship(back_populates="decisions")
    evidence: Mapped[Evidence] = relationship()
    criterion: Mapped[Criterion] = relationship()
    decided_by: Mapped[User] = relationship()


class SignOff(Base):
    """The assessor's signed declaration that a standard is met, and the learner's countersignature."""

    __tablename__ = "sign_offs"
    __table_args__ = (UniqueConstraint("enrolment_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    #: 1 for the first sign-off of the enrolment; a sign-off after a withdrawn one takes the next number
    sequence: Mapped[int] = mapped_column(Integer, default=1)
    assessor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: the declaration as worded when signed
    declaration: Mapped[str] = mapped_column(Text)
    signature_name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: what was signed (standard, criteria, the decisions and evidence behind each), as canonical JSON data
    payload: Mapped[dict] = mapped_column(JSON)
    #: sha256 of the canonical payload, the declaration, the signature and the time
    signed_hash: Mapped[str] = mapped_column(String(64))
    learner_signature_name: Mapped[str | None] = mapped_column(String(200))
    learner_signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    learner_hash: Mapped[str | None] = mapped_column(String(64))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    enrolment: Mapped[Enrolment] = relationship()
    assessor: Mapped[User] = relationship(foreign_keys=[assessor_id])

    __mapper_args__ = {"version_id_col": version}


class EnrolmentProgress(Base):
    """Counts per enrolment, kept up to date in the same transaction as each change, for cheap dashboards."""

    __tablename__ = "enrolment_progress"

    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), primary_key=True)
    pc_total: Mapped[int] = mapped_column(Integer, default=0)
    pc_met: Mapped[int] = mapped_column(Integer, default=0)
    #: claimed by submitted evidence awaiting a decision
    pc_submitted: Mapped[int] = mapped_column(Integer, default=0)
    #: claimed by draft or referred evidence, or judged not yet met
    pc_in_progress: Mapped[int] = mapped_column(Integer, default=0)
    pc_not_started: Mapped[int] = mapped_column(Integer, default=0)
    k_total: Mapped[int] = mapped_column(Integer, default=0)
    k_met: Mapped[int] = mapped_column(Integer, default=0)
    k_submitted: Mapped[int] = mapped_column(Integer, default=0)
    k_in_progress: Mapped[int] = mapped_column(Integer, default=0)
    k_not_started: Mapped[int] = mapped_column(Integer, default=0)
    #: open submissions claiming this enrolment's criteria, and when the oldest was submitted
    awaiting_decision: Mapped[int] = mapped_column(Integer, default=0)
    oldest_awaiting_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    signed_off_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    countersigned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_activity_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: the criterion statuses the counts were made from: {criterion_id: status}
    statuses: Mapped[dict] = mapped_column(JSON, default=dict)

    enrolment: Mapped[Enrolment] = relationship()

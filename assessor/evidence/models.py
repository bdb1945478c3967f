"""A learner's evidence, its files, the criteria it claims, and each time it was submitted."""
from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..cohorts.models import Enrolment
from ..db import Base, one_of
from ..standards.models import Criterion
from ..timeutil import utcnow

FILE = "file"
ACCOUNT = "account"
WITNESS = "witness"
DISCUSSION = "discussion"
SCENARIO = "scenario"
OBSERVATION = "observation"
#: what a learner adds themself; an assessor records observations; scenario transcripts come from the player
LEARNER_KINDS = (FILE, ACCOUNT, WITNESS, DISCUSSION)
EVIDENCE_KINDS = (FILE, ACCOUNT, WITNESS, DISCUSSION, SCENARIO, OBSERVATION)

DRAFT = "draft"
SUBMITTED = "submitted"
ASSESSED = "assessed"
REFERRED = "referred"
EVIDENCE_STATUSES = (DRAFT, SUBMITTED, ASSESSED, REFERRED)
#: a closed submission's outcome (the evidence takes the same status)
SUBMISSION_OUTCOMES = (ASSESSED, REFERRED)
#: the learner may change the evidence, its files and its mapping only in these states
EDITABLE_STATUSES = (DRAFT, REFERRED)


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("learner_id", "number"), one_of("kind", EVIDENCE_KINDS),
                      one_of("status", EVIDENCE_STATUSES))

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: numbered per learner from 1: the stable reference E-001, E-002 …
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    #: when the activity the evidence shows took place
    activity_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    #: Markdown: the written account, the witness's statement, the discussion or observation record
    body: Mapped[str] = mapped_column(Text, default="")
    witness_name: Mapped[str | None] = mapped_column(String(200))
    witness_role: Mapped[str | None] = mapped_column(String(200))
    witness_contact: Mapped[str | None] = mapped_column(String(254))
    #: kind-specific data, e.g. the scenario attempt a transcript came from
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=DRAFT, index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    #: bumped on every change: a form posted with an older version is a conflict, never an overwrite
    version: Mapped[int] = mapped_column(Integer, default=1)

    learner: Mapped[User] = relationship(foreign_keys=[learner_id])
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    files: Mapped[list["EvidenceFile"]] = relationship(back_populates="evidence", order_by="EvidenceFile.id")
    mappings: Mapped[list["Mapping"]] = relationship(back_populates="evidence", order_by="Mapping.id")
    submissions: Mapped[list["Submission"]] = relationship(back_populates="evidence", order_by="Submission.number")

    __mapper_args__ = {"version_id_col": version}

    @property
    def reference(self) -> str:
        return f"E-{self.number:03d}"


class EvidenceFile(Base):
    """One uploaded file of an evidence item; the bytes live in storage under their sha256."""

    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    #: the name the learner's file had, for display and download only
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    #: as detected from the content, never from the name
    media_type: Mapped[str] = mapped_column(String(127))
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    evidence: Mapped[Evidence] = relationship(back_populates="files")


class Mapping(Base):
    """A claim that an evidence item shows a criterion of one of the learner's enrolments."""

    __tablename__ = "evidence_mappings"
    __table_args__ = (UniqueConstraint("evidence_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id"), index=True)
    #: how the evidence shows the criterion, in the learner's words
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    evidence: Mapped[Evidence] = relationship(back_populates="mappings")
    enrolment: Mapped[Enrolment] = relationship()
    criterion: Mapped[Criterion] = relationship()


class Submission(Base):
    """One time the evidence went to assessment; open until every claimed criterion has a decision."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("evidence_id", "number"), one_of("outcome", SUBMISSION_OUTCOMES))

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    #: 1 for the first submission, 2 after the first referral, …
    number: Mapped[int] = mapped_column(Integer)
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    #: the declaration the learner agreed to, as it was worded (empty for an assessor's observation)
    declaration: Mapped[str] = mapped_column(Text, default="")
    #: ASSESSED or REFERRED once closed
    outcome: Mapped[str | None] = mapped_column(String(20))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    #: what was submitted, frozen: the item's fields and its claims (snapshot.py); the files are `files`
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)
    #: sha256 of the canonical snapshot with its files: the version that was judged, checkable later
    snapshot_sha256: Mapped[str] = mapped_column(String(64), default="")

    evidence: Mapped[Evidence] = relationship(back_populates="submissions")
    submitted_by: Mapped[User] = relationship()
    files: Mapped[list["SubmissionFile"]] = relationship(order_by="SubmissionFile.position")


class SubmissionFile(Base):
    """A file as it was submitted; its stored blob is kept for as long as the submission exists."""

    __tablename__ = "submission_files"
    __table_args__ = (UniqueConstraint("submission_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    #: the file's place in the item's list when submitted, from 1
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(127))

"""Scenarios as loaded (one row per id and version), providers' drafts of their own, and each learner's attempts."""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, one_of
from ..organisations.models import Provider
from ..timeutil import utcnow

#: how a scenario can end (the enum of scenarios/schema.json's ending.outcome)
ENDING_OUTCOMES = ("resolved", "resolved_with_cost", "escalated", "referred", "relationship_lost", "unresolved")
#: a version learners may start; one waiting for a second author or an assessor; one sent back
LIVE, AWAITING_REVIEW, REJECTED = "live", "awaiting_review", "rejected"
REVIEW_STATES = (LIVE, AWAITING_REVIEW, REJECTED)
#: a provider's scenario kept to itself; offered to the site; accepted for every provider; declined
PRIVATE, OFFERED, SHARED, DECLINED = "private", "offered", "shared", "declined"
SHARED_STATES = (PRIVATE, OFFERED, SHARED, DECLINED)


class ScenarioVersion(Base):
    """One version of a scenario file, as loaded: never changed once attempts may point at it."""

    __tablename__ = "scenario_versions"
    __table_args__ = (UniqueConstraint("scenario_id", "version"), one_of("review_state", REVIEW_STATES))

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the file's permanent `id`, e.g. postprod-grade-deadline-shift
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    summary_en: Mapped[str] = mapped_column(Text)
    #: the whole parsed YAML document: what every attempt on this version is replayed from
    document: Mapped[dict] = mapped_column(JSON)
    #: sha256 of the document: a changed file under the same version is refused
    content_hash: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: the provider whose scenario this is (only its learners see it); None for the site's shipped scenarios
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id"), index=True)
    #: the YAML exactly as the author published it (None for shipped files: their document is dumped instead)
    source: Mapped[str | None] = mapped_column(Text)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: why the author published despite the check's warnings (empty when there were none)
    publish_reason: Mapped[str | None] = mapped_column(Text)
    #: learners start only live versions; a provider that asks for review publishes versions awaiting it
    review_state: Mapped[str] = mapped_column(String(20), default=LIVE)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: why a reviewer sent the version back (the author reads it on the draft page)
    review_note: Mapped[str | None] = mapped_column(Text)

    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])


class ScenarioDraft(Base):
    """A provider's own scenario being written: YAML text saved as often as wanted, published as versions."""

    __tablename__ = "scenario_drafts"
    __table_args__ = (one_of("shared_state", SHARED_STATES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    #: the `id` of the YAML as last saved; fixed once a version is published
    scenario_id: Mapped[str] = mapped_column(String(100), unique=True)
    source: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: set when retired: learners start no new attempt, earlier attempts are kept
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: bumped on every save: a save from a page loaded before another save is a conflict
    revision: Mapped[int] = mapped_column(Integer, default=1)
    #: offered to the site by the provider, and a site administrator's answer: once shared, every provider's
    #: learners start its newest live version
    shared_state: Mapped[str] = mapped_column(String(20), default=PRIVATE)
    offered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    offered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    share_decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    share_decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: why a site administrator declined the offer
    share_note: Mapped[str | None] = mapped_column(Text)

    provider: Mapped[Provider] = relationship()
    offered_by: Mapped[User | None] = relationship(foreign_keys=[offered_by_id])
    share_decided_by: Mapped[User | None] = relationship(foreign_keys=[share_decided_by_id])

    __mapper_args__ = {"version_id_col": revision}


class Attempt(Base):
    """A learner's play-through of one scenario version; finished when it reaches an ending."""

    __tablename__ = "scenario_attempts"
    __table_args__ = (one_of("outcome", ENDING_OUTCOMES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: the ending's outcome (resolved, escalated, …) once finished
    outcome: Mapped[str | None] = mapped_column(String(30))
    #: {"node_id": ..., "variables": {...}} after the last step; the steps remain the record
    state: Mapped[dict] = mapped_column(JSON, default=dict)
    #: the learner's reflection on the attempt, plain text
    reflection: Mapped[str] = mapped_column(Text, default="")
    #: the scenario-transcript evidence item made from this attempt, once added to the portfolio
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id"), unique=True)
    #: bumped on every change: two tabs posting at once cannot both move the attempt on
    version: Mapped[int] = mapped_column(Integer, default=1)

    learner: Mapped[User] = relationship()
    scenario_version: Mapped[ScenarioVersion] = relationship(lazy="joined")
    steps: Mapped[list["AttemptStep"]] = relationship(
        back_populates="attempt", order_by="AttemptStep.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class AttemptStep(Base):
    """One move of the learner: the choice taken or the text written at a node."""

    __tablename__ = "scenario_attempt_steps"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("scenario_attempts.id", ondelete="CASCADE"), index=True)
    #: 0 for the first move
    position: Mapped[int] = mapped_column(Integer)
    node_id: Mapped[str] = mapped_column(String(100))
    #: the index of the choice in the node's list, or None for a free-text answer
    choice: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    #: the choice's feedback ({"cy": ..., "en": ...}) as the learner was shown it, if any
    feedback: Mapped[dict | None] = mapped_column(JSON)
    variables: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="steps")


#: the languages a scenario is played in
PLAY_LANGUAGES = ("cy", "en")


class ScenarioPreview(Base):
    """An author trying a draft in the player: kept apart from attempts, so it is never evidence nor counted."""

    __tablename__ = "scenario_previews"
    __table_args__ = (UniqueConstraint("author_id", "draft_id"), one_of("language", PLAY_LANGUAGES))

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    draft_id: Mapped[int] = mapped_column(ForeignKey("scenario_drafts.id", ondelete="CASCADE"), index=True)
    #: the draft's revision when the preview started: a draft saved since makes the preview stale
    draft_revision: Mapped[int] = mapped_column(Integer)
    #: the draft as parsed when the preview started: what it plays, whatever is saved later
    document: Mapped[dict] = mapped_column(JSON)
    language: Mapped[str] = mapped_column(String(2))
    #: {"node_id": ..., "variables": {...}} now
    state: Mapped[dict] = mapped_column(JSON, default=dict)
    #: each move ({"node_id", "choice" or "text"}) and each jump ({"jump": node id, "variables": {...}}), in order
    steps: Mapped[list] = mapped_column(JSON, default=list)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: bumped on every change: two tabs posting at once cannot both move the preview on
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

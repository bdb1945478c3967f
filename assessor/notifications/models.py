"""Notices shown in the app, each person's choice per kind, and the daily digests already sent."""
from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, one_of
from ..mail.models import OutboxMessage
from ..timeutil import utcnow

#: how a person wants each kind: an email at once, in the daily digest, or not at all
AT_ONCE = "at_once"
DAILY = "daily"
OFF = "off"
DELIVERIES = (AT_ONCE, DAILY, OFF)

#: the kinds of notice (their words and who gets them: kinds.py)
REFERRED = "evidence_referred"
ASSESSED = "evidence_assessed"
AWAITING_COUNTERSIGNATURE = "awaiting_countersignature"
COUNTERSIGNED = "countersigned"
IQA_REFERRAL = "iqa_referral"
IQA_RESPONSE = "iqa_response"
#: assessors' items waiting for review longer than NOTIFY_WAITING_DAYS: only ever in the daily digest
WAITING = "waiting"
#: a witness confirmed, or corrected and signed, a statement
WITNESS_SIGNED = "witness_signed"
#: a provider's scenario version waits for review; a reviewer approved it or sent it back
SCENARIO_REVIEW_WAITING = "scenario_review_waiting"
SCENARIO_REVIEWED = "scenario_reviewed"
#: a provider offered a scenario to the site; a site administrator accepted or declined it
SCENARIO_OFFERED = "scenario_offered"
SCENARIO_SHARE_DECIDED = "scenario_share_decided"
KIND_NAMES = (REFERRED, ASSESSED, AWAITING_COUNTERSIGNATURE, COUNTERSIGNED, IQA_REFERRAL, IQA_RESPONSE, WAITING,
              WITNESS_SIGNED, SCENARIO_REVIEW_WAITING, SCENARIO_REVIEWED, SCENARIO_OFFERED, SCENARIO_SHARE_DECIDED)


class Notice(Base):
    """One thing a person is told, in the app; its words are made in the reader's language when shown."""

    __tablename__ = "notices"
    __table_args__ = (one_of("delivery", (AT_ONCE, DAILY)), one_of("kind", KIND_NAMES), Index("ix_notices_user_id_read_at", "user_id", "read_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    #: what happened: one of kinds.KINDS
    kind: Mapped[str] = mapped_column(String(40))
    #: what the words need (references, titles, names), as they were when it happened
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    #: the page it links to: an endpoint and its arguments
    endpoint: Mapped[str] = mapped_column(String(80))
    endpoint_args: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: at once (emailed with the event) or daily (waits for the digest)
    delivery: Mapped[str] = mapped_column(String(10))
    #: the email that told the person: at once, or the digest that listed it (None: not yet)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_messages.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship()
    message: Mapped[OutboxMessage | None] = relationship()


class Preference(Base):
    """A person's choice for one kind; a kind with no row takes its default (kinds.DEFAULTS)."""

    __tablename__ = "notification_preferences"
    __table_args__ = (UniqueConstraint("user_id", "kind"), one_of("delivery", DELIVERIES), one_of("kind", KIND_NAMES))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    delivery: Mapped[str] = mapped_column(String(10))


class DigestRun(Base):
    """The daily digest of one person for one day: written with it, so a second run that day (anywhere) sends nothing."""

    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("user_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: the digest email; None when there was nothing to tell
    message_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_messages.id", ondelete="SET NULL"))

    message: Mapped[OutboxMessage | None] = relationship()

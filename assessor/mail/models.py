"""The outbox: every message the app sends, kept so the flows work without a mail server."""
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, one_of
from ..timeutil import utcnow

#: no SMTP server configured: the outbox is the delivery
RECORDED = "recorded"
#: waiting for a worker to send it (again, after a failure: `error` holds the last one)
QUEUED = "queued"
SENT = "sent"
#: every attempt failed; `error` holds the last reason
FAILED = "failed"
STATES = (RECORDED, QUEUED, SENT, FAILED)


class OutboxMessage(Base):
    __tablename__ = "outbox_messages"
    __table_args__ = (one_of("state", STATES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(254), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    #: recorded, queued, sent or failed
    state: Mapped[str] = mapped_column(String(10), default=RECORDED, index=True)
    #: how many times a worker has tried to send it
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: when SMTP accepted it; None when no SMTP server is configured (the outbox is the delivery)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: the SMTP error of the last attempt that failed
    error: Mapped[str | None] = mapped_column(Text)

"""The outbox: every message the app sends, kept so the flows work without a mail server."""
from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..timeutil import utcnow


class OutboxMessage(Base):
    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(254), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    #: when SMTP accepted it; None when no SMTP server is configured (the outbox is the delivery)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: the SMTP error, when sending failed
    error: Mapped[str | None] = mapped_column(Text)

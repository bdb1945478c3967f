"""A request to a witness to confirm the statement of a witness testimony, sent as a single-use link."""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, one_of
from ..timeutil import aware, utcnow
from .models import Evidence

PENDING = "pending"
CONFIRMED = "confirmed"
CORRECTED = "corrected"
WITHDRAWN = "withdrawn"
#: a resend closes the link it replaces
REPLACED = "replaced"
WITNESS_STATUSES = (PENDING, CONFIRMED, CORRECTED, WITHDRAWN, REPLACED)
#: shown, never stored: a pending link past its expiry
EXPIRED = "expired"
SIGNED = (CONFIRMED, CORRECTED)


class WitnessRequest(Base):
    __tablename__ = "witness_requests"
    __table_args__ = (one_of("status", WITNESS_STATUSES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    #: the learner or their assessor, who named the witness
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    witness_name: Mapped[str] = mapped_column(String(200))
    witness_role: Mapped[str] = mapped_column(String(200))
    witness_email: Mapped[str] = mapped_column(String(254))
    #: SHA-256 of the link's token; the token itself is only ever in the email
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default=PENDING)
    #: when the link was used, withdrawn or replaced, and by whom (None when the witness signed)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: what the witness signed: the name they typed, the declaration as worded, in their language
    signed_name: Mapped[str | None] = mapped_column(String(200))
    declaration: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(2))
    #: the statement as the witness read it, and as they confirmed it (their correction, if they made one)
    original_text: Mapped[str | None] = mapped_column(Text)
    confirmed_text: Mapped[str | None] = mapped_column(Text)
    #: what else the witness was shown: the learner's name, the evidence title and the activity date
    shown: Mapped[dict] = mapped_column(JSON, default=dict)
    #: sha256 over everything above that the witness signed
    signed_hash: Mapped[str | None] = mapped_column(String(64))

    evidence: Mapped[Evidence] = relationship()
    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])

    @property
    def state(self) -> str:
        """What the item shows: pending links past their expiry read as expired."""
        if self.status == PENDING and aware(self.expires_at) <= utcnow():
            return EXPIRED
        return self.status

    @property
    def live(self) -> bool:
        return self.state == PENDING

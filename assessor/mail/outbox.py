"""Reading the outbox: newest first, a page at a time."""
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import FAILED, QUEUED, RECORDED, SENT, OutboxMessage

PER_PAGE = 25

#: queued again after a failed attempt
RETRYING = "retrying"
__all__ = ["FAILED", "QUEUED", "RECORDED", "RETRYING", "SENT", "delivery_state", "list_messages"]


@dataclass(frozen=True)
class OutboxPage:
    messages: list[OutboxMessage]
    total: int
    page: int
    pages: int


def list_messages(session: Session, page: int = 1, per_page: int = PER_PAGE) -> OutboxPage:
    total = session.scalar(select(func.count(OutboxMessage.id))) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    query = select(OutboxMessage).order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    messages = session.scalars(query.limit(per_page).offset((page - 1) * per_page)).all()
    return OutboxPage(list(messages), total, page, pages)


def delivery_state(message: OutboxMessage) -> str:
    """Sent by SMTP, waiting to be sent (or retried), failed for good, or only recorded here (no SMTP server)."""
    if message.state == QUEUED and message.error:
        return RETRYING
    return message.state

"""The mail tasks a worker runs: send one queued message (retried with backoff by Dramatiq), and give up on it."""
import smtplib
from datetime import timedelta

from flask import Flask
from sqlalchemy import select, update

from ..core.tasks import RECOVERIES, enqueue, task, task_session
from ..timeutil import utcnow
from .models import FAILED, QUEUED, SENT, OutboxMessage
from .services import SEND_TASK, MailSettings, send_smtp

GAVE_UP_TASK = "mail.gave_up"


class SendFailed(Exception):
    """SMTP refused or could not be reached; raised so that Dramatiq tries again later."""


@task(SEND_TASK, queue="mail", on_exhausted=GAVE_UP_TASK)
def send_queued(app: Flask, message_id: int) -> str | None:
    """Send a queued message once; one already sent or given up on is left alone (a message delivered twice)."""
    settings = MailSettings.from_config(app.config)
    with task_session(app) as session:
        claimed = session.execute(
            update(OutboxMessage).where(OutboxMessage.id == message_id, OutboxMessage.state == QUEUED)
            .values(attempts=OutboxMessage.attempts + 1)
        ).rowcount
        session.commit()
        message = session.get(OutboxMessage, message_id) if claimed else None
        if message is None or not settings.smtp_host:
            return None
        try:
            send_smtp(settings, message.to_address, message.subject, message.body)
        except (OSError, smtplib.SMTPException) as error:
            message.error = f"{type(error).__name__}: {error}"[:2000]
            session.commit()
            raise SendFailed(message.error) from error
        message.state, message.sent_at, message.error = SENT, utcnow(), None
        session.commit()
        return message.state


@task(GAVE_UP_TASK, queue="mail")
def give_up(app: Flask, message: dict, retry_info: dict) -> None:
    """Every attempt failed: the message is marked failed (its last error kept); the in-app notice is untouched."""
    with task_session(app) as session:
        outbox = session.get(OutboxMessage, message["args"][0])
        if outbox is not None and outbox.state == QUEUED:
            outbox.state = FAILED
            session.commit()


def requeue_waiting(app: Flask, older_than: timedelta = timedelta(0), *, untried_only: bool = False) -> int:
    """Queue again the messages still waiting: every one (an in-memory broker lost them when it stopped), or those
    never tried and older than `older_than` (the broker could not be reached after their transaction committed)."""
    with task_session(app) as session:
        query = select(OutboxMessage.id).where(OutboxMessage.state == QUEUED, OutboxMessage.created_at <= utcnow() - older_than)
        if untried_only:
            query = query.where(OutboxMessage.attempts == 0)
        waiting = list(session.scalars(query.order_by(OutboxMessage.id)))
    for message_id in waiting:
        enqueue(app, SEND_TASK, message_id)
    return len(waiting)


RECOVERIES.append(requeue_waiting)

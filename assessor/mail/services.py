"""Outgoing mail: recorded in the outbox in the caller's transaction, sent by a worker after it commits.

With no SMTP server configured the outbox is the delivery. With one, the message is queued: once the
transaction commits, the `mail.send` task (mail/tasks.py) sends it, and Dramatiq retries a failed
attempt with a growing delay; the outbox shows each state. A transaction that rolls back queues nothing.
"""
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..core.tasks import enqueue
from .models import QUEUED, RECORDED, OutboxMessage

log = logging.getLogger(__name__)

SEND_TASK = "mail.send"
#: the session.info key of the messages to queue when the transaction commits
TO_QUEUE = "mail_to_queue"


@dataclass(frozen=True)
class MailSettings:
    sender: str = "assessor@localhost"
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True

    @classmethod
    def from_config(cls, config) -> "MailSettings":
        return cls(
            sender=config["MAIL_SENDER"],
            smtp_host=config["SMTP_HOST"],
            smtp_port=config["SMTP_PORT"],
            smtp_username=config["SMTP_USERNAME"],
            smtp_password=config["SMTP_PASSWORD"],
            smtp_starttls=config["SMTP_STARTTLS"],
        )


def send_mail(session: Session, settings: MailSettings, *, to: str, subject: str, body: str) -> OutboxMessage:
    """Record the message in the outbox (and the log); with SMTP configured, queue it to be sent after commit."""
    message = OutboxMessage(to_address=to, subject=subject, body=body, state=QUEUED if settings.smtp_host else RECORDED)
    session.add(message)
    log.info("mail to %s: %s\n%s", to, subject, body)
    session.flush()
    if settings.smtp_host:
        session.info.setdefault(TO_QUEUE, []).append(message.id)
    return message


@event.listens_for(Session, "after_commit")
def _queue_after_commit(session: Session) -> None:
    """Hand the committed messages to the workers; a broker that cannot be reached leaves them queued in the outbox."""
    ids = session.info.pop(TO_QUEUE, [])
    if not ids or not has_app_context():
        return
    for message_id in ids:
        try:
            enqueue(current_app._get_current_object(), SEND_TASK, message_id)
        except Exception as error:  # noqa: BLE001  (any broker error: the message waits for `requeue_waiting`)
            log.warning("could not queue mail %s: %s", message_id, error)


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None or not previous_transaction.nested:
        session.info.pop(TO_QUEUE, None)


def send_smtp(settings: MailSettings, to: str, subject: str, body: str) -> None:
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = settings.sender, to, subject
    email.set_content(body)
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=20) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password or "")
        smtp.send_message(email)

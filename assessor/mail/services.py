"""Outgoing mail: recorded in the outbox always, sent by SMTP when a server is configured."""
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from sqlalchemy.orm import Session

from ..timeutil import utcnow
from .models import OutboxMessage

log = logging.getLogger(__name__)


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
    """Record the message in the outbox (and the log), then send it when SMTP is configured."""
    message = OutboxMessage(to_address=to, subject=subject, body=body)
    session.add(message)
    log.info("mail to %s: %s\n%s", to, subject, body)
    if settings.smtp_host:
        try:
            _send_smtp(settings, to, subject, body)
            message.sent_at = utcnow()
        except (OSError, smtplib.SMTPException) as error:
            message.error = str(error)
            log.warning("SMTP could not send mail to %s: %s", to, error)
    session.flush()
    return message


def _send_smtp(settings: MailSettings, to: str, subject: str, body: str) -> None:
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = settings.sender, to, subject
    email.set_content(body)
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=20) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password or "")
        smtp.send_message(email)

"""Sending mail: always recorded in the outbox; with SMTP, queued after commit and sent by a task; failures recorded and retried."""
import smtplib

import pytest
from dramatiq import Message
from sqlalchemy import select

from assessor.mail.models import OutboxMessage
from assessor.mail.outbox import FAILED, QUEUED, RECORDED, RETRYING, SENT, delivery_state, list_messages
from assessor.mail.services import MailSettings, send_mail
from assessor.mail.tasks import SendFailed, give_up, send_queued

SMTP = MailSettings(sender="assessor@example.org", smtp_host="smtp.example.org", smtp_port=2525, smtp_username="user", smtp_password="secret")


class RecordingSMTP:
    """Stands in for smtplib.SMTP and keeps what it was asked to do."""

    sent: list = []
    calls: list = []

    def __init__(self, host, port, timeout=None):
        self.calls.append(("connect", host, port))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self):
        self.calls.append(("starttls",))

    def login(self, username, password):
        self.calls.append(("login", username, password))

    def send_message(self, message):
        self.sent.append(message)


class RefusingSMTP(RecordingSMTP):
    def send_message(self, message):
        raise smtplib.SMTPRecipientsRefused({message["To"]: (550, b"no such mailbox")})


@pytest.fixture
def recorder(monkeypatch):
    RecordingSMTP.sent, RecordingSMTP.calls = [], []
    monkeypatch.setattr(smtplib, "SMTP", RecordingSMTP)
    return RecordingSMTP


def test_without_smtp_the_message_is_only_recorded(db_session, recorder):
    message = send_mail(db_session, MailSettings(), to="a@example.org", subject="Hello", body="Body")
    assert recorder.sent == [] and message.sent_at is None and message.error is None
    assert delivery_state(message) == RECORDED


def smtp_app(app):
    app.config.update(SMTP_HOST="smtp.example.org", SMTP_PORT=2525, SMTP_USERNAME="user", SMTP_PASSWORD="secret",
                      MAIL_SENDER="assessor@example.org")
    return app


def queued_names(app) -> list:
    queue = app.extensions["task_broker"].queues.get("mail")
    return [] if queue is None else [Message.decode(data).actor_name for data in list(queue.queue)]


def test_with_smtp_the_message_is_queued_and_handed_to_the_workers_only_after_commit(app, db_session, recorder):
    with app.app_context():
        message = send_mail(db_session, SMTP, to="a@example.org", subject="Helô", body="Corff y neges")
        assert delivery_state(message) == QUEUED and recorder.sent == [] and queued_names(app) == []
        db_session.commit()
    assert queued_names(app) == ["mail.send"]


def test_a_rolled_back_message_is_never_queued(app, db_session):
    with app.app_context():
        send_mail(db_session, SMTP, to="a@example.org", subject="Hello", body="Body")
        db_session.rollback()
        db_session.commit()
    assert queued_names(app) == []


def test_the_task_sends_the_message_and_marks_it(app, db_session, recorder):
    message = send_mail(db_session, SMTP, to="a@example.org", subject="Helô", body="Corff y neges")
    db_session.commit()
    assert send_queued(smtp_app(app), message.id) == SENT
    (sent,) = recorder.sent
    assert (sent["From"], sent["To"], sent["Subject"]) == ("assessor@example.org", "a@example.org", "Helô")
    assert "Corff y neges" in sent.get_content()
    assert recorder.calls == [("connect", "smtp.example.org", 2525), ("starttls",), ("login", "user", "secret")]
    assert message.sent_at is not None and delivery_state(message) == SENT and message.attempts == 1
    assert send_queued(app, message.id) is None and len(recorder.sent) == 1  # delivered twice: sent once


def test_an_smtp_error_is_recorded_and_raised_so_the_task_is_retried(app, db_session, monkeypatch):
    monkeypatch.setattr(smtplib, "SMTP", RefusingSMTP)
    message = send_mail(db_session, SMTP, to="a@example.org", subject="Hello", body="Body")
    db_session.commit()
    with pytest.raises(SendFailed):
        send_queued(smtp_app(app), message.id)
    (kept,) = db_session.scalars(select(OutboxMessage)).all()
    assert kept.sent_at is None and "no such mailbox" in kept.error and kept.attempts == 1
    assert delivery_state(kept) == RETRYING


def test_a_message_given_up_on_is_failed_with_its_last_error(app, db_session, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionRefusedError("connection refused")

    monkeypatch.setattr(smtplib, "SMTP", unreachable)
    message = send_mail(db_session, SMTP, to="a@example.org", subject="Hello", body="Body")
    db_session.commit()
    with pytest.raises(SendFailed):
        send_queued(smtp_app(app), message.id)
    give_up(app, {"args": [message.id]}, {"retries": 3})
    failed = db_session.get(OutboxMessage, message.id)
    assert delivery_state(failed) == FAILED and "connection refused" in failed.error


def test_the_outbox_lists_newest_first_a_page_at_a_time(db_session):
    for number in range(7):
        send_mail(db_session, MailSettings(), to=f"p{number}@example.org", subject=f"Message {number}", body="Body")
    first = list_messages(db_session, page=1, per_page=5)
    second = list_messages(db_session, page=2, per_page=5)
    assert (first.total, first.pages) == (7, 2)
    assert [m.subject for m in first.messages] == [f"Message {n}" for n in (6, 5, 4, 3, 2)]
    assert [m.subject for m in second.messages] == ["Message 1", "Message 0"]
    assert list_messages(db_session, page=99, per_page=5).page == 2


def test_an_invitation_goes_the_same_way_queued_in_the_invitees_language(app, db_session, world, recorder):
    from assessor.accounts.services import send_invitation

    world.a.other_learner.language = "cy"
    with app.app_context():
        send_invitation(db_session, SMTP, world.a.other_learner, lambda token: f"https://assessor.example/i/{token}", world.a.admin)
        db_session.commit()
    message = db_session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == world.a.other_learner.email)).one()
    assert delivery_state(message) == QUEUED and recorder.sent == [] and queued_names(app) == ["mail.send"]
    assert "https://assessor.example/i/" in message.body and "Assessor" in message.subject

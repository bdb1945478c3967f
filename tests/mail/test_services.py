"""Sending mail: always recorded in the outbox; sent by SMTP when configured; failures recorded."""
import smtplib

import pytest
from sqlalchemy import select

from assessor.mail.models import OutboxMessage
from assessor.mail.outbox import FAILED, RECORDED, SENT, delivery_state, list_messages
from assessor.mail.services import MailSettings, send_mail

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


def test_with_smtp_the_message_is_sent_and_marked(db_session, recorder):
    message = send_mail(db_session, SMTP, to="a@example.org", subject="Helô", body="Corff y neges")
    (sent,) = recorder.sent
    assert (sent["From"], sent["To"], sent["Subject"]) == ("assessor@example.org", "a@example.org", "Helô")
    assert "Corff y neges" in sent.get_content()
    assert recorder.calls == [("connect", "smtp.example.org", 2525), ("starttls",), ("login", "user", "secret")]
    assert message.sent_at is not None and delivery_state(message) == SENT


def test_an_smtp_error_is_recorded_and_the_outbox_keeps_the_message(db_session, monkeypatch):
    monkeypatch.setattr(smtplib, "SMTP", RefusingSMTP)
    send_mail(db_session, SMTP, to="a@example.org", subject="Hello", body="Body")
    (message,) = db_session.scalars(select(OutboxMessage)).all()
    assert message.sent_at is None and "no such mailbox" in message.error
    assert delivery_state(message) == FAILED


def test_a_server_that_cannot_be_reached_is_recorded(db_session, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionRefusedError("connection refused")

    monkeypatch.setattr(smtplib, "SMTP", unreachable)
    message = send_mail(db_session, SMTP, to="a@example.org", subject="Hello", body="Body")
    assert "connection refused" in message.error


def test_the_outbox_lists_newest_first_a_page_at_a_time(db_session):
    for number in range(7):
        send_mail(db_session, MailSettings(), to=f"p{number}@example.org", subject=f"Message {number}", body="Body")
    first = list_messages(db_session, page=1, per_page=5)
    second = list_messages(db_session, page=2, per_page=5)
    assert (first.total, first.pages) == (7, 2)
    assert [m.subject for m in first.messages] == [f"Message {n}" for n in (6, 5, 4, 3, 2)]
    assert [m.subject for m in second.messages] == ["Message 1", "Message 0"]
    assert list_messages(db_session, page=99, per_page=5).page == 2

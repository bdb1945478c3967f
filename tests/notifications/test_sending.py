"""Sending for real on a worker: a failed SMTP send is retried with backoff and never loses the notice; the digest command.

These use a database whose data is really committed (the worker thread has its own connection).
"""
import smtplib

import pytest
from sqlalchemy import func, select

from assessor import create_app
from assessor.cli import main
from assessor.evidence.models import REFERRED
from assessor.mail.models import FAILED, SENT, OutboxMessage
from assessor.notifications.models import DAILY, Notice, Preference

from ..export.committed import Committed, committed_world, run_queued

SMTP = {"SMTP_HOST": "smtp.example.org", "SMTP_PORT": 2525, "TASK_MAX_RETRIES": 2, "TASK_RETRY_DELAY_SECONDS": 0.01}


@pytest.fixture(scope="module")
def committed(tmp_path_factory, storage_root) -> Committed:
    return committed_world(tmp_path_factory.mktemp("notify"), storage_root, "notify_sending")


class FlakySMTP:
    """Refuses the first `failures` connections, then accepts every message."""

    failures, attempts, sent = 0, 0, []

    def __init__(self, host, port, timeout=None):
        FlakySMTP.attempts += 1
        if FlakySMTP.attempts <= FlakySMTP.failures:
            raise ConnectionRefusedError("connection refused")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self):
        pass

    def send_message(self, message):
        FlakySMTP.sent.append(message)


@pytest.fixture
def flaky(monkeypatch):
    FlakySMTP.failures, FlakySMTP.attempts, FlakySMTP.sent = 0, 0, []
    monkeypatch.setattr(smtplib, "SMTP", FlakySMTP)
    return FlakySMTP


def refer_back(app, committed: Committed) -> int:
    """The learner's evidence is referred back, committed as a request would: the notice's id."""
    from assessor.assessment.events import evidence_decided
    from assessor.evidence.models import Evidence

    with app.test_request_context(), committed.session() as session:
        evidence = session.get(Evidence, committed.world.a.portfolio.submitted.id)
        evidence_decided.send(evidence.submissions[-1], session=session, outcome=REFERRED)
        session.commit()
        return session.scalar(select(func.max(Notice.id)))


def notice_and_mail(committed: Committed, notice_id: int) -> tuple[Notice, OutboxMessage]:
    with committed.session() as session:
        notice = session.get(Notice, notice_id)
        return notice, session.get(OutboxMessage, notice.message_id)


def test_a_failed_send_is_retried_and_the_notice_is_kept(committed, flaky):
    flaky.failures = 1
    app = create_app(committed.config | SMTP)
    notice_id = refer_back(app, committed)
    run_queued(app, queues=("mail",))
    notice, mail = notice_and_mail(committed, notice_id)
    assert (mail.state, mail.attempts, mail.error) == (SENT, 2, None) and len(flaky.sent) == 1
    assert notice.read_at is None and notice.user_id == committed.world.a.learner.id


def test_a_send_that_keeps_failing_ends_failed_and_the_notice_stays(committed, flaky):
    flaky.failures = 99
    app = create_app(committed.config | SMTP)
    notice_id = refer_back(app, committed)
    run_queued(app, queues=("mail",))
    notice, mail = notice_and_mail(committed, notice_id)
    assert (mail.state, mail.attempts) == (FAILED, 3) and "connection refused" in mail.error
    assert notice is not None and flaky.sent == []


def test_the_digest_command_sends_each_person_one_email_a_day(committed, flaky):
    app = create_app(committed.config | SMTP)
    learner_id = committed.world.a.learner.id
    with committed.session() as session:
        session.add(Preference(user_id=learner_id, kind="evidence_referred", delivery=DAILY))
        session.commit()
    refer_back(app, committed)
    runner = app.test_cli_runner()
    first = runner.invoke(main, ["notifications", "digest"])
    second = runner.invoke(main, ["notifications", "digest"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "0 sent" in second.output
    to_learner = [message for message in flaky.sent if message["To"] == committed.world.a.learner.email]
    assert len(to_learner) == 1 and "daily" in to_learner[0]["Subject"]


def test_the_embedded_worker_queues_the_digest_every_hour(app, monkeypatch):
    from dramatiq import Message

    from assessor.core import tasks
    from assessor.notifications.tasks import DIGEST_TASK

    class Stop(Exception):
        pass

    def sleep(seconds):
        assert seconds == 3600
        raise Stop

    monkeypatch.setattr(tasks.time, "sleep", sleep)
    assert tasks.PERIODIC[DIGEST_TASK] == 3600
    with pytest.raises(Stop):
        tasks._every(app, DIGEST_TASK, tasks.PERIODIC[DIGEST_TASK])
    queued = [Message.decode(data).actor_name for data in list(app.extensions["task_broker"].queues["mail"].queue)]
    assert queued == [DIGEST_TASK]

"""The daily email: once per person per day, listing daily notices and the evidence waiting longer than the threshold."""
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from assessor.evidence.models import REFERRED
from assessor.mail.models import OutboxMessage
from assessor.notifications import kinds
from assessor.notifications.digest import send_all_digests, send_digest
from assessor.notifications.links import current_delivery
from assessor.notifications.models import DAILY, OFF, DigestRun, Notice
from assessor.notifications.services import notify, save_preferences
from assessor.timeutil import utcnow

from .support import every_choice

DAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def daily_notice(session, user) -> Notice:
    save_preferences(session, user, every_choice(user, {kinds.REFERRED: DAILY}))
    return notify(session, current_delivery(), user, kinds.REFERRED, {"reference": "E-009", "title": "Phone call"}, "evidence.portfolio")


def mails(session) -> int:
    return session.scalar(select(func.count(OutboxMessage.id)))


def age_submission(world, days: int):
    submission = world.a.portfolio.submitted.submissions[-1]
    submission.submitted_at = utcnow() - timedelta(days=days)
    return submission


def test_the_digest_lists_the_daily_notices_once_a_day(db_session, world):
    notice = daily_notice(db_session, world.a.learner)
    message = send_digest(db_session, current_delivery(), world.a.learner, DAY, utcnow(), 7)
    assert "E-009" in message.body and "Phone call" in message.body and notice.message_id == message.id
    assert send_digest(db_session, current_delivery(), world.a.learner, DAY, utcnow(), 7) is None
    assert mails(db_session) == 1


def test_a_notice_already_in_a_digest_is_not_sent_again_the_next_day(db_session, world):
    daily_notice(db_session, world.a.learner)
    send_digest(db_session, current_delivery(), world.a.learner, DAY, utcnow(), 7)
    assert send_digest(db_session, current_delivery(), world.a.learner, DAY + timedelta(days=1), utcnow(), 7) is None


def test_an_assessor_hears_of_evidence_waiting_longer_than_the_threshold_only(db_session, world):
    age_submission(world, 6)
    assert send_digest(db_session, current_delivery(), world.a.assessor, DAY, utcnow(), 7) is None
    age_submission(world, 8)
    message = send_digest(db_session, current_delivery(), world.a.assessor, DAY + timedelta(days=1), utcnow(), 7)
    evidence = world.a.portfolio.submitted
    assert evidence.reference in message.body and "8" in message.body and "/assessment/queue" in message.body


def test_an_assessor_who_turned_waiting_off_gets_no_digest(db_session, world):
    age_submission(world, 30)
    save_preferences(db_session, world.a.assessor, every_choice(world.a.assessor, {kinds.WAITING: OFF}))
    assert send_digest(db_session, current_delivery(), world.a.assessor, DAY, utcnow(), 7) is None


def test_the_digest_is_in_the_recipients_language(db_session, world):
    world.a.learner.language = "cy"
    daily_notice(db_session, world.a.learner)
    message = send_digest(db_session, current_delivery(), world.a.learner, DAY, utcnow(), 7)
    assert message.subject == "Eich e-bost dyddiol gan Assessor" and "wedi'i hanfon yn ôl" in message.body


def test_running_every_digest_twice_sends_each_person_one(db_session, world):
    daily_notice(db_session, world.a.learner)
    age_submission(world, 10)
    db_session.commit()
    sent, _looked_at = send_all_digests(lambda: db_session, current_delivery(), DAY, utcnow(), 7)
    again, _ = send_all_digests(lambda: db_session, current_delivery(), DAY, utcnow(), 7)
    assert (sent, again) == (2, 0) and mails(db_session) == 2
    assert db_session.scalar(select(func.count(DigestRun.id)).where(DigestRun.day == DAY)) >= 2


def test_a_referral_sent_at_once_is_not_in_the_digest(db_session, world):
    from assessor.assessment.events import evidence_decided

    evidence_decided.send(world.a.portfolio.submitted.submissions[-1], session=db_session, outcome=REFERRED)
    assert send_digest(db_session, current_delivery(), world.a.learner, DAY, utcnow(), 7) is None

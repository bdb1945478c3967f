"""Who is told what, as they chose: a notice and an email at once, a notice for the daily email, or nothing."""
import pytest
from flask_babel import force_locale
from sqlalchemy import select

from assessor.assessment.events import countersigned, evidence_decided, signed_off
from assessor.evidence.models import ASSESSED, REFERRED
from assessor.iqa.events import referral_answered, sample_decided
from assessor.iqa.models import REFERRED as SAMPLE_REFERRED
from assessor.iqa.models import RESPONDED
from assessor.mail.models import OutboxMessage
from assessor.notifications import kinds
from assessor.notifications.models import AT_ONCE, DAILY, OFF, Notice
from assessor.notifications.services import mark_all_read, save_preferences, unread_count
from assessor.timeutil import utcnow

from .support import every_choice


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def notices_of(session, user) -> list[Notice]:
    return list(session.scalars(select(Notice).where(Notice.user_id == user.id).order_by(Notice.id)))


def mails_to(session, user) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == user.email)))


def decide(session, world, outcome):
    evidence_decided.send(world.a.portfolio.submitted.submissions[-1], session=session, outcome=outcome)


def test_referred_evidence_tells_the_learner_at_once_in_their_language(db_session, world):
    world.a.learner.language = "cy"
    decide(db_session, world, REFERRED)
    (notice,) = notices_of(db_session, world.a.learner)
    (mail,) = mails_to(db_session, world.a.learner)
    assert (notice.kind, notice.delivery, notice.message_id) == (kinds.REFERRED, AT_ONCE, mail.id)
    with force_locale("cy"):
        assert mail.subject == kinds.email_subject(kinds.REFERRED) != "Your evidence is referred back"
        assert kinds.notice_text(notice.kind, notice.params) in mail.body
    assert f"/learners/{world.a.learner.id}/evidence/{world.a.portfolio.submitted.number}" in mail.body
    assert "Meeting notes" in mail.body and "/notifications/preferences" in mail.body


def test_a_learner_with_no_language_gets_the_email_in_welsh_then_english(db_session, world):
    world.a.learner.language = None
    decide(db_session, world, ASSESSED)
    (mail,) = mails_to(db_session, world.a.learner)
    welsh, english = mail.subject.split(" / ")
    assert english == "Your evidence is assessed" and welsh != english


def test_daily_keeps_the_notice_and_sends_no_email_now(db_session, world):
    save_preferences(db_session, world.a.learner, every_choice(world.a.learner, {kinds.REFERRED: DAILY}))
    decide(db_session, world, REFERRED)
    (notice,) = notices_of(db_session, world.a.learner)
    assert notice.delivery == DAILY and notice.message_id is None and mails_to(db_session, world.a.learner) == []


def test_off_means_no_notice_and_no_email(db_session, world):
    save_preferences(db_session, world.a.learner, every_choice(world.a.learner, {kinds.REFERRED: OFF, kinds.ASSESSED: OFF}))
    decide(db_session, world, ASSESSED)
    assert notices_of(db_session, world.a.learner) == [] and mails_to(db_session, world.a.learner) == []


def test_preferences_refuse_a_missing_choice_and_a_choice_the_kind_lacks(db_session, world):
    from assessor.core.acts import Refused

    with pytest.raises(Refused) as refused:
        save_preferences(db_session, world.a.assessor, {kinds.COUNTERSIGNED: AT_ONCE, kinds.WAITING: AT_ONCE})
    assert {name for name, _message in refused.value.problems} == {kinds.WAITING, kinds.IQA_REFERRAL, kinds.WITNESS_SIGNED,
                                                                   kinds.SCENARIO_REVIEW_WAITING}


def test_a_sign_off_waits_for_the_learner_and_its_countersignature_tells_the_assessor(db_session, world):
    sign_off = world.a.portfolio.sign_off
    signed_off.send(world.a.enrolment, session=db_session)
    (learner_notice,) = notices_of(db_session, world.a.learner)
    assert learner_notice.kind == kinds.AWAITING_COUNTERSIGNATURE
    assert learner_notice.endpoint_args == {"sign_off_id": sign_off.id}
    countersigned.send(sign_off, session=db_session)
    (assessor_notice,) = notices_of(db_session, world.a.assessor)
    assert assessor_notice.kind == kinds.COUNTERSIGNED and world.a.learner.name in assessor_notice.params["learner"]


def test_an_iqa_referral_tells_the_assessor_and_the_response_tells_the_iqa(db_session, world):
    sample = world.a.portfolio.sample
    sample.status, sample.action, sample.decided_by_id, sample.decided_at = SAMPLE_REFERRED, "Check P4 again.", world.a.iqa.id, utcnow()
    db_session.flush()
    sample_decided.send(sample, session=db_session)
    (referral,) = notices_of(db_session, world.a.assessor)
    assert referral.kind == kinds.IQA_REFERRAL and referral.params["action"] == "Check P4 again."
    sample.status = RESPONDED
    referral_answered.send(sample, session=db_session)
    (response,) = notices_of(db_session, world.a.iqa)
    assert response.kind == kinds.IQA_RESPONSE and response.endpoint == "iqa.sample"


def test_an_agreed_sample_tells_nobody(db_session, world):
    sample_decided.send(world.a.portfolio.sample, session=db_session)
    assert notices_of(db_session, world.a.assessor) == []


def test_the_unread_count_is_the_persons_own_and_falls_when_read(db_session, world):
    decide(db_session, world, REFERRED)
    decide(db_session, world, ASSESSED)
    assert (unread_count(db_session, world.a.learner), unread_count(db_session, world.a.assessor)) == (2, 0)
    assert mark_all_read(db_session, world.a.learner) == 2
    assert unread_count(db_session, world.a.learner) == 0

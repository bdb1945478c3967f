"""The real services tell the right people: a review, a countersignature, an IQA referral and the response."""
import pytest
from sqlalchemy import select

from assessor.assessment.services import record_review
from assessor.assessment.signoff import countersign
from assessor.core.acts import Refused
from assessor.iqa.models import REFERRED
from assessor.iqa.services import decide_sample, respond_to_referral
from assessor.notifications import kinds
from assessor.notifications.models import Notice

from ..assessment.test_review import outcomes_for


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def kinds_of(session, user) -> list[str]:
    return list(session.scalars(select(Notice.kind).where(Notice.user_id == user.id).order_by(Notice.id)))


def test_a_review_with_a_criterion_not_yet_met_refers_the_evidence_back_to_the_learner(db_session, world):
    evidence = world.a.portfolio.submitted
    outcomes = outcomes_for(db_session, world.standard, P1="met", P2=("not_yet", "Say more about the client."))
    record_review(db_session, world.a.assessor, evidence.submissions[-1], world.a.enrolment, outcomes, "", evidence.version)
    assert kinds_of(db_session, world.a.learner) == [kinds.REFERRED]


def test_a_review_with_every_criterion_met_tells_the_learner_it_is_assessed(db_session, world):
    evidence = world.a.portfolio.submitted
    outcomes = outcomes_for(db_session, world.standard, P1="met", P2="met")
    record_review(db_session, world.a.assessor, evidence.submissions[-1], world.a.enrolment, outcomes, "", evidence.version)
    assert kinds_of(db_session, world.a.learner) == [kinds.ASSESSED]


def test_a_refused_review_tells_nobody(db_session, world):
    evidence = world.a.portfolio.submitted
    with pytest.raises(Refused):
        record_review(db_session, world.a.other_learner, evidence.submissions[-1], world.a.enrolment, {}, "", evidence.version)
    assert kinds_of(db_session, world.a.learner) == []


def test_countersigning_tells_the_assessor(db_session, world):
    sign_off = world.a.portfolio.sign_off
    countersign(db_session, world.a.learner, sign_off, world.a.learner.name, sign_off.version)
    assert kinds_of(db_session, world.a.assessor) == [kinds.COUNTERSIGNED]


def test_the_iqa_referral_and_the_assessors_response(db_session, world):
    sample = world.a.portfolio.sample
    decide_sample(db_session, world.a.iqa, sample, REFERRED, "", "Check P4 against the call notes.", sample.version)
    assert kinds_of(db_session, world.a.assessor) == [kinds.IQA_REFERRAL]
    respond_to_referral(db_session, world.a.assessor, sample, "I checked the notes: P4 stands.", sample.version)
    assert kinds_of(db_session, world.a.iqa) == [kinds.IQA_RESPONSE]

"""Assessment tells the areas above it through signals: what they add to its pages comes back as answers."""
from assessor.assessment.events import assessor_follow_ups, sign_off_checks
from assessor.assessment.signoff import sign_off_state
from assessor.core.signals import answers
import pytest

from assessor.iqa.models import AGREED, REFERRED


@pytest.fixture
def ctx(app):
    with app.test_request_context():
        yield


def test_the_sign_off_state_carries_the_iqa_s_latest_sample(ctx, db_session, world):
    side = world.a
    assert [str(label) for label, _tag in sign_off_state(db_session, side.enrolment).checks] == ["Awaiting the IQA"]
    side.portfolio.sample.status = AGREED
    db_session.flush()
    assert sign_off_state(db_session, side.enrolment).checks[0][1] == "govuk-tag--green"


def test_no_sample_no_check(ctx, db_session, world):
    db_session.delete(world.b.portfolio.sample)
    db_session.flush()
    assert answers(sign_off_checks, world.b.enrolment, session=db_session) == []


def test_the_assessor_s_follow_ups_count_samples_referred_back(ctx, db_session, world):
    side = world.a
    assert sum(answers(assessor_follow_ups, side.assessor, session=db_session)) == 0
    side.portfolio.sample.status = REFERRED
    db_session.flush()
    assert sum(answers(assessor_follow_ups, side.assessor, session=db_session)) == 1
    assert sum(answers(assessor_follow_ups, world.b.assessor, session=db_session)) == 0

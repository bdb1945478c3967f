"""A standard's sign-off, countersignature and verification shown on the home page, the portfolio and the matrix."""
import pytest

from assessor.assessment.models import EnrolmentProgress
from assessor.assessment.sign_off_status import COUNTERSIGNED, SIGNED_OFF, VERIFIED, sign_off_statuses
from assessor.timeutil import utcnow

from ..factories import login_as
from .test_signoff import ready_enrolment, sign


@pytest.fixture
def signed(db_session, world):
    """A new learner whose standard is signed off, not yet countersigned."""
    enrolment = ready_enrolment(db_session, world)
    sign_off = sign(db_session, world, enrolment)
    db_session.commit()
    return enrolment, sign_off


def page(client, user, url: str) -> str:
    login_as(client, user)
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def matrix_url(enrolment) -> str:
    return f"/learners/{enrolment.member.learner_id}/standards/{enrolment.id}"


def test_the_stage_follows_countersignature_and_verification(db_session, signed):
    enrolment, sign_off = signed
    assert sign_off_statuses(db_session, [enrolment.id])[enrolment.id].stage == SIGNED_OFF
    sign_off.learner_signed_at = utcnow()
    db_session.flush()
    status = sign_off_statuses(db_session, [enrolment.id])[enrolment.id]
    assert status.stage == COUNTERSIGNED and status.sign_off_id == sign_off.id
    db_session.get(EnrolmentProgress, enrolment.id).verified_at = utcnow()
    assert sign_off_statuses(db_session, [enrolment.id])[enrolment.id].stage == VERIFIED


def test_a_withdrawn_sign_off_is_not_standing(db_session, signed):
    enrolment, sign_off = signed
    sign_off.withdrawn_at = utcnow()
    db_session.flush()
    assert sign_off_statuses(db_session, [enrolment.id]) == {}


def test_the_assessor_matrix_offers_sign_off_only_without_one(client, db_session, world):
    enrolment = ready_enrolment(db_session, world)
    db_session.commit()
    before = page(client, world.a.assessor, matrix_url(enrolment))
    assert "Sign off this standard" in before and "/sign-offs/" not in before
    sign_off = sign(db_session, world, enrolment)
    db_session.commit()
    after = page(client, world.a.assessor, matrix_url(enrolment))
    assert "Sign off this standard" not in after and "Sign-off: what is still needed" not in after
    assert "Signed off, awaiting the learner" in after
    assert f'href="/assessment/sign-offs/{sign_off.id}"' in after


def test_the_learner_sees_it_signed_off_and_verified_everywhere(client, db_session, signed):
    enrolment, sign_off = signed
    sign_off.learner_signed_at = utcnow()
    db_session.get(EnrolmentProgress, enrolment.id).verified_at = utcnow()
    db_session.commit()
    learner = enrolment.member.learner
    for url in ("/", "/portfolio", matrix_url(enrolment)):
        seen = page(client, learner, url)
        assert "Signed off and verified by the IQA" in seen, url
        assert f'href="/assessment/sign-offs/{sign_off.id}"' in seen and "View the sign-off record" in seen, url


def test_the_matrix_says_it_in_welsh(client, db_session, signed):
    enrolment, sign_off = signed
    sign_off.learner_signed_at = utcnow()
    db_session.commit()
    learner = enrolment.member.learner
    learner.language = "cy"
    db_session.commit()
    seen = page(client, learner, matrix_url(enrolment))
    assert "Gweld y cofnod cymeradwyo" in seen

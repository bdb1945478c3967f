"""Services need no request: they raise lazily translated messages, read in the reader's language when shown."""
import pytest

from assessor.assessment.signoff import sign_off
from assessor.core.acts import Refused


def test_a_service_refuses_without_a_request_and_the_page_reads_it_in_welsh(app, db_session, world):
    side = world.a
    with pytest.raises(Refused) as refused:
        sign_off(db_session, side.learner, side.enrolment, declaration_text="x", agreed=True, signature_name="x")
    with app.test_request_context(headers={"Accept-Language": "en"}):
        english = str(refused.value)
    with app.test_request_context(headers={"Accept-Language": "cy"}):
        welsh = str(refused.value)
    assert english and welsh and english != welsh

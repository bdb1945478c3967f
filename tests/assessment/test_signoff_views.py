"""The sign-off pages as the assessor, the learner, the IQA and an administrator use them."""
import re

import pytest
from sqlalchemy import select

from assessor.assessment.models import SignOff

from ..factories import login_as
from .test_signoff import ready_enrolment


@pytest.fixture
def forms(app):
    app.config["WTF_CSRF_ENABLED"] = False


def ready(db_session, world, **kwargs):
    enrolment = ready_enrolment(db_session, world, **kwargs)
    db_session.commit()
    return enrolment


def signed(db_session, world, client, enrolment) -> SignOff:
    login_as(client, world.a.assessor)
    client.post(f"/assessment/enrolments/{enrolment.id}/sign-off", data={"agreed": "y", "signature_name": world.a.assessor.name})
    return db_session.scalar(select(SignOff).where(SignOff.enrolment_id == enrolment.id))


def version_in(page: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)


def test_the_assessor_sees_the_declaration_and_the_evidence(forms, client, db_session, world):
    enrolment = ready(db_session, world)
    login_as(client, world.a.assessor)
    page = client.get(f"/assessment/enrolments/{enrolment.id}/sign-off").get_data(as_text=True)
    assert "valid, authentic, reliable, current and sufficient" in page and 'name="signature_name"' in page
    assert "30 of 30" in page and "E-001" in page and "E-002" in page


def test_what_is_missing_is_explained_and_no_form_offered(forms, client, db_session, world):
    enrolment = ready(db_session, world, leave_out=("K2",))
    login_as(client, world.a.assessor)
    response = client.get(f"/assessment/enrolments/{enrolment.id}/sign-off")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "1 criterion is not met yet" in page and "K2" in page
    assert 'name="signature_name"' not in page


def test_signing_off_leads_to_the_record(forms, client, db_session, world):
    enrolment = ready(db_session, world)
    login_as(client, world.a.assessor)
    data = {"agreed": "y", "signature_name": world.a.assessor.name}
    response = client.post(f"/assessment/enrolments/{enrolment.id}/sign-off", data=data)
    record = db_session.scalar(select(SignOff).where(SignOff.enrolment_id == enrolment.id))
    assert response.status_code == 302 and response.location.endswith(f"/assessment/sign-offs/{record.id}")
    page = client.get(response.location).get_data(as_text=True)
    assert "Signature intact" in page and record.signed_hash in page and "Waiting for the learner to countersign" in page
    again = client.post(f"/assessment/enrolments/{enrolment.id}/sign-off", data=data)
    assert again.status_code == 302 and "already signed off" in client.get(again.location).get_data(as_text=True)


def test_a_wrong_name_keeps_what_was_typed(forms, client, db_session, world):
    enrolment = ready(db_session, world)
    login_as(client, world.a.assessor)
    response = client.post(f"/assessment/enrolments/{enrolment.id}/sign-off", data={"agreed": "y", "signature_name": "Ann Other"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Type your name as it is on your account" in page and 'value="Ann Other"' in page


def test_the_learner_countersigns(forms, client, db_session, world):
    enrolment = ready(db_session, world)
    record = signed(db_session, world, client, enrolment)
    login_as(client, enrolment.member.learner)
    url = f"/assessment/sign-offs/{record.id}/countersign"
    page = client.get(url).get_data(as_text=True)
    assert "my own work" in page
    response = client.post(url, data={"version": version_in(page), "signature_name": "Siân Ready"})
    assert response.status_code == 302
    assert "Siân Ready on" in client.get(response.location).get_data(as_text=True)


def test_a_stale_countersignature_is_a_conflict_that_keeps_the_name(forms, client, db_session, world):
    enrolment = ready(db_session, world)
    record = signed(db_session, world, client, enrolment)
    login_as(client, enrolment.member.learner)
    response = client.post(f"/assessment/sign-offs/{record.id}/countersign", data={"version": record.version + 5, "signature_name": "Siân R"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "changed by someone else" in page and 'value="Siân R"' in page
    assert version_in(page) == str(record.version)


def test_withdraw_then_sign_again(forms, client, db_session, world):
    enrolment = ready(db_session, world)
    record = signed(db_session, world, client, enrolment)
    url = f"/assessment/sign-offs/{record.id}/withdraw"
    assert client.post(url, data={"version": record.version, "reason": ""}).status_code == 422
    response = client.post(url, data={"version": record.version, "reason": "The IQA referred a decision."})
    page = client.get(response.location).get_data(as_text=True)
    assert "This sign-off was withdrawn" in page and "The IQA referred a decision." in page and "Sign the standard off again" in page
    client.post(f"/assessment/enrolments/{enrolment.id}/sign-off", data={"agreed": "y", "signature_name": world.a.assessor.name})
    latest = db_session.scalar(select(SignOff).where(SignOff.enrolment_id == enrolment.id, SignOff.sequence == 2))
    page = client.get(f"/assessment/sign-offs/{latest.id}").get_data(as_text=True)
    assert "Sign-offs of this standard" in page and f"/assessment/sign-offs/{record.id}" in page


def test_the_iqa_reads_the_record_and_sees_a_broken_signature(client, world):
    login_as(client, world.a.iqa)
    page = client.get(f"/assessment/sign-offs/{world.a.portfolio.sign_off.id}").get_data(as_text=True)
    assert "Signature does not match" in page and "/countersign" not in page and "/withdraw" not in page


def test_the_pages_speak_welsh(forms, client, db_session, world):
    enrolment = ready(db_session, world)
    world.a.assessor.language = "cy"
    db_session.commit()
    login_as(client, world.a.assessor)
    page = client.get(f"/assessment/enrolments/{enrolment.id}/sign-off").get_data(as_text=True)
    assert "yn ddilys, yn wirioneddol, yn ddibynadwy, yn gyfredol ac yn ddigonol" in page and "Eich datganiad" in page

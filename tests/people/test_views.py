"""The people pages through the test client."""
import pytest
from sqlalchemy import select

from assessor.accounts.services import find_user_by_email
from assessor.mail.models import OutboxMessage

from ..factories import login_as, make_user


@pytest.fixture
def web(app, world):
    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    login_as(client, world.a.admin)
    return client


def test_list_shows_people_roles_and_states(web, db_session, world):
    make_user(db_session, provider=world.a.provider, roles=["learner"], name="Heulwen Invited", password=False)
    db_session.commit()
    page = web.get("/people/").get_data(as_text=True)
    assert world.a.assessor.email in page and world.b.assessor.email not in page
    assert "Heulwen Invited" in page and "Invited" in page and "Provider administrator" in page


def test_search_without_results_says_so(web):
    page = web.get("/people/?q=zzzz").get_data(as_text=True)
    assert "Nobody matches your search" in page


def test_invite_sends_the_invitation_and_shows_the_person(web, db_session, world):
    response = web.post("/people/invite", data={"name": "Nia Lloyd", "email": "nia@example.org", "roles": ["assessor", "iqa"]})
    assert response.status_code == 302
    person = find_user_by_email(db_session, "nia@example.org")
    assert person.provider_id == world.a.provider.id and person.role_names == {"assessor", "iqa"}
    (message,) = db_session.scalars(select(OutboxMessage)).all()
    assert "http://localhost/invitation/" in message.body


def test_invite_without_roles_answers_422_and_keeps_what_was_typed(web):
    response = web.post("/people/invite", data={"name": "Nia Lloyd", "email": "nia@example.org"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Choose at least one role." in page and 'value="Nia Lloyd"' in page


def test_invite_someone_from_another_provider_answers_422(web, world):
    response = web.post("/people/invite", data={"name": "X", "email": world.b.learner.email, "roles": ["learner"]})
    assert response.status_code == 422
    assert "another organisation" in response.get_data(as_text=True)


def test_removing_the_last_administrator_answers_422(web, world):
    response = web.post(f"/people/{world.a.admin.id}/roles", data={"roles": ["learner"]})
    assert response.status_code == 422
    assert "only administrator" in response.get_data(as_text=True)


def test_deactivating_yourself_is_refused_with_a_message(web, world):
    response = web.post(f"/people/{world.a.admin.id}/deactivate", follow_redirects=True)
    assert "You cannot deactivate yourself" in response.get_data(as_text=True)
    assert world.a.admin.active


def test_deactivated_person_is_signed_out(app, web, world):
    learner_client = app.test_client()
    login_as(learner_client, world.a.learner)
    web.post(f"/people/{world.a.learner.id}/deactivate")
    assert learner_client.get("/account/password").status_code == 302


def test_resend_gives_a_new_link_and_kills_the_old(web, db_session, world):
    web.post("/people/invite", data={"name": "Nia", "email": "nia@example.org", "roles": ["learner"]})
    person = find_user_by_email(db_session, "nia@example.org")
    web.post(f"/people/{person.id}/resend-invitation")
    first, second = db_session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    old_link = first.body.split("http://localhost")[1].split()[0]
    new_link = second.body.split("http://localhost")[1].split()[0]
    assert web.get(old_link).status_code == 410
    assert web.get(new_link).status_code == 200


def test_another_providers_person_answers_404(web, world):
    assert web.get(f"/people/{world.b.learner.id}").status_code == 404
    assert web.post(f"/people/{world.b.learner.id}/deactivate").status_code == 404

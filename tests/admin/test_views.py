"""The providers pages through the browser's eyes."""
import pytest
from sqlalchemy import select

from assessor.mail.models import OutboxMessage
from assessor.organisations.models import Provider

from ..factories import PASSWORD, login_as


@pytest.fixture
def site_admin(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.site_admin)
    return world.site_admin


def test_the_list_shows_providers_with_their_counts(client, site_admin):
    page = client.get("/admin/providers").get_data(as_text=True)
    assert "Provider a" in page and "Provider b" in page and "Open" in page


def test_creating_a_provider_invites_its_first_administrator(client, db_session, site_admin):
    form = {"name": "Coleg y Cymoedd", "admin_name": "Rhys Evans", "admin_email": "Rhys@Coleg.example"}
    response = client.post("/admin/providers/new", data=form)
    assert response.status_code == 302
    provider = db_session.scalar(select(Provider).where(Provider.name == "Coleg y Cymoedd"))
    assert response.location.endswith(f"/admin/providers/{provider.id}")
    (message,) = db_session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == "rhys@coleg.example"))
    assert "http://localhost/invitation/" in message.body
    assert "has been added" in client.get(response.location).get_data(as_text=True)


def test_a_duplicate_name_is_refused_with_the_text_kept(client, site_admin):
    form = {"name": "provider a", "admin_name": "Rhys Evans", "admin_email": "rhys@coleg.example"}
    response = client.post("/admin/providers/new", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "There is already a provider called Provider a" in page and 'value="rhys@coleg.example"' in page


def test_closing_a_provider_signs_its_people_out_and_stops_sign_in(app, client, db_session, world, site_admin):
    learner = app.test_client()
    login_as(learner, world.a.learner)
    assert "Hello," in learner.get("/").get_data(as_text=True)
    response = client.post(f"/admin/providers/{world.a.provider.id}/close")
    assert response.status_code == 302 and "is closed" in client.get(response.location).get_data(as_text=True)
    assert "Hello," not in learner.get("/").get_data(as_text=True)
    signed_in = learner.post("/sign-in", data={"email": world.a.learner.email, "password": PASSWORD})
    assert signed_in.status_code == 422
    client.post(f"/admin/providers/{world.a.provider.id}/reopen")
    assert learner.post("/sign-in", data={"email": world.a.learner.email, "password": PASSWORD}).status_code == 302


def test_renaming_through_the_page(client, db_session, world, site_admin):
    url = f"/admin/providers/{world.a.provider.id}"
    response = client.post(url, data={"name": "Coleg A", "expected_name": "Provider a"})
    assert response.status_code == 302
    assert "Coleg A" in client.get(url).get_data(as_text=True)
    stale = client.post(url, data={"name": "Coleg B", "expected_name": "Provider a"})
    assert stale.status_code == 422 and "Someone else has renamed" in stale.get_data(as_text=True)


def test_other_people_are_refused(app, world):
    client = app.test_client()
    login_as(client, world.a.admin)
    assert client.get("/admin/providers").status_code == 403
    assert client.get(f"/admin/providers/{world.b.provider.id}").status_code == 404

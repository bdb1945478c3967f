"""The account pages through the test client: cookies, session renewal, links and their answers."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from assessor.accounts.models import INVITE, RESET, AuthToken
from assessor.accounts.services import issue_token
from assessor.accounts.sessions import live_session
from assessor.mail.models import OutboxMessage
from assessor.timeutil import utcnow

from ..factories import PASSWORD, login_as, make_user

STRONG = "tidal quartz lantern orchard"


@pytest.fixture
def web(app):
    app.config["WTF_CSRF_ENABLED"] = False
    return app.test_client()


@pytest.fixture
def person(db_session, world):
    return world.a.learner


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post("/sign-in", data={"email": email, "password": password, **extra}, **extra.pop("options", {}))


def cookie_header(response, name: str) -> str:
    (header,) = [value for value in response.headers.getlist("Set-Cookie") if value.startswith(name + "=")]
    return header


def test_sign_in_redirects_and_wrong_password_answers_422(web, person):
    assert sign_in(web, person.email).status_code == 302
    response = web.post("/sign-in", data={"email": person.email, "password": "wrong password!"})
    assert response.status_code == 422
    assert b"The email address or password is not right." in response.data


def test_the_throttle_message_is_shown(web, person):
    for _ in range(5):
        sign_in(web, person.email, "wrong password!")
    response = sign_in(web, person.email)
    assert response.status_code == 422
    assert b"Too many failed attempts to sign in" in response.data


def test_remember_me_sets_an_httponly_lax_remember_cookie(web, person):
    response = web.post("/sign-in", data={"email": person.email, "password": PASSWORD, "remember": "y"})
    header = cookie_header(response, "remember_token")
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Secure" not in header


def test_without_remember_me_there_is_no_remember_cookie(web, person):
    response = sign_in(web, person.email)
    assert not [value for value in response.headers.getlist("Set-Cookie") if value.startswith("remember_token=")]


def test_cookies_are_secure_over_https(web, person):
    response = web.post(
        "/sign-in", data={"email": person.email, "password": PASSWORD, "remember": "y"}, base_url="https://localhost"
    )
    assert "Secure" in cookie_header(response, "remember_token")
    assert "Secure" in cookie_header(response, "session")


def test_sign_in_renews_the_session(web, db_session, person):
    with web.session_transaction() as session:
        session["planted"] = "before sign-in"
    sign_in(web, person.email)
    with web.session_transaction() as session:
        assert "planted" not in session
        assert live_session(db_session, session["_user_id"]).user_id == person.id


def test_sign_in_goes_only_to_local_next_pages(web, person):
    response = sign_in(web, person.email, next="https://evil.example/")
    assert response.headers["Location"] == "/"


def test_sign_out_is_post_only(web, person):
    login_as(web, person)
    assert web.get("/sign-out").status_code == 405
    assert web.post("/sign-out").status_code == 302
    assert web.get("/account/password").status_code == 302


def test_password_change_signs_out_other_sessions(app, web, person):
    elsewhere = app.test_client()
    login_as(web, person)
    login_as(elsewhere, person)
    response = web.post("/account/password", data={"current": PASSWORD, "password": STRONG, "confirm": STRONG})
    assert response.status_code == 302
    assert web.get("/account/password").status_code == 200
    assert elsewhere.get("/account/password").status_code == 302


def test_password_change_with_a_wrong_current_password_answers_422(web, person):
    login_as(web, person)
    response = web.post("/account/password", data={"current": "not it at all", "password": STRONG, "confirm": STRONG})
    assert response.status_code == 422
    assert b"Your current password is not right." in response.data


def test_reset_request_answers_the_same_for_unknown_and_known_emails(web, db_session, person):
    unknown = web.post("/password-reset", data={"email": "nobody@example.org"})
    known = web.post("/password-reset", data={"email": person.email})
    assert unknown.status_code == known.status_code == 200
    assert unknown.data.replace(b"nobody@example.org", b"X") == known.data.replace(person.email.encode(), b"X")
    (message,) = db_session.scalars(select(OutboxMessage)).all()
    assert message.to_address == person.email and "http://localhost/password-reset/" in message.body


def test_reset_link_works_once_then_answers_410(web, db_session, person):
    token = issue_token(db_session, person, RESET)
    db_session.commit()
    assert web.get(f"/password-reset/{token}").status_code == 200
    response = web.post(f"/password-reset/{token}", data={"password": STRONG, "confirm": STRONG})
    assert response.status_code == 302
    assert web.get(f"/password-reset/{token}").status_code == 410


def test_expired_reset_link_answers_410_and_offers_a_new_one(web, db_session, person):
    token = issue_token(db_session, person, RESET)
    db_session.scalar(select(AuthToken)).expires_at = utcnow() - timedelta(minutes=1)
    db_session.commit()
    response = web.get(f"/password-reset/{token}")
    assert response.status_code == 410
    assert b'href="/password-reset"' in response.data


def test_accepting_an_invitation_sets_the_password_and_signs_in(web, db_session, world):
    invited = make_user(db_session, provider=world.a.provider, roles=["learner"], password=False)
    token = issue_token(db_session, invited, INVITE)
    db_session.commit()
    response = web.post(f"/invitation/{token}", data={"password": STRONG, "confirm": STRONG})
    assert response.status_code == 302
    with web.session_transaction() as session:
        assert live_session(db_session, session["_user_id"]).user_id == invited.id
    assert web.get(f"/invitation/{token}").status_code == 410


def test_a_weak_password_on_an_invitation_answers_422_and_keeps_the_link(web, db_session, world):
    invited = make_user(db_session, provider=world.a.provider, roles=["learner"], password=False)
    token = issue_token(db_session, invited, INVITE)
    db_session.commit()
    response = web.post(f"/invitation/{token}", data={"password": "password1234", "confirm": "password1234"})
    assert response.status_code == 422
    assert web.get(f"/invitation/{token}").status_code == 200

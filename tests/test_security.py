"""Security properties of every route: CSRF on state changes, headers, cookie flags."""
import pytest
from flask import url_for

from assessor.accounts.services import set_password

from .access.test_access import ROUTES, actor_user
from .factories import login_as

STATE_CHANGING = [route for route in ROUTES if route.method in ("POST", "PUT", "PATCH", "DELETE")]
PAGES = [route for route in ROUTES if route.method == "GET"]


def build_url(app, route, world) -> str:
    with app.test_request_context():
        return url_for(route.endpoint, **route.args(world))


@pytest.mark.parametrize("signed_in", [False, True], ids=["signed-out", "signed-in"])
@pytest.mark.parametrize("route", STATE_CHANGING, ids=lambda route: route.endpoint)
def test_state_changes_need_the_csrf_token(app, client, world, route, signed_in):
    if signed_in:
        login_as(client, world.a.admin)
    response = client.open(build_url(app, route, world), method=route.method, data=route.data(world))
    assert response.status_code == 400, f"{route.method} {route.endpoint} accepted a request without a CSRF token"


@pytest.mark.parametrize("route", PAGES, ids=lambda route: route.endpoint)
def test_every_page_sends_the_security_headers(app, client, world, route):
    login_as(client, world.site_admin)
    response = client.get(build_url(app, route, world))
    policy = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("X-Frame-Options") == "DENY"


def test_session_cookie_is_httponly_and_lax(client):
    response = client.get("/sign-in")
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_cookies_are_secure_over_https(client):
    response = client.get("/sign-in", base_url="https://assessor.example")
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("; Secure" in cookie for cookie in cookies)


def test_a_stale_session_is_signed_out_when_the_password_changes(app, client, world, db_session):
    login_as(client, world.a.learner)
    assert client.get("/account/password").status_code == 200
    with app.test_request_context():
        set_password(db_session, world.a.learner, "tidal quartz lantern orchard")
    db_session.commit()
    assert client.get("/account/password").status_code == 302


def test_actor_table_covers_other_provider_with_a_real_other_provider(world):
    assert actor_user(world, "other_provider").provider_id != world.a.provider.id

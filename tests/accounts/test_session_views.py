"""Through the web: copied cookies refused once a session ends, the account page's list, and the NAT case."""
import pytest

from assessor.accounts.sessions import live_session

from ..factories import PASSWORD, login_as

STRONG = "tidal quartz lantern orchard"
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0"
CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


@pytest.fixture
def web(app):
    app.config["WTF_CSRF_ENABLED"] = False
    return app.test_client()


@pytest.fixture
def person(world):
    return world.a.learner


def signed_in(app, email, user_agent=FIREFOX):
    """A browser signed in through the form with "keep me signed in" (CSRF is not what these tests are about)."""
    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD, "remember": "y"}, headers={"User-Agent": user_agent})
    assert response.status_code == 302
    return client


def copy_of(app, original, cookie: str):
    """Another browser holding only a copy of one of the original's cookies."""
    thief = app.test_client()
    thief.set_cookie(cookie, original.get_cookie(cookie).value)
    return thief


def sign_out(client):
    assert client.post("/sign-out").status_code == 302


def change_password(client):
    assert client.post("/account/password", data={"current": PASSWORD, "password": STRONG, "confirm": STRONG}).status_code == 302


def sign_out_everywhere(client):
    assert client.post("/account/sign-out-everywhere").status_code == 302


@pytest.mark.parametrize("cookie", ["session", "remember_token"])
@pytest.mark.parametrize("ending", [sign_out, change_password, sign_out_everywhere])
def test_a_copied_cookie_is_refused_once_the_session_ends(web, app, person, cookie, ending):
    original = signed_in(app, person.email)
    assert copy_of(app, original, cookie).get("/account").status_code == 200, "the copy works while the session lives"
    stolen = copy_of(app, original, cookie)
    ending(original)
    assert stolen.get("/account").status_code == 302
    assert stolen.get("/account/password").status_code == 302


def test_after_a_password_change_this_browser_stays_signed_in_on_a_new_session(web, app, person):
    original = signed_in(app, person.email)
    before = original.get_cookie("session").value
    change_password(original)
    assert original.get("/account").status_code == 200
    assert original.get_cookie("session").value != before


def test_the_account_page_lists_sessions_and_marks_this_device(app, person):
    here, there = signed_in(app, person.email, FIREFOX), signed_in(app, person.email, CHROME)
    page = here.get("/account").get_data(as_text=True)
    assert "Firefox on Windows" in page and "Chrome on Linux" in page
    assert page.count("This device") == 1 and page.count("End session") == 1
    assert there.get("/account").status_code == 200


def test_ending_another_session_signs_that_device_out(app, db_session, person):
    here, there = signed_in(app, person.email), signed_in(app, person.email, CHROME)
    with there.session_transaction() as cookie_session:
        token = cookie_session["_user_id"]
    assert here.post(f"/account/sessions/{live_session(db_session, token).id}/end").status_code == 302
    assert there.get("/account").status_code == 302
    assert here.get("/account").status_code == 200


def test_no_one_can_end_someone_elses_session(web, app, db_session, world, person):
    token = login_as(app.test_client(), person)
    login_as(web, world.a.assessor)
    assert web.post(f"/account/sessions/{live_session(db_session, token).id}/end").status_code == 404
    assert live_session(db_session, token) is not None


def test_signed_in_pages_and_downloads_are_not_stored_public_pages_may_be(web, world, person):
    standard = world.standard
    download = web.get(f"/standards/{standard.urn}/{standard.version}/export/case")
    assert download.headers["Cache-Control"] == "no-store"
    assert "no-store" not in web.get("/").headers.get("Cache-Control", "")
    login_as(web, person)
    assert web.get("/").headers["Cache-Control"] == "no-store"
    assert web.post("/sign-out").headers["Cache-Control"] == "no-store"


def test_made_up_emails_from_a_college_nat_do_not_lock_out_the_right_password(web, app, db_session, world, person):
    delays = []
    app.extensions["sign_in_throttle"].sleep = delays.append
    nat = {"REMOTE_ADDR": "192.0.2.44"}
    for number in range(25):
        response = web.post("/sign-in", data={"email": f"made-up-{number}@example.org", "password": "guess"}, environ_base=nat)
        assert response.status_code == 422
    response = web.post("/sign-in", data={"email": person.email, "password": PASSWORD}, environ_base=nat)
    assert response.status_code == 302
    assert delays and max(delays) <= app.config["SIGN_IN_MAX_DELAY"]

"""The check of a draft's text as it is typed (POST /authoring/scenarios/<id>/check): the panel's HTML, nothing saved."""
import pytest

from assessor.scenarios import authoring
from assessor.scenarios.authoring import SOURCE_MAX
from assessor.scenarios.models import ScenarioDraft

from ..factories import login_as
from .test_authoring_pages import BROKEN, SOURCE, UNTRANSLATED
from .test_player_pages import field, text_of


@pytest.fixture
def draft(db_session, world):
    draft = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    db_session.commit()
    return draft


def check(client, draft, source, token=None):
    """What the draft page's script sends: the page's CSRF token and the editor's text."""
    if token is None:
        token = field(client.get(f"/authoring/scenarios/{draft.id}").get_data(as_text=True), "csrf_token")
    return client.post(f"/authoring/scenarios/{draft.id}/check", data={"csrf_token": token, "source": source})


def test_the_draft_page_has_the_panel_the_script_replaces_and_works_without_it(client, world, draft):
    login_as(client, world.a.admin)
    page = client.get(f"/authoring/scenarios/{draft.id}").get_data(as_text=True)
    assert '<div id="check-results" aria-live="polite">' in page and "The check found no problems." in page
    assert f'data-check-url="/authoring/scenarios/{draft.id}/check"' in page
    assert 'src="/static/js/check_as_you_type.js"' in page and "Checked as you type" not in page


def test_the_typed_text_is_checked_and_nothing_is_saved(client, world, draft, db_session):
    login_as(client, world.a.admin)
    revision = draft.revision
    response = check(client, draft, BROKEN)
    html = text_of(response)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert html.lstrip().startswith('<div id="check-results" aria-live="polite">') and "<html" not in html
    assert "Checked as you type" in html and "A scenario with errors cannot be published." in html
    assert "minutes" in html and "begin" in html
    warned = text_of(check(client, draft, UNTRANSLATED))
    assert "0 errors, 1 warning." in warned and "Errors" not in warned
    assert "The check found no problems." in text_of(check(client, draft, SOURCE))
    db_session.expire_all()
    saved = db_session.get(ScenarioDraft, draft.id)
    assert saved.source == SOURCE and saved.revision == revision


def test_text_longer_than_a_draft_takes_is_not_checked(client, world, draft):
    login_as(client, world.a.admin)
    response = check(client, draft, SOURCE + "#" * SOURCE_MAX)
    assert response.status_code == 422 and "at most 500,000 characters" in text_of(response)
    assert "Paste or upload the scenario" in text_of(check(client, draft, "  "))


def test_without_the_csrf_token_it_is_refused(client, world, draft):
    login_as(client, world.a.admin)
    assert check(client, draft, SOURCE, token="").status_code == 400


@pytest.mark.parametrize("who, status", [("b_admin", 404), ("site_admin", 404), ("assessor", 403), ("learner", 403)])
def test_only_the_providers_authors_may_check_its_draft(app, client, world, draft, who, status):
    app.config["WTF_CSRF_ENABLED"] = False
    person = {"b_admin": world.b.admin, "site_admin": world.site_admin, "assessor": world.a.assessor,
              "learner": world.a.learner}[who]
    login_as(client, person)
    assert client.post(f"/authoring/scenarios/{draft.id}/check", data={"source": SOURCE}).status_code == status


def test_an_unknown_draft_is_not_found(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.admin)
    assert client.post("/authoring/scenarios/999999/check", data={"source": SOURCE}).status_code == 404

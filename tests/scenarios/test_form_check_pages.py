"""The structured editor's forms checked as typed (POST …/nodes/<id>/check, …/persona/check, …/variables/check):
the page's problem panel as HTML for the form as posted, nothing saved."""
import pytest

from assessor.scenarios.authoring import SOURCE_MAX
from assessor.scenarios.models import ScenarioDraft

from ..factories import login_as
from .authoring_support import SOURCE
from .test_authoring_pages import create
from .test_editor_pages import _posted
from .test_player_pages import text_of

PAGES = ["nodes/open", "persona", "variables"]


@pytest.fixture
def draft_url(client, world) -> str:
    login_as(client, world.a.admin)
    return create(client, SOURCE)


def check(client, draft_url, path, **changes):
    """What the page's script sends: the whole form as it stands, with `changes` typed in."""
    page = client.get(f"{draft_url}/{path}").get_data(as_text=True)
    return client.post(f"{draft_url}/{path}/check", data=_posted(page, **changes))


def saved(db_session) -> tuple[str, int]:
    db_session.expire_all()
    draft = db_session.query(ScenarioDraft).one()
    return draft.source, draft.revision


@pytest.mark.parametrize("path", PAGES)
def test_each_form_names_its_check_and_the_panel_the_script_replaces(client, draft_url, path):
    page = client.get(f"{draft_url}/{path}").get_data(as_text=True)
    assert f'data-check-url="{draft_url}/{path}/check"' in page
    assert '<div id="check-results" aria-live="polite">' in page and 'src="/static/js/check_as_you_type.js"' in page
    assert "1 more problem elsewhere in the scenario" in page  # its standard is not one of the site's
    assert f'href="{draft_url}#check-results"' in page


def test_a_welsh_text_emptied_but_not_saved_shows_in_the_panel(client, draft_url, db_session):
    before = saved(db_session)
    response = check(client, draft_url, "nodes/open", **{"choices-0-text-cy": ""})
    html = text_of(response)
    assert response.status_code == 200 and response.mimetype == "text/html" and "<html" not in html
    assert html.lstrip().startswith('<section') and '<div id="check-results" aria-live="polite">' in html
    assert "Checked as you type" in html
    assert '<a class="govuk-link" href="#choices-0-text-cy">Choice 1 › What the learner says › Welsh: Write this in Welsh.</a>' in html
    assert f'href="{draft_url}/nodes/open#choices-0-text-cy"' in html and "nodes.open.choices[1].text.cy" in html
    assert saved(db_session) == before
    refilled = text_of(check(client, draft_url, "nodes/open"))
    assert "The check finds no problems here." in refilled and "Write this in Welsh" not in refilled


def test_the_forms_own_problems_show_before_saving(client, draft_url, db_session):
    before = saved(db_session)
    html = text_of(check(client, draft_url, "nodes/open", **{"choices-2-condition": "trust >>",
                                                             "choices-0-effects-0-variable": "mood"}))
    assert 'href="#choices-2-condition"' in html and "This condition cannot be read" in html
    assert 'href="#choices-0-effects-0-variable"' in html and "Choose a declared variable." in html
    assert saved(db_session) == before


def test_the_client_and_the_variables_are_checked_as_typed(client, draft_url, db_session):
    before = saved(db_session)
    persona = text_of(check(client, draft_url, "persona", **{"role-cy": ""}))
    assert 'href="#role-cy"' in persona and f'href="{draft_url}/persona#role-cy"' in persona
    variables = text_of(check(client, draft_url, "variables", **{"variables-0-initial": "lots"}))
    assert 'href="#variables-0-initial"' in variables and "Give a number, or true or false." in variables
    assert f'href="{draft_url}/variables#variables-0-initial"' in variables
    assert saved(db_session) == before


@pytest.mark.parametrize("path", PAGES)
def test_text_longer_than_a_draft_takes_is_not_checked(client, draft_url, path):
    field = {"nodes/open": "client-en", "persona": "cares_about-en", "variables": "variables-0-label-en"}[path]
    response = check(client, draft_url, path, **{field: "x" * SOURCE_MAX})
    assert response.status_code == 422 and "at most 500,000 characters" in text_of(response)


@pytest.mark.parametrize("path", PAGES)
def test_without_the_csrf_token_it_is_refused(client, draft_url, path):
    assert check(client, draft_url, path, csrf_token="").status_code == 400


@pytest.mark.parametrize("path", PAGES)
def test_only_the_providers_authors_check_its_forms(app, client, world, draft_url, path):
    app.config["WTF_CSRF_ENABLED"] = False
    for person, status in ((world.b.admin, 404), (world.a.learner, 403), (world.a.assessor, 403)):
        login_as(client, person)
        assert client.post(f"{draft_url}/{path}/check", data={"client-en": "Hi"}).status_code == status


def test_an_unknown_node_is_not_found(client, draft_url):
    page = client.get(f"{draft_url}/nodes/open").get_data(as_text=True)
    assert client.post(f"{draft_url}/nodes/nowhere/check", data=_posted(page)).status_code == 404

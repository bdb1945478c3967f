"""The structured editor through the test client, without JavaScript: the nodes list and its buttons, a node's form,
the client's and the variables' forms, each saved as the draft's canonical YAML; the map and the check by field."""
import re

import pytest

from assessor.scenarios.dumper import dump_document
from assessor.scenarios.loader import load_text
from assessor.scenarios.models import ScenarioDraft

from ..factories import login_as
from .authoring_support import SOURCE
from .conftest import AUTHORING
from .test_authoring_pages import create, post_form
from .test_player_pages import field, text_of

MISSING_WELSH = (AUTHORING / "missing_language.yaml").read_text(encoding="utf-8")


@pytest.fixture
def author(client, world):
    login_as(client, world.a.admin)
    return world.a.admin


@pytest.fixture
def draft_url(client, author) -> str:
    return create(client, SOURCE)


def document(db_session) -> dict:
    db_session.expire_all()
    return load_text(db_session.query(ScenarioDraft).one().source).data


def press(client, page_url: str, action: str, **data):
    """Post one of the page's small forms, with the page's CSRF token and revision."""
    page = client.get(page_url).get_data(as_text=True)
    revision = re.search(r'name="revision" value="(\d+)"', page)[1]
    return post_form(client, action, page, revision=revision, **data)


def test_the_nodes_page_lists_every_node_in_order_with_its_kind_and_buttons(client, draft_url):
    page = text_of(client.get(f"{draft_url}/nodes"))
    assert re.findall(r'<tr class="govuk-table__row" data-node="([^"]+)"', page) == ["open", "write", "good-end",
                                                                                      "bad-end"]
    assert "4 choices" in page and "Written reply" in page and "Ending" in page and ">Start<" in page
    assert f'href="{draft_url}/nodes/write"' in page and f'action="{draft_url}/nodes/write/delete"' in page
    assert "<script" not in page.split("</main>")[0]


def test_a_node_page_shows_every_text_in_both_languages_and_saves_canonical_yaml(client, draft_url, db_session):
    page = client.get(f"{draft_url}/nodes/open").get_data(as_text=True)
    assert 'id="client-cy" lang="cy"' in page and 'id="choices-2-text-en" lang="en"' in page
    assert f'href="{draft_url}#scenario-map"' in page
    data = _posted(page, **{"client-en": "Hello again, trust {trust}"})
    response = client.post(f"{draft_url}/nodes/open", data=data)
    assert response.status_code == 302, text_of(response)
    saved = db_session.query(ScenarioDraft).one().source
    assert "Hello again, trust {trust}" in saved and dump_document(load_text(saved).data) == saved
    assert document(db_session)["nodes"]["open"]["choices"][0]["effects"] == {"trust": 2, "agreed": True}


def test_a_stale_node_form_is_refused_with_409_and_keeps_what_was_typed(client, draft_url, db_session):
    page = client.get(f"{draft_url}/nodes/open").get_data(as_text=True)
    assert press(client, f"{draft_url}/nodes", f"{draft_url}/nodes/write/move", direction="up").status_code == 302
    response = client.post(f"{draft_url}/nodes/open", data=_posted(page, **{"client-en": "Typed before the move"}))
    assert response.status_code == 409
    kept = text_of(response)
    assert "Typed before the move</textarea>" in kept and "your change was not saved" in kept
    assert "Typed before the move" not in db_session.query(ScenarioDraft).one().source
    again = client.post(f"{draft_url}/nodes/open", data=_posted(response.get_data(as_text=True)))
    assert again.status_code == 302
    assert list(document(db_session)["nodes"])[:2] == ["write", "open"]
    assert document(db_session)["nodes"]["open"]["client"]["en"] == "Typed before the move"


def test_a_node_form_with_problems_is_shown_again_with_them(client, draft_url):
    page = client.get(f"{draft_url}/nodes/open").get_data(as_text=True)
    response = client.post(f"{draft_url}/nodes/open", data=_posted(page, **{"choices-0-text-cy": ""}))
    assert response.status_code == 422
    assert '<a href="#choices-0-text-cy">Choice 1 › What the learner says › Welsh: Write this in Welsh.</a>' in (
        text_of(response))


def test_the_node_page_lists_its_problems_with_links_to_their_fields(client, author, db_session):
    url = create(client, MISSING_WELSH)
    page = text_of(client.get(f"{url}/nodes/greeting"))
    problems = page[page.index('id="page-problems"'):page.index("</section>", page.index('id="page-problems"'))]
    assert f'href="{url}/nodes/greeting#choices-1-text-cy"' in problems and "line 24" in problems
    assert 'id="choices-1-text-cy"' in page
    assert "The check finds no problems here." in text_of(client.get(f"{url}/nodes/ask"))


def test_the_draft_page_links_each_problem_to_its_field_or_to_the_yaml(client, author):
    url = create(client, MISSING_WELSH.replace("duration_minutes: 5\n", ""))
    page = text_of(client.get(url))
    checked = page[page.index('id="check-results"'):page.index('id="scenario-coverage"')]
    assert f'href="{url}/nodes/greeting#choices-1-text-cy"' in checked and "line 23" in checked
    assert f'href="{url}#source"' in checked  # duration_minutes is missing: the scenario as a whole, in the YAML


def test_the_draft_page_maps_the_scenario_with_a_link_on_each_node(client, author):
    url = create(client, (AUTHORING / "unreachable.yaml").read_text(encoding="utf-8"))
    page = client.get(url).get_data(as_text=True)
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert f'href="{url}/nodes/forgotten"' in svg and "scenario-map__node--ending" in svg
    assert "scenario-map__node--error" in svg and "<script>alert" not in page
    assert f'<a class="govuk-link" href="{url}/nodes/forgotten">forgotten</a>' in page  # the map as a list


def test_adding_copying_moving_and_deleting_nodes(client, draft_url, db_session):
    nodes = f"{draft_url}/nodes"
    response = press(client, nodes, nodes, node_id="price-talk", after="open")
    assert response.status_code == 302 and response.headers["Location"] == f"{nodes}/price-talk"
    assert list(document(db_session)["nodes"]) == ["open", "price-talk", "write", "good-end", "bad-end"]
    assert press(client, nodes, f"{nodes}/write/duplicate").status_code == 302
    assert press(client, nodes, f"{nodes}/write-copy/move", direction="up").status_code == 302
    assert press(client, nodes, f"{nodes}/price-talk/delete").status_code == 302
    assert list(document(db_session)["nodes"]) == ["open", "write-copy", "write", "good-end", "bad-end"]


def test_a_bad_node_id_is_shown_beside_its_field(client, draft_url):
    response = press(client, f"{draft_url}/nodes", f"{draft_url}/nodes", node_id="Open Day")
    assert response.status_code == 422 and 'href="#node_id"' in text_of(response)
    assert "A node id uses lower-case letters" in text_of(response)


def test_a_delete_is_refused_with_every_choice_that_leads_to_the_node(client, draft_url, db_session):
    before = db_session.query(ScenarioDraft).one().source
    response = press(client, f"{draft_url}/nodes", f"{draft_url}/nodes/write/delete")
    assert response.status_code == 422
    page = text_of(response)
    assert "nodes.open.choices[1].next leads to write" in page and "nodes.open.choices[2].next leads to write" in page
    assert "open is where the scenario starts" in text_of(press(client, f"{draft_url}/nodes",
                                                                f"{draft_url}/nodes/open/delete"))
    db_session.expire_all()
    assert db_session.query(ScenarioDraft).one().source == before


def test_adding_moving_and_removing_choices(client, draft_url, db_session):
    node = f"{draft_url}/nodes/open"
    assert press(client, node, f"{node}/choices/add").status_code == 302
    assert len(document(db_session)["nodes"]["open"]["choices"]) == 5
    assert press(client, node, f"{node}/choices/2/move", direction="up").status_code == 302
    assert [c["text"]["en"] for c in document(db_session)["nodes"]["open"]["choices"]] == ["Good", "Secret", "Bad", "Wait",
                                                                                            ""]
    assert press(client, node, f"{node}/choices/4/remove").status_code == 302
    assert len(document(db_session)["nodes"]["open"]["choices"]) == 4
    refused = press(client, f"{draft_url}/nodes/write", f"{draft_url}/nodes/write/choices/add")
    assert refused.status_code == 422 and "write has no choices" in text_of(refused)


def test_the_client_and_the_variables_are_saved_from_their_forms(client, draft_url, db_session):
    page = client.get(f"{draft_url}/persona").get_data(as_text=True)
    assert 'id="role-cy" lang="cy"' in page
    assert client.post(f"{draft_url}/persona", data=_posted(page, organisation="Acme Films")).status_code == 302
    page = client.get(f"{draft_url}/variables").get_data(as_text=True)
    data = _posted(page, **{"variables-2-name": "patience", "variables-2-initial": "3"})
    assert client.post(f"{draft_url}/variables", data=data).status_code == 302
    saved = document(db_session)
    assert saved["persona"]["organisation"] == "Acme Films" and saved["state"]["patience"] == {"initial": 3}
    bad = client.post(f"{draft_url}/variables", data=_posted(client.get(f"{draft_url}/variables").get_data(
        as_text=True), **{"variables-0-initial": "lots"}))
    assert bad.status_code == 422 and "Give a number, or true or false." in text_of(bad)


def test_unreadable_yaml_sends_the_author_back_to_the_yaml_editor(client, draft_url):
    page = client.get(draft_url).get_data(as_text=True)
    post_form(client, draft_url, page, source=SOURCE + "  : [\n", revision=field(page, "revision"))
    assert "fix it in the YAML editor first" in text_of(client.get(f"{draft_url}/nodes"))
    assert client.get(f"{draft_url}/nodes/open").status_code == 404


@pytest.mark.parametrize("path", ["nodes", "nodes/open", "persona", "variables"])
def test_only_the_providers_authors_open_the_editor(client, world, draft_url, path):
    login_as(client, world.b.admin)
    assert client.get(f"{draft_url}/{path}").status_code == 404
    login_as(client, world.a.learner)
    assert client.get(f"{draft_url}/{path}").status_code == 403


def _posted(page: str, **changes) -> dict:
    """What a browser posts for the page's main form as rendered, with `changes`."""
    form = page[page.rindex("<form", 0, page.index('id="csrf_token"')):]
    form = form[:form.index("</form>")]
    data: dict = {}
    for match in re.finditer(r'<(input|textarea|select)\b([^>]*)>', form):
        attributes = match[2]
        name = re.search(r'name="([^"]+)"', attributes)
        if name is None:
            continue
        if match[1] == "textarea":
            value = form[match.end():form.index("</textarea>", match.end())]
        elif match[1] == "select":
            end = form.index("</select>", match.end())
            chosen = re.search(r'<option selected value="([^"]*)"|<option value="([^"]*)" selected', form[match.end():end])
            value = next(group for group in chosen.groups() if group is not None) if chosen else ""
        else:
            kind = re.search(r'type="([^"]+)"', attributes)
            if kind and kind[1] in ("checkbox", "radio") and "checked" not in attributes:
                continue
            value = re.search(r'value="([^"]*)"', attributes)
            value = value[1] if value else ""
        data[name[1]] = _unescape(value)
    data.update(changes)
    return data


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text.removeprefix("\r\n").removeprefix("\n"))


def test_the_check_results_partial_renders_on_its_own(client, author, db_session):
    from flask import render_template

    from assessor.scenarios.problems import check_source

    create(client, MISSING_WELSH)
    draft = db_session.query(ScenarioDraft).one()
    with client.application.test_request_context():
        html = render_template("scenarios/authoring/_check_results.html", draft=draft,
                               records=check_source(draft.source).problems)
    assert f'href="/authoring/scenarios/{draft.id}/nodes/greeting#choices-1-text-cy"' in html and "line 24" in html

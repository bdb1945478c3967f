"""The authoring pages through the test client, without JavaScript: write, check, save, publish, play, retire."""
import io
import re

import pytest

from assessor.scenarios.models import ScenarioDraft

from ..factories import login_as
from .player_support import SCENARIOS
from .test_player_pages import field, text_of

#: a shipped scenario the check finds nothing in (see test_shipped.KNOWN_NEVER_TAKEN for the others)
SHIPPED = (SCENARIOS / "festival-client-budget-cut.yaml").read_text(encoding="utf-8")
SOURCE = SHIPPED.replace("id: festival-client-budget-cut", "id: acme-new-decision-maker")
#: the Welsh title left in English: a warning (identical texts), not an error
UNTRANSLATED = SOURCE.replace('cy: "Yr un sioe, am lai o arian"', 'cy: "The same show, for less"')
#: two schema errors at once
BROKEN = SOURCE.replace("duration_minutes:", "minutes:").replace("start:", "begin:")
NEW = "/authoring/scenarios/new"


def post_form(client, url, page_html, **data):
    return client.post(url, data={"csrf_token": field(page_html, "csrf_token"), **data})


@pytest.fixture
def author(client, world):
    login_as(client, world.a.admin)
    return world.a.admin


def create(client, source=SOURCE) -> str:
    """The new draft's page URL."""
    response = post_form(client, NEW, client.get(NEW).get_data(as_text=True), source=source)
    assert response.status_code == 302, text_of(response)
    return response.headers["Location"]


def save(client, url, source, revision=None):
    page = client.get(url).get_data(as_text=True)
    return post_form(client, url, page, source=source, revision=revision or field(page, "revision"))


def publish(client, url, reason=""):
    page = client.get(url).get_data(as_text=True)
    return post_form(client, f"{url}/publish", page, revision=field(page, "revision"), reason=reason)


def test_an_author_pastes_a_scenario_and_the_check_finds_nothing(client, author, db_session):
    assert "no scenarios of its own yet" in text_of(client.get("/authoring/scenarios/"))
    url = create(client)
    page = text_of(client.get(url))
    assert "acme-new-decision-maker" in page and "The check found no problems." in page
    assert "Draft, not published" in page and "No version is published yet" in page
    assert "acme-new-decision-maker" in text_of(client.get("/authoring/scenarios/"))


def test_pasting_nothing_is_shown_beside_the_text_area(client, author):
    response = post_form(client, NEW, client.get(NEW).get_data(as_text=True), source="")
    assert response.status_code == 422
    assert "Paste or upload the scenario" in text_of(response) and 'href="#source"' in text_of(response)


def test_an_upload_makes_a_draft(client, author, db_session):
    page = client.get(NEW).get_data(as_text=True)
    response = client.post(NEW, data={"csrf_token": field(page, "csrf_token"), "source": "",
                                      "file": (io.BytesIO(SOURCE.encode("utf-8")), "scenario.yaml")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    assert db_session.query(ScenarioDraft).filter_by(scenario_id="acme-new-decision-maker").one().source == SOURCE


def test_saving_lists_every_problem_with_its_line(client, author):
    url = create(client)
    assert save(client, url, BROKEN).status_code == 302
    page = text_of(client.get(url))
    lines = re.findall(r"line (\d+)", page)
    assert len(lines) >= 2 and "4 errors" in page
    response = publish(client, url)
    assert response.status_code == 422 and "Line " in text_of(response)
    assert "No version is published yet" in text_of(response)


def test_a_stale_save_keeps_the_unsent_text_and_changes_nothing(client, author, db_session):
    url = create(client)
    old = field(client.get(url).get_data(as_text=True), "revision")
    assert save(client, url, UNTRANSLATED).status_code == 302
    response = save(client, url, BROKEN, revision=old)
    assert response.status_code == 409
    page = text_of(response)
    assert "Your text that was not saved" in page and "minutes:" in page
    assert db_session.query(ScenarioDraft).one().source == UNTRANSLATED


def test_warnings_need_a_reason_then_the_learners_of_the_provider_play_it(client, author, world):
    url = create(client, UNTRANSLATED)
    response = publish(client, url)
    assert response.status_code == 422 and "say why this version can be published" in text_of(response)
    assert publish(client, url, reason="The title is a name in both languages.").status_code == 302
    page = text_of(client.get(url))
    assert "Version 1 live" in page and "Download version 1" in page
    download = client.get(f"{url}/versions/1.yaml")
    assert download.mimetype == "application/yaml" and "id: acme-new-decision-maker" in download.get_data(as_text=True)

    client.application.config["WTF_CSRF_ENABLED"] = False  # the learners' start buttons are posted bare
    login_as(client, world.b.learner)
    assert "acme-new-decision-maker" not in client.get("/scenarios/").get_data(as_text=True)
    assert client.post("/scenarios/acme-new-decision-maker/start").status_code == 404
    login_as(client, world.a.learner)
    started = client.post("/scenarios/acme-new-decision-maker/start")
    assert started.status_code == 302
    play = started.headers["Location"]
    assert client.get(play).status_code == 200
    login_as(client, world.b.learner)
    assert client.get(play).status_code == 404


def test_retiring_takes_it_off_the_learners_list(client, author, world):
    url = create(client)
    assert publish(client, url).status_code == 302
    login_as(client, world.a.learner)
    assert "acme-new-decision-maker" in client.get("/scenarios/").get_data(as_text=True)
    login_as(client, world.a.admin)
    page = client.get(url).get_data(as_text=True)
    assert post_form(client, f"{url}/retire", page, revision=field(page, "revision")).status_code == 302
    assert "Retired" in text_of(client.get(url))
    login_as(client, world.a.learner)
    assert "acme-new-decision-maker" not in client.get("/scenarios/").get_data(as_text=True)
    client.application.config["WTF_CSRF_ENABLED"] = False  # the start button is posted bare
    assert client.post("/scenarios/acme-new-decision-maker/start").status_code == 404


def test_the_draft_page_reads_in_welsh(client, world, db_session):
    world.a.admin.language = "cy"
    db_session.commit()
    login_as(client, world.a.admin)
    url = create(client)
    page = text_of(client.get(url))
    assert "Cadw'r drafft" in page and "Save the draft" not in page


def test_a_scenario_author_finds_the_pages_and_exports_the_published_scenarios(client, world, db_session):
    import zipfile

    from assessor.accounts.models import SCENARIO_AUTHOR

    from ..factories import make_user

    writer = make_user(db_session, provider=world.a.provider, roles=(SCENARIO_AUTHOR,))
    db_session.commit()
    login_as(client, writer)
    assert 'href="/authoring/scenarios/"' in client.get("/authoring/scenarios/").get_data(as_text=True)
    url = create(client)
    assert "Download the newest published version" not in text_of(client.get("/authoring/scenarios/"))
    assert publish(client, url).status_code == 302
    assert "Download the newest published version" in text_of(client.get("/authoring/scenarios/"))
    archive = zipfile.ZipFile(io.BytesIO(client.get("/authoring/scenarios/export.zip").data))
    assert archive.namelist() == ["acme-new-decision-maker.yaml"]


def test_what_changed_between_two_versions(client, author):
    url = create(client)
    assert publish(client, url).status_code == 302
    assert save(client, url, SOURCE.replace('en: "The same show, for less"', 'en: "A new boss"')).status_code == 302
    assert publish(client, url).status_code == 302
    assert "What changed in version 2" in text_of(client.get(url))
    page = text_of(client.get(f"{url}/versions/2/changes"))
    assert re.search(r"<del>.*- title: .*en: \"The same show, for less\"}</del>", page)
    assert re.search(r"<ins>.*\+ title: .*en: \"A new boss\"}</ins>", page)
    assert "- version: 1" in page and "+ version: 2" in page
    assert client.get(f"{url}/versions/1/changes").status_code == 404


def test_the_draft_page_shows_which_criteria_the_scenario_can_evidence(client, author):
    url = create(client)
    page = text_of(client.get(url))
    assert "Criteria covered" in page and "SKSCMGS11" in page
    assert "Coverage appears once" not in page
    assert save(client, url, BROKEN).status_code == 302
    assert "Coverage appears once the scenario's basic structure is right" in text_of(client.get(url))

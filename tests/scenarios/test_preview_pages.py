"""The preview's pages through the test client, without JavaScript: start, play, jump, change language, debrief."""
import re

import pytest
from sqlalchemy import func, select

from assessor.scenarios import authoring
from assessor.scenarios.models import Attempt, ScenarioDraft, ScenarioPreview

from ..factories import login_as
from .authoring_support import SOURCE, WITH_ERRORS
from .test_player_pages import field, post_step, text_of


@pytest.fixture
def author(client, world):
    login_as(client, world.a.admin)
    return world.a.admin


@pytest.fixture
def draft(db_session, world):
    draft = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    db_session.commit()
    return draft


def url(draft, tail=""):
    return f"/authoring/scenarios/{draft.id}/preview{tail}"


def start(client, draft, language="en"):
    page = client.get(url(draft)).get_data(as_text=True)
    return client.post(url(draft, "/start"), data={"csrf_token": field(page, "csrf_token"), "language": language})


def variable(html: str, name: str) -> str:
    return re.search(rf'data-variable="{name}">([^<]*)<', html)[1]


def test_the_draft_page_links_to_the_preview_and_it_offers_welsh_or_english(client, author, draft):
    assert url(draft) in client.get(f"/authoring/scenarios/{draft.id}").get_data(as_text=True)
    page = text_of(client.get(url(draft)))
    assert "Preview the draft" in page and "Welsh" in page and "English" in page and "Start the preview" in page


def test_an_author_plays_in_welsh_on_english_pages_to_the_debrief(client, author, draft, db_session):
    assert start(client, draft, "cy").headers["Location"].endswith(url(draft))
    html = client.get(url(draft)).get_data(as_text=True)
    assert 'lang="cy">Helo, ymddiriedaeth 5' in html and "What do you say?" in html
    assert re.search(r'id="preview-node">open<', html) and variable(html, "trust") == "5" and variable(html, "agreed") == "no"
    assert post_step(client, url(draft), html, choice="0").status_code == 302
    html = client.get(url(draft)).get_data(as_text=True)
    assert variable(html, "trust") == "7" and variable(html, "agreed") == "yes" and "Eglurder" in html
    assert post_step(client, url(draft), html, answer="one two").status_code == 422
    assert post_step(client, url(draft), html, answer="one two three").status_code == 302
    html = client.get(url(draft)).get_data(as_text=True)
    assert "The conversation has ended" in html and url(draft, "/debrief") in html
    debrief = text_of(client.get(url(draft, "/debrief")))
    assert "Da iawn" in debrief and "On your programme" not in debrief and "Reflect" not in debrief
    assert db_session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_a_jump_moves_to_the_node_with_the_variables_set(client, author, draft):
    start(client, draft)
    html = client.get(url(draft)).get_data(as_text=True)
    data = {"csrf_token": field(html, "jump-csrf_token"), "jump-position": field(html, "jump-position"),
            "jump-node": field(html, "jump-node"), "jump-target": "write", "jump-var_trust": "2", "jump-var_agreed": "true"}
    assert client.post(url(draft, "/jump"), data=data).status_code == 302
    html = client.get(url(draft)).get_data(as_text=True)
    assert 'id="preview-node">write<' in html and variable(html, "trust") == "2" and "Jumped to node write" in html
    refused = client.post(url(draft, "/jump"), data={**data, "jump-position": "1", "jump-node": "write",
                                                     "jump-var_trust": "20"})
    assert refused.status_code == 422 and "trust must be between 0 and 10" in text_of(refused)


def test_a_stale_reply_shows_the_preview_as_it_stands_and_keeps_the_text(client, author, draft):
    start(client, draft)
    old = client.get(url(draft)).get_data(as_text=True)
    post_step(client, url(draft), old, choice="0")
    jumped = {"csrf_token": field(old, "jump-csrf_token"), "jump-position": "0", "jump-node": "open", "jump-target": "open"}
    assert client.post(url(draft, "/jump"), data=jumped).status_code == 409
    html = client.get(url(draft)).get_data(as_text=True)
    stale = post_step(client, url(draft), html, answer="words I wrote here", position="0", node="open")
    assert stale.status_code == 409 and "words I wrote here" in text_of(stale) and "has moved on" in text_of(stale)


def test_the_language_changes_mid_preview(client, author, draft):
    start(client, draft)
    html = client.get(url(draft)).get_data(as_text=True)
    changed = client.post(url(draft, "/language"), data={"csrf_token": field(html, "csrf_token"), "language": "cy"})
    assert changed.status_code == 302 and 'lang="cy">Helo' in client.get(url(draft)).get_data(as_text=True)


def test_a_preview_of_a_draft_saved_since_says_so_and_starts_again_on_the_new_text(client, author, draft, db_session):
    start(client, draft)
    draft = db_session.get(ScenarioDraft, draft.id)
    authoring.save_draft(db_session, author, draft, SOURCE.replace("Hello, trust", "Hi, trust"), draft.revision)
    db_session.commit()
    page = text_of(client.get(url(draft)))
    assert "has been saved since this preview started" in page and "Hello, trust 5" in page
    assert start(client, draft).status_code == 302
    page = text_of(client.get(url(draft)))
    assert "Hi, trust 5" in page and "saved since" not in page
    assert db_session.scalar(select(func.count()).select_from(ScenarioPreview)) == 1


def test_an_unplayable_draft_is_refused_with_its_errors(client, author, draft, db_session):
    authoring.save_draft(db_session, author, draft, WITH_ERRORS, draft.revision)
    db_session.commit()
    page = text_of(client.get(url(draft)))
    assert "cannot be played" in page and "Line " in page and "Start the preview" not in page
    assert start(client, draft).status_code == 422


def test_the_pages_of_a_preview_not_started_are_not_found(client, author, draft):
    assert client.get(url(draft, "/debrief")).status_code == 404
    page = client.get(url(draft)).get_data(as_text=True)
    assert client.post(url(draft, "/jump"), data={"csrf_token": field(page, "csrf_token")}).status_code == 404


def test_the_debrief_waits_for_an_ending(client, author, draft):
    start(client, draft)
    assert client.get(url(draft, "/debrief")).headers["Location"].endswith(url(draft))


def test_another_providers_author_finds_nothing_and_a_learner_may_not(client, world, draft):
    login_as(client, world.b.admin)
    assert client.get(url(draft)).status_code == 404
    login_as(client, world.a.learner)
    assert client.get(url(draft)).status_code == 403


def test_the_meters_are_worded_in_the_language_played_and_marked_so(client, author, draft):
    start(client, draft, "cy")
    html = client.get(url(draft)).get_data(as_text=True)
    assert '<span id="meter-trust" lang="cy">Ymddiriedaeth: 5 o 10</span>' in html
    assert 'aria-labelledby="meter-trust" lang="cy">Ymddiriedaeth: 5 o 10</meter>' in html
    assert "How things stand" in html


def test_on_welsh_pages_an_english_preview_words_its_meters_in_english(client, world, db_session, draft):
    world.a.admin.language = "cy"
    db_session.commit()
    login_as(client, world.a.admin)
    start(client, draft, "en")
    html = client.get(url(draft)).get_data(as_text=True)
    assert '<span id="meter-trust" lang="en">Trust: 5 of 10</span>' in html and "Sut mae pethau" in html
    post_step(client, url(draft), html, choice="0")
    post_step(client, url(draft), client.get(url(draft)).get_data(as_text=True), answer="one two three")
    debrief = client.get(url(draft, "/debrief")).get_data(as_text=True)
    assert '<span id="meter-trust" lang="en">Trust: 7 of 10</span>' in debrief

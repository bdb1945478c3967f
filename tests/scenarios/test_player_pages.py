"""The player's pages through the test client, without JavaScript (post, redirect, get) and as the script asks."""
import re
from html import unescape

import pytest

from assessor.evidence.models import SCENARIO, Evidence
from assessor.scenarios.models import Attempt
from assessor.scenarios.player import start_attempt, take_choice

from ..factories import login_as
from .player_support import ON_PROGRAMME, finished_attempt, fixture_document, load, load_shipped, words

REFLECTION = "I listened first, then set out the options and their costs; next time I would confirm in writing sooner."


def field(html: str, name: str) -> str:
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(rf'value="([^"]*)"[^>]*name="{name}"', html)
    return unescape(match[1]) if match else ""


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


@pytest.fixture
def learner(client, world):
    login_as(client, world.a.learner)
    return world.a.learner


@pytest.fixture
def fixture_attempt(db_session, learner):
    attempt = start_attempt(db_session, learner, load(db_session, fixture_document()))
    db_session.commit()
    return attempt


def post_step(client, url, page_html, **data):
    form = {"csrf_token": field(page_html, "csrf_token"), "position": field(page_html, "position"),
            "node": field(page_html, "node")} | data
    return client.post(url, data=form)


def test_a_learner_plays_a_shipped_scenario_to_the_end_and_adds_it_to_the_portfolio(client, db_session, learner):
    load_shipped(db_session)
    db_session.commit()
    index = client.get("/scenarios/")
    assert index.status_code == 200 and "Start" in text_of(index)
    started = client.post(f"/scenarios/{ON_PROGRAMME}/start", data={"csrf_token": field(index.get_data(as_text=True), "csrf_token")})
    assert started.status_code == 302
    url = started.headers["Location"]
    for _turn in range(40):
        page = client.get(url)
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        if "See your debrief" in html:
            break
        if 'name="answer"' in html:
            minimum = int(re.search(r"Write at least (\d+) words", html)[1])
            response = post_step(client, url, html, answer=words(minimum))
        else:
            response = post_step(client, url, html, choice=re.search(r'name="choice" type="radio" value="(\d+)"', html)[1])
        assert response.status_code == 302, text_of(response)[:500]
    else:
        pytest.fail("no ending reached")
    attempt = db_session.get(Attempt, int(url.rsplit("/", 1)[1]))
    debrief = client.get(f"/scenarios/attempts/{attempt.id}/debrief")
    assert debrief.status_code == 200 and "The path you took" in text_of(debrief)
    html = debrief.get_data(as_text=True)
    assert html.index('name="reflection"') < html.index('<details class="govuk-details" id="path-details">') < html.index('id="path"'), \
        "the outcome and the reflection come first; the path is folded in a details element (no JavaScript needed)"
    added = client.post(debrief.request.path, data={"csrf_token": field(debrief.get_data(as_text=True), "csrf_token"),
                                                    "reflection": REFLECTION, "action": "add"})
    assert added.status_code == 302
    db_session.expire_all()
    evidence = db_session.get(Evidence, db_session.get(Attempt, attempt.id).evidence_id)
    assert evidence.kind == SCENARIO and evidence.mappings and evidence.body == REFLECTION
    again = client.post(debrief.request.path, data={"csrf_token": field(debrief.get_data(as_text=True), "csrf_token"),
                                                    "reflection": REFLECTION, "action": "add"})
    assert again.status_code == 302
    assert "This attempt is in your portfolio as" in text_of(client.get(debrief.request.path))


def test_the_play_page_shows_the_client_meters_and_choices(client, fixture_attempt):
    page = text_of(client.get(f"/scenarios/attempts/{fixture_attempt.id}"))
    assert "Hello, trust 5" in page and '<span id="meter-trust">Trust: 5 of 10</span>' in page
    assert '<meter min="0" max="10" value="5" aria-labelledby="meter-trust">' in page
    assert 'value="0"' in page and "Good" in page and "Secret" not in page
    assert "js/player.js" in page and "<script src" in page


def test_a_short_answer_is_refused_and_the_text_kept(client, db_session, fixture_attempt):
    take_choice(db_session, fixture_attempt, node_id="open", position=0, choice=0)
    db_session.commit()
    url = f"/scenarios/attempts/{fixture_attempt.id}"
    html = client.get(url).get_data(as_text=True)
    assert "Write at least 3 words." in html
    response = post_step(client, url, html, answer="Too short")
    assert response.status_code == 422
    assert "Your reply has 2 words. Write at least 3 words." in text_of(response) and "Too short</textarea>" in text_of(response)


def test_a_reply_from_a_stale_page_is_a_conflict_that_keeps_the_text(client, db_session, fixture_attempt):
    url = f"/scenarios/attempts/{fixture_attempt.id}"
    old = client.get(url).get_data(as_text=True)
    assert post_step(client, url, old, choice="0").status_code == 302
    response = post_step(client, url, old, choice="1")
    assert response.status_code == 409 and "This conversation has moved on" in text_of(response)
    stale_answer = {"csrf_token": field(old, "csrf_token"), "position": "5", "node": "write", "answer": "My careful words"}
    conflict = client.post(url, data=stale_answer)
    assert conflict.status_code == 409 and "My careful words</textarea>" in text_of(conflict)
    db_session.expire_all()
    assert len(db_session.get(Attempt, fixture_attempt.id).steps) == 1


def test_the_script_gets_only_the_changing_part(client, fixture_attempt):
    url = f"/scenarios/attempts/{fixture_attempt.id}"
    html = client.get(url).get_data(as_text=True)
    form = {"csrf_token": field(html, "csrf_token"), "position": "0", "node": "open", "choice": "0"}
    response = client.post(url, data=form, headers={"X-Requested-With": "fetch"})
    body = text_of(response)
    assert response.status_code == 200 and "<html" not in body and 'id="player-main"' in body
    assert 'id="turn-1"' in body and "Write" in body and 'name="answer"' in body


def test_an_empty_post_is_refused(client, fixture_attempt):
    url = f"/scenarios/attempts/{fixture_attempt.id}"
    html = client.get(url).get_data(as_text=True)
    response = client.post(url, data={"csrf_token": field(html, "csrf_token")})
    assert response.status_code == 422 and "Choose what to say." in text_of(response)


def test_restart_starts_a_new_attempt_and_keeps_the_old(client, db_session, learner, fixture_attempt):
    html = client.get(f"/scenarios/attempts/{fixture_attempt.id}").get_data(as_text=True)
    response = client.post(f"/scenarios/attempts/{fixture_attempt.id}/restart", data={"csrf_token": field(html, "csrf_token")})
    assert response.status_code == 302
    new_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert new_id != fixture_attempt.id and db_session.get(Attempt, fixture_attempt.id) is not None
    index = text_of(client.get("/scenarios/"))
    assert "In progress" in index and "Left unfinished" in index and "Resume" in index


def test_the_debrief_of_an_unfinished_attempt_sends_the_learner_back_to_play(client, fixture_attempt):
    response = client.get(f"/scenarios/attempts/{fixture_attempt.id}/debrief")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/scenarios/attempts/{fixture_attempt.id}")


def test_a_short_reflection_is_refused_and_a_long_one_saved(client, db_session, learner):
    attempt = finished_attempt(db_session, learner)
    db_session.commit()
    url = f"/scenarios/attempts/{attempt.id}/debrief"
    token = field(client.get(url).get_data(as_text=True), "csrf_token")
    refused = client.post(url, data={"csrf_token": token, "reflection": "Short.", "action": "add"})
    assert refused.status_code == 422 and "Write a reflection of at least 50 characters" in text_of(refused)
    saved = client.post(url, data={"csrf_token": token, "reflection": REFLECTION, "action": "save"})
    assert saved.status_code == 302 and REFLECTION in text_of(client.get(url))


def test_the_transcript_page_and_the_evidence_partial(app, client, db_session, world, learner):
    from flask import render_template

    from assessor.scenarios.portfolio import add_to_portfolio

    attempt = finished_attempt(db_session, learner)
    evidence = add_to_portfolio(db_session, learner, attempt, REFLECTION + " <script>x</script>", "en")
    db_session.commit()
    page = client.get(f"/scenarios/attempts/{attempt.id}/transcript")
    assert page.status_code == 200 and "Rubric for this reply" in text_of(page)
    assert "<script>x</script>" not in page.get_data(as_text=True)
    with app.test_request_context():
        html = render_template("scenarios/_transcript.html", evidence=evidence)
        other = render_template("scenarios/_transcript.html", evidence=world.a.portfolio.draft)
    assert "Scenario transcript" in html and "A model answer" in html and other.strip() == ""


def test_the_index_reads_in_welsh(client, db_session, world):
    world.a.learner.language = "cy"
    load(db_session, fixture_document())
    db_session.commit()
    login_as(client, world.a.learner)
    page = text_of(client.get("/scenarios/"))
    assert "Teitl" in page and "Crynodeb" in page


def test_other_people_cannot_reach_an_attempt_and_staff_only_through_evidence(client, db_session, world):
    from assessor.accounts.models import ASSESSOR
    from assessor.scenarios.portfolio import add_to_portfolio

    from ..factories import make_user

    attempt = finished_attempt(db_session, world.a.learner)
    stranger = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    db_session.commit()
    base = f"/scenarios/attempts/{attempt.id}"
    login_as(client, world.a.other_learner)
    assert [client.get(base + path).status_code for path in ("", "/debrief", "/transcript")] == [404, 404, 404]
    login_as(client, world.a.assessor)
    assert client.get(base + "/transcript").status_code == 404
    attempt, learner = db_session.get(Attempt, attempt.id), db_session.get(type(world.a.learner), world.a.learner.id)
    add_to_portfolio(db_session, learner, attempt, REFLECTION, "en")
    db_session.commit()
    assert client.get(base + "/transcript").status_code == 200
    assert client.get(base).status_code == 404
    login_as(client, stranger)
    assert client.get(base + "/transcript").status_code == 403


def test_the_assessor_sees_the_transcript_with_rubrics_on_the_evidence_page(client, db_session, world):
    from assessor.scenarios.portfolio import add_to_portfolio

    attempt = finished_attempt(db_session, world.a.learner)
    evidence = add_to_portfolio(db_session, world.a.learner, attempt, REFLECTION, "en")
    db_session.commit()
    login_as(client, world.a.assessor)
    page = client.get(f"/learners/{world.a.learner.id}/evidence/{evidence.number}")
    assert page.status_code == 200
    body = text_of(page)
    assert "Scenario transcript" in body and "Rubric for this reply" in body and REFLECTION in body

"""The review and sharing pages through the test client, without JavaScript."""
import re

import pytest

from assessor.organisations.models import Provider
from assessor.scenarios.models import ScenarioVersion

from ..factories import login_as
from .test_authoring_pages import SOURCE, create, post_form, publish, save
from .test_player_pages import text_of

INDEX = "/authoring/scenarios/"
REVIEWS = "/authoring/reviews/"
SHARING = "/scenario-sharing/"


@pytest.fixture
def author(client, world):
    login_as(client, world.a.admin)
    return world.a.admin


def turn_review(client, on: bool):
    page = client.get(INDEX).get_data(as_text=True)
    return post_form(client, "/authoring/reviews/setting", page, **({"required": "y"} if on else {}))


def review_url(db_session, version: int) -> str:
    row = db_session.query(ScenarioVersion).filter_by(scenario_id="acme-new-decision-maker", version=version).one()
    return f"{REVIEWS}{row.id}"


def decide(client, url, action, **data):
    return post_form(client, f"{url}/{action}", client.get(url).get_data(as_text=True), **data)


def review_required(db_session, world) -> bool:
    return db_session.get(Provider, world.a.provider.id).scenario_review_required


def test_an_administrator_turns_review_on_from_the_authoring_index(client, author, world, db_session):
    page = text_of(client.get(INDEX))
    assert "Scenario versions need a review before learners see them" in page
    response = turn_review(client, True)
    assert response.status_code == 302 and response.headers["Location"].endswith(INDEX)
    assert review_required(db_session, world)
    page = text_of(client.get(INDEX))
    assert "now need a review" in page and "checked" in re.search(r'<input[^>]*name="required"[^>]*>', page)[0]
    assert "Scenarios waiting for review (0)" in page
    assert turn_review(client, False).status_code == 302 and not review_required(db_session, world)


def test_a_scenario_author_sees_no_setting(client, world, db_session):
    from assessor.accounts.models import SCENARIO_AUTHOR

    from ..factories import make_user

    writer = make_user(db_session, provider=world.a.provider, roles=(SCENARIO_AUTHOR,))
    db_session.commit()
    login_as(client, writer)
    assert "Save the review setting" not in text_of(client.get(INDEX))


def test_the_waiting_list_has_an_empty_state(client, world):
    login_as(client, world.a.assessor)
    assert "No scenario version is waiting for review." in text_of(client.get(REVIEWS))


def test_a_version_waits_the_publisher_cannot_approve_an_assessor_does(client, author, world, db_session):
    turn_review(client, True)
    url = create(client)
    response = publish(client, url)
    assert "waits for review" in text_of(client.get(response.headers["Location"]))
    assert "Waiting for review" in text_of(client.get(url))
    version = review_url(db_session, 1)
    page = text_of(client.get(version))
    assert "You published this version, so someone else reviews it" in page and "Approve version 1" not in page
    refused = decide(client, version, "approve")
    assert refused.status_code == 422 and "You published this version" in text_of(refused)

    login_as(client, world.a.learner)
    assert "acme-new-decision-maker" not in client.get("/scenarios/").get_data(as_text=True)
    login_as(client, world.a.assessor)
    assert "1 scenario version waits for a review" in text_of(client.get("/"))
    assert "acme-new-decision-maker" in text_of(client.get(REVIEWS))
    page = text_of(client.get(version))
    assert "Approve version 1" in page and "id: acme-new-decision-maker" in page and "The check" in page
    assert client.get(re.search(r'href="([^"]+/versions/1\.yaml)"', page)[1]).status_code == 200
    assert decide(client, version, "approve").status_code == 302
    again = decide(client, version, "approve")
    assert again.status_code == 409
    login_as(client, world.a.learner)
    assert "acme-new-decision-maker" in client.get("/scenarios/").get_data(as_text=True)


def test_sending_back_needs_a_note_that_the_author_reads(client, author, world, db_session):
    turn_review(client, True)
    url = create(client)
    publish(client, url)
    save(client, url, SOURCE.replace('en: "The same show, for less"', 'en: "A new boss"'))
    publish(client, url)
    login_as(client, world.a.assessor)
    version = review_url(db_session, 2)
    page = text_of(client.get(version))
    assert "What changed in version 2" in page
    assert client.get(re.search(r'href="([^"]+/versions/2/changes)"', page)[1]).status_code == 200
    empty = decide(client, version, "send-back", note="  ")
    assert empty.status_code == 422 and "Say what the authors should change" in text_of(empty)
    assert decide(client, version, "send-back", note="The new title needs Welsh.").status_code == 302
    login_as(client, world.a.admin)
    page = text_of(client.get(url))
    assert "Sent back" in page and "The new title needs Welsh." in page


def test_a_provider_offers_a_scenario_and_a_site_administrator_declines_then_accepts(client, author, world):
    url = create(client)
    publish(client, url)
    page = client.get(url).get_data(as_text=True)
    draft_id = url.rstrip("/").rsplit("/", 1)[1]
    assert "Offer to the site" in text_of(client.get(url))
    assert post_form(client, f"{SHARING}{draft_id}/offer", page).status_code == 302
    assert "Offered to the site" in text_of(client.get(url))

    login_as(client, world.site_admin)
    assert "1 scenario waits for your decision" in text_of(client.get("/"))
    assert "acme-new-decision-maker" in text_of(client.get(SHARING))
    offer = f"{SHARING}{draft_id}"
    page = text_of(client.get(offer))
    assert "id: acme-new-decision-maker" in page and "The check" in page
    assert decide(client, offer, "decline").status_code == 422
    assert decide(client, offer, "decline", note="It names a real agency.").status_code == 302

    login_as(client, world.a.admin)
    assert "It names a real agency." in text_of(client.get(url))
    post_form(client, f"{SHARING}{draft_id}/offer", client.get(url).get_data(as_text=True))
    login_as(client, world.site_admin)
    assert decide(client, offer, "accept").status_code == 302
    assert decide(client, offer, "accept").status_code == 409

    login_as(client, world.b.learner)
    assert "acme-new-decision-maker" in client.get("/scenarios/").get_data(as_text=True)
    login_as(client, world.a.admin)
    assert "Shared with the site" in text_of(client.get(url))
    assert post_form(client, f"{SHARING}{draft_id}/withdraw", client.get(url).get_data(as_text=True)).status_code == 302
    login_as(client, world.b.learner)
    assert "acme-new-decision-maker" not in client.get("/scenarios/").get_data(as_text=True)


def test_offering_an_unpublished_scenario_says_why_not(client, author):
    url = create(client)
    draft_id = url.rstrip("/").rsplit("/", 1)[1]
    response = post_form(client, f"{SHARING}{draft_id}/offer", client.get(url).get_data(as_text=True))
    assert response.status_code == 302
    assert "Publish a version learners can start" in text_of(client.get(url))


def state_of(page: str) -> str:
    """The draft's state tag and the notes after it, as text."""
    cell = re.search(r'<strong class="govuk-tag[^>]*>(?:Version \d+ live|No version live yet).*?(?=Last saved|</td>)',
                     page, re.S)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", cell).split())


def test_the_state_names_the_live_version_and_what_waits_or_was_sent_back(client, author, world, db_session):
    turn_review(client, True)
    url = create(client)
    publish(client, url)
    assert state_of(text_of(client.get(url))) == "No version live yet version 1 waits for review"
    login_as(client, world.a.assessor)
    decide(client, review_url(db_session, 1), "approve")
    login_as(client, world.a.admin)
    save(client, url, SOURCE.replace('en: "The same show, for less"', 'en: "A new boss"'))
    publish(client, url)
    assert state_of(text_of(client.get(url))) == "Version 1 live version 2 waits for review"
    assert state_of(text_of(client.get(INDEX))) == "Version 1 live version 2 waits for review"
    login_as(client, world.a.assessor)
    decide(client, review_url(db_session, 2), "send-back", note="The new title needs Welsh.")
    login_as(client, world.a.admin)
    assert state_of(text_of(client.get(INDEX))) == "Version 1 live version 2 was sent back"


def crumbs(page: str) -> list[str]:
    nav = re.search(r'<nav class="govuk-breadcrumbs".*?</nav>', page, re.S)[0]
    return re.findall(r'class="govuk-breadcrumbs__link" href="([^"]+)"', nav)


def test_the_changes_page_leads_a_reviewer_back_to_the_review_and_an_author_to_the_draft(client, author, world,
                                                                                          db_session):
    url = create(client)
    publish(client, url)
    save(client, url, SOURCE.replace('en: "The same show, for less"', 'en: "A new boss"'))
    publish(client, url)
    changes = f"{url}/versions/2/changes"
    assert crumbs(client.get(changes).get_data(as_text=True)) == [INDEX, url]
    login_as(client, world.a.assessor)
    links = crumbs(client.get(changes).get_data(as_text=True))
    assert links == [REVIEWS, review_url(db_session, 2)]
    assert all(client.get(link).status_code == 200 for link in links)


def test_turning_review_off_says_how_many_versions_still_wait_for_a_decision(client, author, world, db_session):
    turn_review(client, True)
    publish(client, create(client))
    response = turn_review(client, False)
    page = text_of(client.get(response.headers["Location"]))
    assert "The version already waiting still needs a decision: approve it or send it back." in page
    setting = re.search(r'<div class="govuk-inset-text" id="review-still-waiting">.*?</div>', page, re.S)[0]
    assert "1 version waits for review. Turning review off does not put it live" in setting
    assert f'href="{REVIEWS}"' in setting
    assert db_session.get(ScenarioVersion, int(review_url(db_session, 1).rsplit("/", 1)[1])).review_state == "awaiting_review"

"""Submitting several items through the pages: ticked on the portfolio, checked on one page, one declaration."""
import pytest
from sqlalchemy import select

from assessor.evidence.models import DRAFT, SUBMITTED, Submission

from ..factories import login_as
from .support import account, claim

PAGE = "/portfolio/submit"


@pytest.fixture
def learner(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.learner)
    return client


@pytest.fixture
def drafts(db_session, world):
    second = account(db_session, world.a.learner, title="Second account")
    claim(db_session, second, world.a.enrolment, "P5")
    bare = account(db_session, world.a.learner, title="Nothing claimed")
    db_session.commit()
    return world.a.portfolio.draft, second, bare


def posted(items, declaration=True) -> dict:
    data = {"item": [f"{evidence.number}:{evidence.version}" for evidence in items]}
    return data | ({"declaration": "y"} if declaration else {})


def test_the_portfolio_offers_a_tick_for_each_item_the_learner_may_submit(learner, world, drafts):
    page = learner.get("/portfolio").get_data(as_text=True)
    assert f'action="{PAGE}"' in page and "Submit the ticked items" in page
    for evidence in drafts:
        assert f'id="select-{evidence.number}" name="item" type="checkbox" value="{evidence.number}"' in page
    assert f'id="select-{world.a.portfolio.submitted.number}"' not in page


def test_staff_see_no_ticks_on_a_learners_portfolio(client, world, drafts):
    login_as(client, world.a.assessor)
    page = client.get(f"/learners/{world.a.learner.id}/portfolio").get_data(as_text=True)
    assert "Submit the ticked items" not in page and 'name="item"' not in page


def test_the_page_lists_the_ready_items_and_says_why_the_others_cannot_go(learner, world, drafts):
    draft, second, bare = drafts
    submitted = world.a.portfolio.submitted
    query = "&".join(f"item={e.number}" for e in (draft, second, bare, submitted))
    page = learner.get(f"{PAGE}?{query}").get_data(as_text=True)
    assert "Ready to submit: 2 items" in page and "Submit 2 items for assessment" in page
    assert f'value="{draft.number}:{draft.version}"' in page and f'value="{second.number}:{second.version}"' in page
    assert f'value="{bare.number}:' not in page and f'value="{submitted.number}:' not in page
    assert "Not ready to submit: 2 items" in page and "Choose the criteria this evidence shows" in page
    assert "already been submitted" in page


def test_when_none_can_go_there_is_no_button(learner, drafts):
    page = learner.get(f"{PAGE}?item={drafts[2].number}").get_data(as_text=True)
    assert "None of the items you chose can be submitted yet." in page and "for assessment</button>" not in page


def test_submitting_sends_them_all_and_goes_back_to_the_portfolio(learner, db_session, drafts):
    draft, second, _bare = drafts
    response = learner.post(PAGE, data=posted([draft, second]))
    assert response.status_code == 302 and response.headers["Location"].endswith("/portfolio")
    db_session.expire_all()
    assert (draft.status, second.status) == (SUBMITTED, SUBMITTED)
    page = learner.get("/portfolio").get_data(as_text=True)
    assert f"2 items submitted for assessment: {draft.reference}, {second.reference}." in page


def test_without_the_declaration_nothing_is_sent_and_the_page_says_why(learner, db_session, drafts):
    draft, second, _bare = drafts
    response = learner.post(PAGE, data=posted([draft, second], declaration=False))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Confirm that this evidence is your own work." in page
    assert "Submit 2 items for assessment" in page
    db_session.expire_all()
    assert (draft.status, second.status) == (DRAFT, DRAFT)


def test_a_stale_page_is_a_conflict_shown_with_the_items_as_they_are_now(learner, db_session, drafts):
    draft, second, _bare = drafts
    data = posted([draft, second])
    second.title = "Renamed in another tab"
    db_session.commit()
    response = learner.post(PAGE, data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "changed by someone else" in page and "Renamed in another tab" in page
    assert f'value="{second.number}:{second.version}"' in page
    db_session.expire_all()
    assert draft.status == DRAFT and db_session.scalars(select(Submission).where(Submission.evidence_id == draft.id)).all() == []


def test_a_second_press_sends_nothing_more(learner, db_session, drafts):
    data = posted(drafts[:2])
    assert learner.post(PAGE, data=data).status_code == 302
    again = learner.post(PAGE, data=data)
    assert again.status_code == 302
    assert "already been submitted; nothing more was sent" in learner.get("/portfolio").get_data(as_text=True)
    db_session.expire_all()
    assert [len(evidence.submissions) for evidence in drafts[:2]] == [1, 1]


def test_choosing_nothing_asks_again(learner, drafts):
    response = learner.get(f"{PAGE}?chosen=1")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Choose at least one item to submit." in page
    assert f'value="{drafts[0].number}"' in page and f'value="{drafts[2].number}"' in page


def test_numbers_of_no_item_of_the_learner_are_left_out(learner, world, drafts):
    """Numbers count only in the signed-in learner's own portfolio, so nobody else's item can be reached."""
    page = learner.get(f"{PAGE}?item=999").get_data(as_text=True)
    assert "None of the items you chose can be submitted yet." in page and "Ready to submit" not in page
    response = learner.post(PAGE, data={"item": ["999:1"], "declaration": "y"})
    assert response.status_code == 422 and "Choose at least one item to submit." in response.get_data(as_text=True)


def test_the_page_in_welsh(learner, db_session, world, drafts):
    world.a.learner.language = "cy"
    db_session.commit()
    page = learner.get(f"{PAGE}?item={drafts[0].number}").get_data(as_text=True)
    assert 'lang="cy"' in page and "Submit 1 item for assessment" not in page


def test_a_portfolio_of_several_pages_links_to_every_draft(learner, db_session, world, drafts, monkeypatch):
    from assessor.dashboards import portfolio_views

    monkeypatch.setattr(portfolio_views, "PER_PAGE", 2)
    page = learner.get("/portfolio").get_data(as_text=True)
    assert f'href="{PAGE}">Choose from all your drafts and referred items' in page

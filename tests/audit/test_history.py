"""A learner's history page: who may see it, what it shows, and paging back through it."""
import re

import pytest

from assessor.accounts.models import LEARNER
from assessor.audit.services import record

from ..factories import login_as, make_user
from .tampering import append, change_after


def page(client, learner, **query):
    return client.get(f"/learners/{learner.id}/history", query_string=query)


def rows(response) -> list[int]:
    return [int(seq) for seq in re.findall(r'id="entry-(\d+)"', response.get_data(as_text=True))]


@pytest.fixture
def trail(db_session, world):
    """Three entries on provider A's learner: a system one, an assessor's, and one with markup in it."""
    learner = world.a.learner
    record(db_session, None, "sampled", "sample", world.a.portfolio.sample.id, learner_id=learner.id, after={"reason": "share"})
    record(db_session, world.a.assessor, "decided", "decision", None, learner_id=learner.id, after={"criterion": "P4", "outcome": "met"})
    record(db_session, learner, "updated", "evidence", world.a.portfolio.draft.id, learner_id=learner.id,
           before={"title": "Draft account"}, after={"title": "<b>Bold</b> claim"})
    db_session.commit()
    return learner


@pytest.mark.parametrize("who", ["learner", "assessor", "iqa", "admin"])
def test_the_learner_and_their_staff_see_the_trail_newest_first(client, world, trail, who):
    login_as(client, getattr(world.a, who))
    response = page(client, trail)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert rows(response) == sorted(rows(response), reverse=True) and len(rows(response)) >= 3
    assert html.index("Evidence E-001 changed") < html.index("Decision on P4: met") < html.index("Sampled for IQA")
    assert "System" in html and world.a.assessor.name in html


def test_details_show_each_change_escaped(client, world, trail):
    login_as(client, world.a.learner)
    html = page(client, trail).get_data(as_text=True)
    assert "govuk-details" in html
    assert "Draft account" in html and "&lt;b&gt;Bold&lt;/b&gt; claim" in html
    assert "<b>Bold</b>" not in html


def test_staff_see_the_chain_status_and_learners_do_not(client, world, trail):
    login_as(client, world.a.assessor)
    assert "Chain intact" in page(client, trail).get_data(as_text=True)
    login_as(client, world.a.learner)
    html = page(client, trail).get_data(as_text=True)
    assert "Chain intact" not in html and "hash" not in html


def test_staff_are_warned_of_an_altered_entry(client, db_session, world, trail):
    (entry,) = append(db_session, 1, learner_id=trail.id)
    change_after(db_session, entry.seq)
    db_session.commit()
    db_session.expire_all()
    login_as(client, world.a.iqa)
    html = page(client, trail).get_data(as_text=True)
    assert "may have been altered" in html and "Does not match its hash" in html and "Chain intact" not in html
    login_as(client, world.a.learner)
    assert "Does not match its hash" not in page(client, trail).get_data(as_text=True)


def test_an_empty_trail_says_so(client, world):
    login_as(client, world.a.other_learner)
    html = page(client, world.a.other_learner).get_data(as_text=True)
    assert "Nothing has been recorded yet." in html and 'id="entry-' not in html


def test_the_trail_pages_back_fifty_at_a_time(client, db_session, world):
    learner = make_user(db_session, provider=world.a.provider, roles=[LEARNER])
    append(db_session, 120, learner_id=learner.id)
    db_session.commit()
    login_as(client, world.a.admin)
    first = page(client, learner)
    assert len(rows(first)) == 50 and "Older entries" in first.get_data(as_text=True)
    assert "Newest entries" not in first.get_data(as_text=True)
    second = page(client, learner, before=rows(first)[-1])
    assert len(rows(second)) == 50 and rows(second)[0] == rows(first)[-1] - 1
    assert f"before={rows(second)[-1]}" in second.get_data(as_text=True)
    third = page(client, learner, before=rows(second)[-1])
    assert len(rows(third)) == 20 and "Older entries" not in third.get_data(as_text=True)
    assert "Newest entries" in third.get_data(as_text=True)
    beyond = page(client, learner, before=rows(third)[-1])
    assert "There are no older entries." in beyond.get_data(as_text=True)


def test_only_the_learners_own_entries_are_shown(client, db_session, world, trail):
    (elsewhere,) = append(db_session, 1, learner_id=world.a.other_learner.id)
    db_session.commit()
    login_as(client, world.a.admin)
    assert elsewhere.seq not in rows(page(client, trail))


@pytest.mark.parametrize("who, status", [("assessor", 403), ("iqa", 403), ("learner", 403), ("admin", 200)])
def test_unassigned_staff_and_other_learners_are_refused(client, world, who, status):
    login_as(client, getattr(world.a, who))
    assert page(client, world.a.other_learner).status_code == status


def test_other_providers_site_admins_and_non_learners_find_nothing(client, world, trail):
    for user, learner in ((world.b.admin, trail), (world.site_admin, trail), (world.a.admin, world.a.assessor)):
        login_as(client, user)
        assert page(client, learner).status_code == 404
    assert client.get("/learners/999999/history").status_code == 404


def test_the_page_is_in_welsh_for_welsh_readers(client, db_session, world, trail):
    world.a.learner.language = "cy"
    db_session.commit()
    login_as(client, world.a.learner)
    html = page(client, trail).get_data(as_text=True)
    assert "Hanes" in html and "Penderfyniad ar P4: wedi&#39;i fodloni" in html and "Y system" in html

"""The queue page's filters as an assessor uses them: a GET form that keeps its values, pages with them, and says when nothing matches."""
import pytest

from assessor.accounts.models import LEARNER

from ..factories import login_as, make_evidence, make_user


@pytest.fixture
def as_assessor(client, world):
    login_as(client, world.a.assessor)
    return client


def page_of(client, query: str = "") -> tuple[int, str]:
    response = client.get(f"/assessment/queue{query}")
    return response.status_code, response.get_data(as_text=True)


def test_the_filters_keep_their_values_and_narrow_the_list(as_assessor, world):
    status, page = page_of(as_assessor, f"?learner={world.a.learner.id}&q=meeting&waiting=")
    assert status == 200 and "Meeting notes" in page
    assert f'<option value="{world.a.learner.id}" selected>' in page
    assert 'name="q" type="search" value="meeting"' in page
    assert "Matching the filters: 1 of 1 waiting" in page and "Clear the filters" in page


def test_nothing_matching_says_so_with_a_way_back(as_assessor, world):
    status, page = page_of(as_assessor, "?q=nothing+like+this")
    assert status == 200 and "No evidence matches these filters." in page
    assert 'href="/assessment/queue">Clear the filters' in page and "Meeting notes" not in page
    assert "Nothing is waiting for you" not in page


def test_a_bad_number_of_days_is_shown_beside_the_field_and_kept(as_assessor, world):
    status, page = page_of(as_assessor, "?waiting=a+week")
    assert status == 422 and "There is a problem" in page and 'href="#filter-waiting"' in page
    assert 'value="a week"' in page and "govuk-input--error" in page


def test_the_pages_keep_the_filters(app, as_assessor, db_session, world):
    app.config["ASSESSMENT_QUEUE_PER_PAGE"] = 1
    make_evidence(db_session, world.a.learner, world.a.enrolment, ("P6",), title="Meeting follow-up")
    db_session.commit()
    status, page = page_of(as_assessor, "?q=meeting")
    assert status == 200 and "Matching the filters: 2 of 2 waiting" in page and "Meeting notes" in page
    assert "/assessment/queue?page=2&amp;q=meeting" in page
    second = page_of(as_assessor, "?q=meeting&page=2")[1]
    assert "Meeting follow-up" in second and "Meeting notes" not in second


def test_another_assessors_learner_cannot_be_asked_for(as_assessor, world):
    status, page = page_of(as_assessor, f"?learner={world.b.learner.id}")
    assert status == 200 and world.b.learner.name not in page and "No evidence matches these filters." in page


def test_standards_are_shown_code_first_with_the_title_beneath(as_assessor, world):
    page = page_of(as_assessor)[1]
    assert f'<span class="app-standard__code">{world.standard.urn}</span>' in page
    assert 'class="app-standard__title govuk-body-s"' in page


def test_the_learner_choice_lists_only_my_learners(as_assessor, db_session, world):
    stranger = make_user(db_session, provider=world.a.provider, roles=[LEARNER], name="Not Mine")
    db_session.commit()
    page = page_of(as_assessor)[1]
    assert world.a.learner.name in page and stranger.name not in page and world.b.learner.name not in page

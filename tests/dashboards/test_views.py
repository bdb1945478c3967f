"""The landing page as each person sees it, and its cost in queries."""
import pytest

from assessor.accounts.models import LEARNER, User

from ..factories import enrol, login_as, make_cohort, make_user
from ..queries import queries_for


def test_signed_out_people_see_the_public_landing(client, world):
    page = client.get("/").get_data(as_text=True)
    assert "Browse the standards" in page and "Hello," not in page


def test_a_learner_sees_their_standard_in_english_with_the_welsh_marked(client, db_session, world):
    login_as(client, world.a.learner)
    page = client.get("/").get_data(as_text=True)
    assert world.standard.title_en in page and "Cohort a" in page and world.a.assessor.name in page
    db_session.get(User, world.a.learner.id).language = "cy"
    db_session.commit()
    page = client.get("/").get_data(as_text=True)
    assert f'<span>{world.standard.title}</span>' in page


def test_the_welsh_title_is_marked_welsh_for_an_english_reader_when_there_is_no_rendering(client, db_session, world):
    world.standard.title_en = None
    db_session.commit()
    login_as(client, world.a.learner)
    assert f'<span lang="cy">{world.standard.title}</span>' in client.get("/").get_data(as_text=True)


def test_a_learner_with_no_enrolment_sees_the_empty_state(client, db_session, world):
    login_as(client, make_user(db_session, provider=world.a.provider, roles=[LEARNER]))
    db_session.commit()
    assert "You are not enrolled on any standard yet" in client.get("/").get_data(as_text=True)


def test_an_assessor_sees_their_learners_and_not_others(client, world):
    login_as(client, world.a.assessor)
    page = client.get("/").get_data(as_text=True)
    assert world.a.learner.name in page and world.a.other_learner.name not in page and world.b.learner.name not in page


def test_an_iqa_sees_the_assessor_they_cover(client, world):
    login_as(client, world.a.iqa)
    page = client.get("/").get_data(as_text=True)
    assert "Assessors and learners you quality-assure" in page and world.a.assessor.name in page


def test_a_provider_administrator_sees_cohorts_and_only_links_that_exist(client, app, world):
    login_as(client, world.a.admin)
    page = client.get("/").get_data(as_text=True)
    assert "Cohort a" in page and "Cohort b" not in page
    assert ("/cohorts/" in page) == ("cohorts.index" in app.view_functions)


def test_a_site_administrator_sees_the_providers(client, world):
    login_as(client, world.site_admin)
    page = client.get("/").get_data(as_text=True)
    assert "Provider a" in page and "Provider b" in page


def _add_learners(db_session, world, how_many: int) -> None:
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard])
    for _ in range(how_many):
        learner = make_user(db_session, provider=world.a.provider, roles=[LEARNER])
        enrol(db_session, cohort, learner, world.standard, assessor=world.a.assessor, iqa=world.a.iqa)
    db_session.commit()


@pytest.mark.parametrize("role", ["assessor", "iqa", "admin"])
def test_the_number_of_queries_does_not_grow_with_the_learners(client, db_session, engine, world, role):
    person = getattr(world.a, role)
    login_as(client, person)
    few = queries_for(client, engine, "/")
    _add_learners(db_session, world, 12)
    many = queries_for(client, engine, "/")
    assert many == few


def test_a_site_administrator_landing_costs_the_same_with_more_providers(client, db_session, engine, world):
    from ..factories import make_provider

    login_as(client, world.site_admin)
    few = queries_for(client, engine, "/")
    for _ in range(5):
        provider = make_provider(db_session)
        make_user(db_session, provider=provider, roles=[LEARNER])
        make_cohort(db_session, provider)
    db_session.commit()
    assert queries_for(client, engine, "/") == few

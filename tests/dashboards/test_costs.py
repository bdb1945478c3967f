"""The pages cost the same number of queries however many learners or decisions there are."""
import pytest

from assessor.assessment.progress import refresh_progress

from ..factories import login_as, make_cohort, make_evidence, make_review
from ..queries import queries_for
from .support import add_learners

REFS = [f"P{number}" for number in range(1, 11)]


def add_decisions(db_session, world, how_many: int) -> None:
    """`how_many` decisions on world A's learner, ten to a review, then their counts refreshed."""
    for _ in range(how_many // len(REFS)):
        evidence = make_evidence(db_session, world.a.learner, world.a.enrolment, REFS)
        make_review(db_session, evidence, world.a.enrolment, dict.fromkeys(REFS, "met"))
    refresh_progress(db_session, {world.a.enrolment.id})
    db_session.commit()


@pytest.mark.parametrize("path", ["/cohorts/{id}/dashboard?sort=status", "/cohorts/{id}/dashboard.csv?status=behind"])
def test_the_cohort_dashboard_costs_the_same_at_5_and_50_learners(client, db_session, engine, world, path):
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard])
    add_learners(db_session, world.a.provider, cohort, world.standard, 5, assessor=world.a.assessor, pc_met=2)
    db_session.commit()
    login_as(client, world.a.admin)
    url = path.format(id=cohort.id)
    few = queries_for(client, engine, url)
    add_learners(db_session, world.a.provider, cohort, world.standard, 45, assessor=world.a.assessor, names="More", pc_met=5)
    db_session.commit()
    assert queries_for(client, engine, url) == few


@pytest.mark.parametrize(("role", "path"), [("admin", "/cohorts/{id}/dashboard"), ("assessor", "/caseload"), ("assessor", "/"), ("learner", "/")])
def test_the_pages_cost_the_same_at_10_and_200_decisions(client, db_session, engine, world, role, path):
    add_decisions(db_session, world, 10)
    login_as(client, getattr(world.a, role))
    url = path.format(id=world.a.cohort.id)
    few = queries_for(client, engine, url)
    add_decisions(db_session, world, 190)
    assert queries_for(client, engine, url) == few

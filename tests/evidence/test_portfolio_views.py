"""The portfolio pages: the learner's own, staff looking at a learner's, filtering and pages."""

from assessor.evidence.models import DRAFT

from ..factories import login_as, make_evidence


def test_the_learner_sees_their_evidence_newest_first(learner, world):
    page = learner.get("/portfolio").get_data(as_text=True)
    assert "Your portfolio" in page and "Add evidence" in page
    assert page.index("E-003") < page.index("E-002") < page.index("E-001")
    assert "Client call" in page and "Draft account" in page and "govuk-tag--grey" in page
    assert "Meeting notes" not in learner.get("/portfolio?status=draft").get_data(as_text=True)
    assert world.a.enrolment.standard.urn in page and "View the matrix" in page


def test_the_portfolio_is_paged(learner, db_session, world):
    for number in range(20):
        make_evidence(db_session, world.a.learner, world.a.enrolment, (), status=DRAFT, title=f"Item {number}")
    db_session.commit()
    first = learner.get("/portfolio").get_data(as_text=True)
    second = learner.get("/portfolio?page=2").get_data(as_text=True)
    assert "E-023" in first and "E-004" in first and "E-003" not in first
    assert "E-003" in second and "E-001" in second and "Item 19" not in second


def test_an_empty_portfolio_says_what_to_do(app, client, world):
    login_as(client, world.a.other_learner)
    page = client.get("/portfolio").get_data(as_text=True)
    assert "You have no evidence yet." in page and "/portfolio/evidence/new" in page


def test_a_filter_with_nothing_in_it_offers_everything(learner):
    page = learner.get("/portfolio?status=referred").get_data(as_text=True)
    assert "No evidence has that status." in page and "Show all evidence" in page


def test_the_assessor_sees_the_learners_portfolio_and_can_observe(client, world):
    login_as(client, world.a.assessor)
    page = client.get(f"/learners/{world.a.learner.id}/portfolio").get_data(as_text=True)
    assert world.a.learner.name in page and "Meeting notes" in page and "Add evidence" not in page
    assert f"/learners/{world.a.learner.id}/observations/new" in page


def test_the_iqa_sees_the_portfolio_without_observing(client, world):
    login_as(client, world.a.iqa)
    page = client.get(f"/learners/{world.a.learner.id}/portfolio").get_data(as_text=True)
    assert "Meeting notes" in page and "observations/new" not in page


def test_a_learner_asking_for_their_own_portfolio_by_id_goes_to_it(learner, world):
    response = learner.get(f"/learners/{world.a.learner.id}/portfolio")
    assert response.status_code == 302 and response.headers["Location"].endswith("/portfolio")


def test_staff_not_assigned_to_the_learner_are_refused(client, world):
    login_as(client, world.a.assessor)
    assert client.get(f"/learners/{world.a.other_learner.id}/portfolio").status_code == 403
    assert client.get(f"/learners/{world.b.learner.id}/portfolio").status_code == 404
    assert client.get(f"/learners/{world.a.admin.id}/portfolio").status_code == 404


def test_the_portfolio_reads_in_welsh(learner, db_session, world):
    world.a.learner.language = "cy"
    db_session.commit()
    page = learner.get("/portfolio").get_data(as_text=True)
    assert "Eich portffolio" in page and "Ychwanegu tystiolaeth" in page and "Drafft" in page

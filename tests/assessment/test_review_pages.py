"""The queue, review and decision-history pages as an assessor, a learner and a colleague use them."""
from datetime import timedelta

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from assessor.accounts.models import ASSESSOR
from assessor.assessment.models import Review
from assessor.evidence.models import Mapping
from assessor.timeutil import utcnow

from ..factories import login_as, make_review, make_user, refreeze
from .test_correct import correct
from .test_review import criterion, review


@pytest.fixture
def as_assessor(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.assessor)
    return client


def url(world, submission=None) -> str:
    submission = submission or world.a.portfolio.submitted.submissions[-1]
    return f"/assessment/submissions/{submission.id}/enrolments/{world.a.enrolment.id}"


def form_data(db_session, world, version=None, **fields) -> dict:
    p1, p2 = (criterion(db_session, world.standard, ref).id for ref in ("P1", "P2"))
    data = {f"outcome_{p1}": "met", f"outcome_{p2}": "not_yet", f"feedback_{p2}": "Show the signed agreement.",
            "feedback": "A good start.", "evidence_version": str(world.a.portfolio.submitted.version if version is None else version)}
    return data | fields


def test_the_queue_shows_waiting_items_oldest_first_with_their_age(as_assessor, db_session, world):
    world.a.portfolio.submitted.submissions[-1].submitted_at = utcnow() - timedelta(days=3, hours=2)
    db_session.commit()
    page = as_assessor.get("/assessment/queue").get_data(as_text=True)
    assert world.a.learner.name in page and "Meeting notes" in page and "3 days" in page
    assert url(world) in page and world.b.learner.name not in page


def test_an_empty_queue_says_so(app, client, db_session, world):
    newcomer = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    db_session.commit()
    login_as(client, newcomer)
    assert "Nothing is waiting for you" in client.get("/assessment/queue").get_data(as_text=True)


def test_the_queue_in_welsh(app, client, db_session, world):
    world.a.assessor.language = "cy"
    db_session.commit()
    login_as(client, world.a.assessor)
    page = client.get("/assessment/queue").get_data(as_text=True)
    assert "Ciw asesu" in page and "Meeting notes" in page


def test_the_review_page_shows_the_evidence_its_claims_and_the_learners_notes(as_assessor, db_session, world):
    mapping = db_session.scalar(select(Mapping).where(Mapping.evidence_id == world.a.portfolio.submitted.id))
    mapping.note = "See the second paragraph."
    refreeze(db_session, world.a.portfolio.submitted)
    db_session.commit()
    page = as_assessor.get(url(world)).get_data(as_text=True)
    assert "Meeting notes" in page and "See the second paragraph." in page
    assert 'name="evidence_version"' in page and f'value="{world.a.portfolio.submitted.version}"' in page
    assert page.count('class="govuk-radios__input"') == 4 and 'manage client or customer expectations' in page


def test_the_review_page_in_welsh_shows_the_welsh_criterion_text(app, client, db_session, world):
    world.a.assessor.language = "cy"
    db_session.commit()
    login_as(client, world.a.assessor)
    page = client.get(url(world)).get_data(as_text=True)
    welsh = criterion(db_session, world.standard, "P1").text
    assert "Eich penderfyniadau" in page and f'<span lang="cy">{escape(welsh)}</span>' in page


def test_recording_decisions_goes_back_to_the_queue(as_assessor, db_session, world):
    db_session.commit()
    response = as_assessor.post(url(world), data=form_data(db_session, world))
    assert response.status_code == 302 and response.location.endswith("/assessment/queue")
    page = as_assessor.get(response.location).get_data(as_text=True)
    assert "gone back to the learner with your feedback" in page and "Nothing is waiting for you" in page
    made = db_session.scalar(select(Review).where(Review.enrolment_id == world.a.enrolment.id, Review.feedback == "A good start."))
    assert [d.outcome for d in made.decisions] == ["met", "not_yet"]


def test_missing_decisions_are_shown_beside_each_criterion_and_what_was_typed_is_kept(as_assessor, db_session, world):
    db_session.commit()
    p1 = criterion(db_session, world.standard, "P1").id
    response = as_assessor.post(url(world), data=form_data(db_session, world, **{f"outcome_{p1}": ""}))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Choose met or not yet met for" in page
    assert "Show the signed agreement." in page and "A good start." in page


def test_evidence_changed_meanwhile_answers_409_keeping_the_decisions(as_assessor, db_session, world):
    db_session.commit()
    stale = world.a.portfolio.submitted.version - 1
    response = as_assessor.post(url(world), data=form_data(db_session, world, version=stale))
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "The learner changed this evidence" in page
    assert "Show the signed agreement." in page and f'value="{world.a.portfolio.submitted.version}"' in page


def test_another_assessor_first_answers_409_showing_their_decisions(as_assessor, db_session, world):
    colleague = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR], name="Gwen Colleague")
    make_review(db_session, world.a.portfolio.submitted, world.a.enrolment, {"P1": "met", "P2": "met"}, assessor=colleague)
    db_session.commit()
    response = as_assessor.post(url(world), data=form_data(db_session, world))
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "Gwen Colleague has already reviewed" in page
    assert "Gwen Colleague reviewed this evidence first" in page and "Show the signed agreement." in page


def test_posting_twice_records_one_review_and_shows_it(as_assessor, db_session, world):
    db_session.commit()
    as_assessor.post(url(world), data=form_data(db_session, world))
    again = as_assessor.post(url(world), data=form_data(db_session, world))
    assert again.status_code == 302 and again.location.endswith(url(world))
    assert db_session.scalar(select(func.count()).select_from(Review).where(Review.enrolment_id == world.a.enrolment.id)) == 2
    page = as_assessor.get(url(world)).get_data(as_text=True)
    assert "You already recorded your review" in page and "Review of" in page


def test_a_reviewed_submission_reads_back_with_links_to_correct_for_its_assessor_only(app, client, db_session, world):
    made = review(db_session, world, P1="met", P2=("not_yet", "Show the signed agreement."))
    db_session.commit()
    correct_link = f"/assessment/decisions/{made.decisions[1].id}/correct"
    login_as(client, world.a.assessor)
    page = client.get(url(world)).get_data(as_text=True)
    assert "Show the signed agreement." in page and correct_link in page
    login_as(client, world.a.learner)
    page = client.get(url(world)).get_data(as_text=True)
    assert "Show the signed agreement." in page and "/correct" not in page


def test_the_decision_history_shows_corrections_with_who_when_and_why(app, client, db_session, world):
    made = review(db_session, world, P1="met", P2=("not_yet", "Show the signed agreement."))
    correct(db_session, world, made.decisions[1], reason="I missed page 2.")
    db_session.commit()
    for reader in (world.a.learner, world.a.iqa, world.a.admin, world.a.assessor):
        login_as(client, reader)
        page = client.get(f"/assessment/learners/{world.a.learner.id}/enrolments/{world.a.enrolment.id}/decisions").get_data(as_text=True)
        assert "Show the signed agreement." in page and "I missed page 2." in page and "Corrected" in page
        assert world.a.assessor.name in page


def test_the_decision_history_of_someone_elses_enrolment_is_not_found(as_assessor, world):
    response = as_assessor.get(f"/assessment/learners/{world.a.other_learner.id}/enrolments/{world.a.enrolment.id}/decisions")
    assert response.status_code == 404

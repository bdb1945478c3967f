"""Correcting a decision: a new row with a reason, the history keeps both, conflicts and the sign-off guard; the page."""
import pytest
from sqlalchemy import select

from assessor.accounts.models import ASSESSOR
from assessor.assessment import corrections, services
from assessor.assessment.corrections import correct_decision
from assessor.assessment.models import Decision, EnrolmentProgress
from assessor.assessment.services import decision_history
from assessor.audit.models import AuditEntry
from assessor.evidence.models import ASSESSED, REFERRED
from assessor.timeutil import utcnow

from ..factories import login_as, make_user
from .test_review import review
from assessor.core.acts import Conflict, Refused


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def decided(db_session, world):
    """The side-A assessor's review of the submitted item: P1 met, P2 not yet met (so the evidence is referred)."""
    return review(db_session, world, P1="met", P2=("not_yet", "Show the agreement."))


def correct(session, world, decision, outcome="met", feedback="Now clear.", reason="I missed page 2.", assessor=None):
    return correct_decision(session, assessor or world.a.assessor, decision, outcome, feedback, reason)


def test_a_correction_is_a_new_decision_and_the_history_keeps_both(db_session, world, decided):
    first = decided.decisions[1]
    corrected = correct(db_session, world, first)
    assert (corrected.sequence, corrected.outcome, corrected.correction_reason) == (2, "met", "I missed page 2.")
    assert (first.sequence, first.outcome, first.feedback) == (1, "not_yet", "Show the agreement.")
    assert decision_history(db_session, first) == [first, corrected] == decision_history(db_session, corrected)


def test_the_correction_is_audited_with_before_and_after(db_session, world, decided):
    corrected = correct(db_session, world, decided.decisions[1])
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "decision", AuditEntry.entity_id == corrected.id))
    assert entry.action == "corrected" and entry.actor_id == world.a.assessor.id
    assert (entry.before["outcome"], entry.after["outcome"], entry.after["reason"]) == ("not_yet", "met", "I missed page 2.")


def test_a_correction_that_meets_every_criterion_makes_the_referred_evidence_assessed(db_session, world, decided):
    evidence = world.a.portfolio.submitted
    assert evidence.status == REFERRED
    correct(db_session, world, decided.decisions[1])
    assert evidence.status == ASSESSED and evidence.submissions[-1].outcome == ASSESSED
    progress = db_session.get(EnrolmentProgress, world.a.enrolment.id)
    assert progress.statuses[str(decided.decisions[1].criterion_id)] == "met"


def test_a_reason_is_required_and_not_yet_met_needs_feedback(db_session, world, decided):
    with pytest.raises(Refused) as refused:
        correct(db_session, world, decided.decisions[0], outcome="not_yet", feedback="", reason=" ")
    assert [field for field, _message in refused.value.problems] == ["feedback", "reason"]
    with pytest.raises(Refused, match="changes nothing"):
        correct(db_session, world, decided.decisions[0], feedback="", reason="Typo.")


def test_correcting_an_older_decision_is_a_conflict_naming_who_corrected_it(db_session, world, decided):
    first = decided.decisions[1]
    correct(db_session, world, first)
    with pytest.raises(Conflict, match=f"corrected by {world.a.assessor.name}"):
        correct(db_session, world, first, outcome="not_yet", feedback="Still missing.")
    assert len(decision_history(db_session, first)) == 2


def test_the_same_correction_posted_twice_is_saved_once(db_session, world, decided):
    first = decided.decisions[1]
    once = correct(db_session, world, first)
    assert correct(db_session, world, first) == once
    assert len(decision_history(db_session, first)) == 2


def test_two_corrections_at_once_make_the_second_a_conflict(db_session, world, decided, monkeypatch):
    first = decided.decisions[1]
    db_session.add(Decision(review_id=first.review_id, enrolment_id=first.enrolment_id, evidence_id=first.evidence_id,
                            criterion_id=first.criterion_id, outcome="met", sequence=2, correction_reason="Other tab.",
                            decided_by_id=world.a.assessor.id))
    db_session.flush()
    monkeypatch.setattr(corrections, "latest_decision", lambda *_args: first)
    with pytest.raises(Conflict, match="This decision was corrected"):
        correct(db_session, world, first)


def test_only_the_current_assessor_corrects(db_session, world, decided):
    newcomer = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    world.a.enrolment.assessor = newcomer
    db_session.flush()
    with pytest.raises(Refused, match="Only the assessor assigned"):
        correct(db_session, world, decided.decisions[1])
    assert correct(db_session, world, decided.decisions[1], assessor=newcomer).decided_by_id == newcomer.id


def test_a_signed_off_standard_keeps_its_met_decisions_until_the_sign_off_is_withdrawn(db_session, world):
    met = world.a.portfolio.review.decisions[0]
    with pytest.raises(Refused, match="Withdraw the sign-off first") as refused:
        correct(db_session, world, met, outcome="not_yet", feedback="Not current.", reason="Dated 2019.")
    assert refused.value.field == "outcome"
    assert correct(db_session, world, met, outcome="met", feedback="Good, and current.", reason="Fuller feedback.").sequence == 2
    world.a.portfolio.sign_off.withdrawn_at = utcnow()
    db_session.flush()
    latest = services.latest_decision(db_session, met.review_id, met.criterion_id)
    assert correct(db_session, world, latest, outcome="not_yet", feedback="Not current.", reason="Dated 2019.").sequence == 3
    assert world.a.portfolio.reviewed.status == REFERRED


# -- the page -----------------------------------------------------------------------------------


@pytest.fixture
def assessor_client(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.assessor)
    return client


def test_the_correction_page_shows_the_decision_and_saves_a_correction(assessor_client, db_session, world, decided):
    db_session.commit()
    first = decided.decisions[1]
    page = assessor_client.get(f"/assessment/decisions/{first.id}/correct").get_data(as_text=True)
    assert "Correct the decision on" in page and "Show the agreement." in page
    response = assessor_client.post(f"/assessment/decisions/{first.id}/correct",
                                    data={"outcome": "met", "feedback": "Clear now.", "reason": "Missed page 2."})
    assert response.status_code == 302
    assert response.location.endswith(f"/assessment/submissions/{decided.submission_id}/enrolments/{world.a.enrolment.id}")
    page = assessor_client.get(response.location).get_data(as_text=True)
    assert "Correction saved" in page and "Missed page 2." in page


def test_a_stale_correction_page_answers_409_and_keeps_what_was_typed(assessor_client, db_session, world, decided):
    first = decided.decisions[1]
    correct(db_session, world, first, reason="First correction.")
    db_session.commit()
    response = assessor_client.post(f"/assessment/decisions/{first.id}/correct",
                                    data={"outcome": "not_yet", "feedback": "Typed feedback.", "reason": "Typed reason."})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "This decision was corrected by" in page
    assert "Typed feedback." in page and "Typed reason." in page and "First correction." in page
    latest = services.latest_decision(db_session, first.review_id, first.criterion_id)
    assert f'action="/assessment/decisions/{latest.id}/correct"' in page


def test_a_refused_correction_answers_422(assessor_client, db_session, world, decided):
    db_session.commit()
    response = assessor_client.post(f"/assessment/decisions/{decided.decisions[0].id}/correct", data={"outcome": "not_yet"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Enter the reason for the correction." in page and "Enter feedback" in page

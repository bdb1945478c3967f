"""Recording a review: a decision on every claimed criterion, the conflicts, closing the submission, progress, samples, audit."""
import pytest
from sqlalchemy import func, select

from assessor.accounts.models import ASSESSOR, LEARNER
from assessor.assessment import services
from assessor.assessment.models import Decision, EnrolmentProgress, Review
from assessor.assessment.progress import refresh_progress
from assessor.assessment.services import AlreadyReviewed, record_review
from assessor.audit.models import AuditEntry
from assessor.cohorts.models import CohortStandard
from assessor.core.acts import Conflict, Refused
from assessor.evidence.models import ASSESSED, DRAFT, REFERRED, SUBMITTED, Submission
from assessor.evidence.snapshot import frozen_fields
from assessor.iqa.models import BY_SHARE, Sample
from assessor.standards.models import Criterion
from assessor.timeutil import utcnow

from ..factories import enrol, make_cohort, make_evidence, make_review, make_user


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def criterion(session, standard, ref: str) -> Criterion:
    return session.scalar(select(Criterion).where(Criterion.standard_id == standard.id, Criterion.ref == ref))


def outcomes_for(session, standard, **by_ref) -> dict:
    """{criterion id: (outcome, feedback)} from P1="met" or P2=("not_yet", "Say more.")."""
    return {criterion(session, standard, ref).id: (value, "") if isinstance(value, str) else value for ref, value in by_ref.items()}


def review(session, world, evidence=None, *, assessor=None, version=None, feedback="Well done.", **by_ref):
    """The side-A assessor reviews the evidence (by default the portfolio's submitted item: P1 and P2)."""
    evidence = evidence or world.a.portfolio.submitted
    by_ref = by_ref or {"P1": "met", "P2": "met"}
    submission = evidence.submissions[-1]
    version = evidence.version if version is None else version
    outcomes = outcomes_for(session, world.standard, **by_ref)
    return record_review(session, assessor or world.a.assessor, submission, world.a.enrolment, outcomes, feedback, version)


def count(session, model, **where) -> int:
    return session.scalar(select(func.count()).select_from(model).filter_by(**where))


def audited(session, entity: str, entity_id: int) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)))


def test_all_met_closes_the_submission_as_assessed(db_session, world):
    evidence = world.a.portfolio.submitted
    version = evidence.version
    made = review(db_session, world)
    submission = evidence.submissions[-1]
    assert [(d.criterion.ref, d.outcome, d.sequence) for d in made.decisions] == [("P1", "met", 1), ("P2", "met", 1)]
    assert made.feedback == "Well done." and made.assessor == world.a.assessor
    assert submission.outcome == ASSESSED and submission.closed_at is not None
    assert evidence.status == ASSESSED and evidence.version == version + 1


def test_a_criterion_not_yet_met_refers_the_evidence_back_with_the_feedback(db_session, world):
    made = review(db_session, world, P1="met", P2=("not_yet", "  Show how you agreed the deadline.  "))
    evidence = world.a.portfolio.submitted
    assert evidence.status == REFERRED and evidence.submissions[-1].outcome == REFERRED
    assert made.decisions[1].feedback == "Show how you agreed the deadline."


def test_every_claimed_criterion_needs_a_decision(db_session, world):
    p2 = criterion(db_session, world.standard, "P2")
    with pytest.raises(Refused) as refused:
        review(db_session, world, P1="met")
    assert refused.value.field == f"outcome_{p2.id}" and "P2" in str(refused.value)
    assert count(db_session, Review, submission_id=world.a.portfolio.submitted.submissions[-1].id) == 0


def test_every_problem_is_reported_at_once(db_session, world):
    p1, p2 = criterion(db_session, world.standard, "P1"), criterion(db_session, world.standard, "P2")
    with pytest.raises(Refused) as refused:
        review(db_session, world, P1=("not_yet", " "), P2="maybe")
    assert [field for field, _message in refused.value.problems] == [f"feedback_{p1.id}", f"outcome_{p2.id}"]
    assert "tell the learner what they still need to show" in refused.value.problems[0][1]


def test_only_the_enrolments_assessor_may_review(db_session, world):
    colleague = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    for someone in (colleague, world.a.iqa, world.b.assessor):
        with pytest.raises(Refused, match="Only the assessor assigned"):
            review(db_session, world, assessor=someone)


def test_a_closed_submission_cannot_be_reviewed(db_session, world):
    world.a.portfolio.submitted.submissions[-1].closed_at = utcnow()
    db_session.flush()
    with pytest.raises(Refused, match="already been decided"):
        review(db_session, world)


def test_evidence_changed_since_the_page_was_loaded_is_a_conflict(db_session, world):
    evidence = world.a.portfolio.submitted
    with pytest.raises(Conflict, match="The learner changed this evidence"):
        review(db_session, world, version=evidence.version - 1)
    evidence.status = DRAFT
    db_session.flush()
    with pytest.raises(Conflict, match="The learner changed this evidence"):
        review(db_session, world)


def test_a_second_review_of_the_same_submission_is_a_conflict_that_names_the_first(db_session, world):
    colleague = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR], name="Gwen Colleague")
    make_review(db_session, world.a.portfolio.submitted, world.a.enrolment, {"P1": "met", "P2": "met"}, assessor=colleague)
    with pytest.raises(AlreadyReviewed, match="Gwen Colleague has already reviewed") as refused:
        review(db_session, world)
    assert refused.value.review.assessor == colleague
    assert count(db_session, Review, submission_id=world.a.portfolio.submitted.submissions[-1].id) == 1


def test_posting_the_same_review_twice_makes_one_review(db_session, world):
    review(db_session, world)
    with pytest.raises(AlreadyReviewed, match="You already recorded"):
        review(db_session, world)
    assert count(db_session, Review, submission_id=world.a.portfolio.submitted.submissions[-1].id) == 1


def test_a_review_racing_another_to_the_database_is_a_conflict(db_session, world, monkeypatch):
    colleague = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR], name="Rhys Racer")
    make_review(db_session, world.a.portfolio.submitted, world.a.enrolment, {"P1": "met"}, assessor=colleague)
    real = services.review_of
    calls = []

    def not_yet_visible(session, submission_id, enrolment_id):
        calls.append(submission_id)
        return None if len(calls) == 1 else real(session, submission_id, enrolment_id)

    monkeypatch.setattr(services, "review_of", not_yet_visible)
    with pytest.raises(AlreadyReviewed, match="Rhys Racer has already reviewed"):
        review(db_session, world)
    assert count(db_session, Decision, enrolment_id=world.a.enrolment.id, decided_by_id=world.a.assessor.id) == 1


def test_the_review_is_audited(db_session, world):
    made = review(db_session, world, P1="met", P2=("not_yet", "More."))
    evidence = world.a.portfolio.submitted
    assert audited(db_session, "review", made.id) == ["recorded"]
    assert [audited(db_session, "decision", d.id) for d in made.decisions] == [["decided"], ["decided"]]
    assert audited(db_session, "submission", evidence.submissions[-1].id) == ["closed"]
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "evidence", AuditEntry.entity_id == evidence.id))
    assert (entry.action, entry.before["status"], entry.after["status"], entry.learner_id) == (REFERRED, SUBMITTED, REFERRED, world.a.learner.id)
    decision = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "decision", AuditEntry.entity_id == made.decisions[1].id))
    expected = {"criterion": "P2", "outcome": "not_yet", "feedback": "More.", "reference": evidence.reference}
    assert expected.items() <= decision.after.items()


def progress(session, enrolment) -> EnrolmentProgress:
    return session.get(EnrolmentProgress, enrolment.id)


def test_progress_counts_follow_the_decisions(db_session, world):
    refresh_progress(db_session, {world.a.enrolment.id})
    before = progress(db_session, world.a.enrolment)
    met, awaiting = before.pc_met, before.awaiting_decision
    review(db_session, world, P1="met", P2=("not_yet", "More."))
    after = progress(db_session, world.a.enrolment)
    assert after.pc_met == met + 1 and after.awaiting_decision == awaiting - 1
    p1, p2 = criterion(db_session, world.standard, "P1"), criterion(db_session, world.standard, "P2")
    assert (after.statuses[str(p1.id)], after.statuses[str(p2.id)]) == ("met", "in_progress")


def test_a_standard_that_needs_two_pieces_of_evidence_per_criterion(db_session, world):
    pinned = db_session.scalar(select(CohortStandard).where(CohortStandard.cohort_id == world.a.cohort.id))
    pinned.times_required = 2
    p1 = criterion(db_session, world.standard, "P1")
    review(db_session, world)
    assert progress(db_session, world.a.enrolment).statuses[str(p1.id)] == "in_progress"
    second = make_evidence(db_session, world.a.learner, world.a.enrolment, ("P1",), title="Second")
    review(db_session, world, second, P1="met")
    assert progress(db_session, world.a.enrolment).statuses[str(p1.id)] == "met"


def test_met_decisions_still_count_after_a_referral_and_the_resubmission_is_queued_again(db_session, world):
    evidence = world.a.portfolio.submitted
    review(db_session, world, P1="met", P2=("not_yet", "More."))
    evidence.status = SUBMITTED
    db_session.add(Submission(evidence_id=evidence.id, number=2, submitted_by_id=world.a.learner.id, **frozen_fields(evidence)))
    db_session.flush()
    db_session.refresh(evidence)
    p1 = criterion(db_session, world.standard, "P1")
    refresh_progress(db_session, {world.a.enrolment.id})
    assert progress(db_session, world.a.enrolment).statuses[str(p1.id)] == "met"
    second = review(db_session, world, P1="met", P2="met")
    assert second.submission.number == 2 and evidence.status == ASSESSED


def test_the_first_review_of_an_assessor_in_a_cohort_is_sampled_by_the_default_plan(db_session, world):
    provider = world.a.provider
    assessor = make_user(db_session, provider=provider, roles=[ASSESSOR])
    cohort = make_cohort(db_session, provider, standards=[world.standard])
    reviews = []
    for number in range(5):
        learner = make_user(db_session, provider=provider, roles=[LEARNER])
        enrolment = enrol(db_session, cohort, learner, world.standard, assessor=assessor, iqa=world.a.iqa)
        evidence = make_evidence(db_session, learner, enrolment, ("P1",), title=f"Item {number}")
        outcomes = outcomes_for(db_session, world.standard, P1="met")
        reviews.append(record_review(db_session, assessor, evidence.submissions[-1], enrolment, outcomes, "", evidence.version))
    sampled = [db_session.scalar(select(Sample).where(Sample.review_id == made.id)) for made in reviews]
    assert [sample is not None for sample in sampled] == [True, False, False, False, True]
    assert sampled[0].reason == BY_SHARE and audited(db_session, "sample", sampled[0].id) == ["sampled"]

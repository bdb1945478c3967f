"""A referred item changed and submitted again: what was judged stays as judged, met criteria are carried over."""
import pytest
from sqlalchemy import select, update

from assessor.assessment.claims import to_decide
from assessor.assessment.corrections import correct_decision
from assessor.assessment.history import submission_history
from assessor.assessment.models import Decision, EnrolmentProgress, SignOff
from assessor.assessment.progress import criterion_statuses
from assessor.assessment.services import record_review
from assessor.assessment.signing import sign_off_payload
from assessor.audit.describe import describe
from assessor.audit.models import AuditEntry
from assessor.core.acts import Refused
from assessor.evidence.models import ASSESSED, REFERRED
from assessor.evidence.services import submit_evidence, update_evidence
from assessor.evidence.snapshot import frozen_intact, judged
from assessor.export.data import portfolio_data
from assessor.iqa.models import BY_SHARE, Sample
from assessor.iqa.queue import sample_detail
from assessor.standards.models import Criterion
from assessor.timeutil import utcnow

from ..evidence.support import account, claim

FIRST_BODY = "I called the client and agreed the deadline."
SECOND_BODY = "I called the client and agreed the deadline.\n\nI wrote to confirm it the same day."


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def ids(session, world, *refs) -> dict[str, int]:
    rows = session.execute(select(Criterion.ref, Criterion.id).where(Criterion.standard_id == world.standard.id, Criterion.ref.in_(refs)))
    return dict(rows.tuples().all())


def decide(session, world, submission, reopened=None, **by_ref):
    """The side-A assessor's review of the submission: P1="met" or P2=("not_yet", "Say more.")."""
    crit = ids(session, world, *by_ref)
    outcomes = {crit[ref]: (value, "") if isinstance(value, str) else value for ref, value in by_ref.items()}
    evidence = submission.evidence
    return record_review(session, world.a.assessor, submission, world.a.enrolment, outcomes, "", evidence.version, reopened)


def referred_then_changed(session, world):
    """An account claiming P1 and P2: P1 met, P2 not yet; the learner then rewrites it and submits it again."""
    learner = world.a.learner
    evidence = account(session, learner)
    update_evidence(session, learner, evidence, evidence.version, body=FIRST_BODY)
    claim(session, evidence, world.a.enrolment, "P1", "P2")
    first = submit_evidence(session, learner, evidence, evidence.version, "Mine.")
    review = decide(session, world, first, P1="met", P2=("not_yet", "Say how you confirmed it."))
    assert evidence.status == REFERRED
    update_evidence(session, learner, evidence, evidence.version, body=SECOND_BODY, description="Now with the follow-up.")
    second = submit_evidence(session, learner, evidence, evidence.version, "Mine.")
    return evidence, first, second, review


def sample_of(session, world, review) -> Sample:
    """The IQA sample of the review: the one the plan drew, or one drawn now."""
    sample = session.scalar(select(Sample).where(Sample.review_id == review.id))
    if sample is None:
        sample = Sample(review_id=review.id, enrolment_id=world.a.enrolment.id, assessor_id=world.a.assessor.id, reason=BY_SHARE)
        session.add(sample)
        session.flush()
    return sample


def test_submitting_freezes_the_fields_files_and_claims_with_a_hash(db_session, world):
    evidence, first, second, _review = referred_then_changed(db_session, world)
    assert first.snapshot["body"] == FIRST_BODY and second.snapshot["body"] == SECOND_BODY
    assert [claim["ref"] for claim in first.snapshot["claims"]] == ["P1", "P2"]
    assert first.snapshot_sha256 != second.snapshot_sha256 and frozen_intact(first) and frozen_intact(second)
    first.snapshot = dict(first.snapshot, body="Tampered.")
    assert not frozen_intact(first)


def test_what_the_decision_iqa_sign_off_history_and_pdf_show_is_the_version_judged(db_session, world):
    evidence, first, _second, review = referred_then_changed(db_session, world)
    sample = sample_of(db_session, world, review)
    assert evidence.body == SECOND_BODY
    assert judged(review.submission).body == FIRST_BODY
    assert sample_detail(db_session, sample).evidence.body == FIRST_BODY and sample_detail(db_session, sample).carried_over == []
    history = {record.submission.number: record for record in submission_history(db_session, evidence)}
    assert history[1].version.body == FIRST_BODY and history[2].version.body == SECOND_BODY
    entry = next(entry for entry in portfolio_data(db_session, world.a.learner).evidence if entry.evidence.reference == evidence.reference)
    assert entry.evidence.body == SECOND_BODY and entry.evidence.submission.number == 2
    met = [d for c in sign_off_payload(db_session, world.a.enrolment)["criteria"] for d in c["decisions"] if d["evidence_id"] == evidence.id]
    assert [(d["submission"], d["snapshot_sha256"]) for d in met] == [(1, first.snapshot_sha256)]


def test_the_pdf_shows_the_submitted_version_not_later_edits(db_session, world):
    evidence, _first, second, _review = referred_then_changed(db_session, world)
    decide(db_session, world, second, P2=("not_yet", "Still missing."))
    update_evidence(db_session, world.a.learner, evidence, evidence.version, body="Draft of a third try.")
    entry = next(entry for entry in portfolio_data(db_session, world.a.learner).evidence if entry.evidence.reference == evidence.reference)
    assert entry.evidence.body == SECOND_BODY and [c.ref for _u, c, _n in entry.claims] == ["P1", "P2"]


def test_a_resubmission_asks_only_what_is_not_met_and_carries_the_met_decision_over(db_session, world):
    evidence, first, second, review = referred_then_changed(db_session, world)
    crit = ids(db_session, world, "P1", "P2")
    plan = to_decide(db_session, second, world.a.enrolment.id)
    assert [claim.criterion.ref for claim in plan.asked] == ["P2"] and list(plan.carried) == [crit["P1"]]
    assert plan.carried[crit["P1"]].review_id == review.id
    second_review = decide(db_session, world, second, P2="met")
    assert evidence.status == ASSESSED and second.outcome == ASSESSED
    assert [decision.criterion_id for decision in second_review.decisions] == [crit["P2"]]
    latest = submission_history(db_session, evidence)[0]
    assert latest.submission.number == 2 and latest.reviews[0].carried_over == ["P1"]
    assert sample_detail(db_session, sample_of(db_session, world, second_review)).carried_over == ["P1"]
    statuses = criterion_statuses(db_session, world.a.enrolment)
    assert statuses[crit["P1"]] == statuses[crit["P2"]] == "met"
    progress = db_session.get(EnrolmentProgress, world.a.enrolment.id)
    assert progress.statuses[str(crit["P1"])] == progress.statuses[str(crit["P2"])] == "met"
    assert progress.pc_met == sum(1 for status in progress.statuses.values() if status == "met") >= 2


def test_reopening_a_met_criterion_needs_a_reason(db_session, world):
    _evidence, _first, second, _review = referred_then_changed(db_session, world)
    crit = ids(db_session, world, "P1")
    with pytest.raises(Refused) as refused:
        decide(db_session, world, second, reopened={crit["P1"]: "  "}, P1="met", P2="met")
    assert {field for field, _m in refused.value.problems} == {f"reason_{crit['P1']}"}


def test_a_reopened_criterion_is_decided_again_and_the_reason_is_in_the_audit_chain(db_session, world):
    evidence, _first, second, review = referred_then_changed(db_session, world)
    crit = ids(db_session, world, "P1", "P2")
    reason = "The new paragraph contradicts the agreed deadline."
    decide(db_session, world, second, reopened={crit["P1"]: reason}, P1=("not_yet", "Check the date."), P2="met")
    again = db_session.scalar(select(Decision).where(Decision.criterion_id == crit["P1"], Decision.reopen_reason.is_not(None)))
    assert again.outcome == "not_yet" and again.reopen_reason == reason and again.review.submission_id == second.id
    earlier = db_session.scalar(select(Decision).where(Decision.review_id == review.id, Decision.criterion_id == crit["P1"]))
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "decision", AuditEntry.entity_id == earlier.id,
                                                        AuditEntry.action == "reopened"))
    assert entry.after["reason"] == reason and entry.after["submission"] == 2
    assert str(describe(entry)) == f"Decision on P1 reopened (reason: {reason})"
    assert evidence.status == REFERRED
    assert criterion_statuses(db_session, world.a.enrolment)[crit["P1"]] != "met"


def test_a_criterion_not_reopened_is_ignored_even_if_an_outcome_is_posted(db_session, world):
    _evidence, _first, second, _review = referred_then_changed(db_session, world)
    crit = ids(db_session, world, "P1")
    review = decide(db_session, world, second, P1=("not_yet", "Ignored."), P2="met")
    assert crit["P1"] not in {decision.criterion_id for decision in review.decisions}
    assert criterion_statuses(db_session, world.a.enrolment)[crit["P1"]] == "met"


def test_correcting_a_carried_over_decision_refers_the_last_submission_back(db_session, world):
    db_session.execute(update(SignOff).values(withdrawn_at=utcnow(), withdrawn_reason="Not part of this test."))
    evidence, _first, second, review = referred_then_changed(db_session, world)
    decide(db_session, world, second, P2="met")
    assert evidence.status == ASSESSED
    crit = ids(db_session, world, "P1")
    carried = db_session.scalar(select(Decision).where(Decision.review_id == review.id, Decision.criterion_id == crit["P1"]))
    correct_decision(db_session, world.a.assessor, carried, "not_yet", "Not shown after all.", "Misread the account.")
    assert second.outcome == REFERRED and evidence.status == REFERRED

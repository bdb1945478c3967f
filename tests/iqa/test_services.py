"""The IQA's decision and the assessor's response: who may, in which state, conflicts, repeats, verification, audit."""
import pytest

from assessor.accounts.models import ASSESSOR, IQA
from assessor.assessment.models import EnrolmentProgress
from assessor.assessment.progress import refresh_progress
from assessor.iqa.models import AGREED, PENDING, REFERRED, RESPONDED, Sample
from assessor.iqa.services import decide_sample, respond_to_referral
from assessor.timeutil import utcnow

from ..factories import make_user
from .builders import add_review, audit_count, fresh_enrolment
from assessor.core.acts import Conflict, Refused


@pytest.fixture
def sample(world):
    return world.a.portfolio.sample


def agree(session, iqa, sample, comment="Sound judgement."):
    return decide_sample(session, iqa, sample, AGREED, comment, "", sample.version)


def refer(session, iqa, sample, action="Add feedback on P4."):
    return decide_sample(session, iqa, sample, REFERRED, "", action, sample.version)


def test_the_iqa_agrees_a_sample(db_session, world, sample):
    agree(db_session, world.a.iqa, sample)
    assert (sample.status, sample.comment, sample.decided_by_id) == (AGREED, "Sound judgement.", world.a.iqa.id)
    assert sample.decided_at is not None and audit_count(db_session, "sample", sample.id, AGREED) == 1


def test_an_agreed_sample_verifies_the_active_sign_off(db_session, world, sample):
    refresh_progress(db_session, {sample.enrolment_id})
    assert db_session.get(EnrolmentProgress, sample.enrolment_id).verified_at is None
    agree(db_session, world.a.iqa, sample)
    progress = db_session.get(EnrolmentProgress, sample.enrolment_id)
    assert progress.signed_off_at is not None and progress.verified_at is not None


def test_an_agreed_sample_without_a_sign_off_verifies_nothing(db_session, world, sample):
    world.a.portfolio.sign_off.withdrawn_at = utcnow()
    agree(db_session, world.a.iqa, sample)
    assert db_session.get(EnrolmentProgress, sample.enrolment_id).verified_at is None


def test_a_referral_needs_an_action(db_session, world, sample):
    with pytest.raises(Refused) as refused:
        decide_sample(db_session, world.a.iqa, sample, REFERRED, "Hmm.", "  ", sample.version)
    assert refused.value.field == "action" and sample.status == PENDING


def test_an_outcome_must_be_chosen(db_session, world, sample):
    with pytest.raises(Refused) as refused:
        decide_sample(db_session, world.a.iqa, sample, None, "", "", sample.version)
    assert refused.value.field == "outcome"


def test_a_referral_goes_to_the_assessor_and_verifies_nothing(db_session, world, sample):
    refer(db_session, world.a.iqa, sample)
    assert (sample.status, sample.action) == (REFERRED, "Add feedback on P4.")
    assert db_session.get(EnrolmentProgress, sample.enrolment_id).verified_at is None
    assert audit_count(db_session, "sample", sample.id, REFERRED) == 1


def test_an_iqa_never_samples_their_own_decision(db_session, world):
    both = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR, IQA])
    enrolment = fresh_enrolment(db_session, world.a, world.standard, assessor=both, iqa=both)
    review = add_review(db_session, enrolment)
    own = Sample(review_id=review.id, enrolment_id=enrolment.id, assessor_id=both.id, reason="share")
    db_session.add(own)
    db_session.flush()
    with pytest.raises(Refused, match="yourself"):
        agree(db_session, both, own)


@pytest.mark.parametrize("who", ["other_iqa", "b_iqa", "admin", "assessor"])
def test_only_the_enrolments_iqa_decides(db_session, world, sample, who):
    people = {
        "other_iqa": lambda: make_user(db_session, provider=world.a.provider, roles=[IQA]),
        "b_iqa": lambda: world.b.iqa,
        "admin": lambda: world.a.admin,
        "assessor": lambda: world.a.assessor,
    }
    with pytest.raises(Refused):
        agree(db_session, people[who](), sample)
    assert sample.status == PENDING


def test_a_stale_form_is_a_conflict(db_session, world, sample):
    with pytest.raises(Conflict, match="Awaiting the IQA"):
        decide_sample(db_session, world.a.iqa, sample, AGREED, "", "", sample.version - 1)
    assert sample.status == PENDING


def test_the_same_decision_posted_twice_changes_nothing(db_session, world, sample):
    loaded = sample.version
    decide_sample(db_session, world.a.iqa, sample, AGREED, "Fine.", "", loaded)
    decide_sample(db_session, world.a.iqa, sample, AGREED, "Fine.", "", loaded)
    assert audit_count(db_session, "sample", sample.id, AGREED) == 1


def test_a_different_decision_on_a_stale_form_is_a_conflict(db_session, world, sample):
    loaded = sample.version
    agree(db_session, world.a.iqa, sample)
    with pytest.raises(Conflict, match="Agreed"):
        decide_sample(db_session, world.a.iqa, sample, REFERRED, "", "Redo it.", loaded)


def test_an_agreed_sample_is_final(db_session, world, sample):
    agree(db_session, world.a.iqa, sample)
    with pytest.raises(Refused, match="already been agreed"):
        refer(db_session, world.a.iqa, sample)


def test_a_referred_sample_waits_for_the_assessor(db_session, world, sample):
    refer(db_session, world.a.iqa, sample)
    with pytest.raises(Refused, match="with the assessor"):
        agree(db_session, world.a.iqa, sample)


def test_the_assessor_responds_and_the_iqa_then_agrees(db_session, world, sample):
    refer(db_session, world.a.iqa, sample)
    respond_to_referral(db_session, world.a.assessor, sample, "Feedback added.", sample.version)
    assert (sample.status, sample.response) == (RESPONDED, "Feedback added.") and sample.responded_at is not None
    assert audit_count(db_session, "sample", sample.id, RESPONDED) == 1
    agree(db_session, world.a.iqa, sample)
    assert sample.status == AGREED and db_session.get(EnrolmentProgress, sample.enrolment_id).verified_at is not None


def test_the_iqa_may_refer_a_response_back_again(db_session, world, sample):
    refer(db_session, world.a.iqa, sample)
    respond_to_referral(db_session, world.a.assessor, sample, "Done.", sample.version)
    refer(db_session, world.a.iqa, sample, action="Also check P4's evidence date.")
    assert (sample.status, sample.action) == (REFERRED, "Also check P4's evidence date.")


def test_a_response_needs_text(db_session, world, sample):
    refer(db_session, world.a.iqa, sample)
    with pytest.raises(Refused) as refused:
        respond_to_referral(db_session, world.a.assessor, sample, " ", sample.version)
    assert refused.value.field == "response"


def test_only_the_samples_assessor_responds(db_session, world, sample):
    refer(db_session, world.a.iqa, sample)
    other = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    for person in (other, world.a.iqa, world.b.assessor):
        with pytest.raises(Refused):
            respond_to_referral(db_session, person, sample, "Done.", sample.version)


def test_a_sample_not_referred_takes_no_response(db_session, world, sample):
    with pytest.raises(Refused, match="not waiting"):
        respond_to_referral(db_session, world.a.assessor, sample, "Done.", sample.version)


def test_a_response_posted_twice_changes_nothing_and_a_stale_one_conflicts(db_session, world, sample):
    refer(db_session, world.a.iqa, sample)
    loaded = sample.version
    respond_to_referral(db_session, world.a.assessor, sample, "Done.", loaded)
    respond_to_referral(db_session, world.a.assessor, sample, "Done.", loaded)
    assert audit_count(db_session, "sample", sample.id, RESPONDED) == 1
    with pytest.raises(Conflict):
        respond_to_referral(db_session, world.a.assessor, sample, "Something else.", loaded)


def test_the_audit_entry_says_what_changed(db_session, world, sample):
    from sqlalchemy import select

    from assessor.audit.models import AuditEntry

    refer(db_session, world.a.iqa, sample)
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "sample", AuditEntry.entity_id == sample.id))
    assert entry.actor_id == world.a.iqa.id and entry.learner_id == world.a.learner.id
    assert entry.before["status"] == PENDING and entry.after == {"status": REFERRED, "comment": "", "action": "Add feedback on P4.", "response": ""}


def test_a_writer_who_got_there_first_is_a_conflict(db_session, world, sample):
    from sqlalchemy import update

    db_session.execute(update(Sample.__table__).where(Sample.__table__.c.id == sample.id).values(version=sample.version + 1))
    with pytest.raises(Conflict, match="at the same moment"):
        agree(db_session, world.a.iqa, sample)

"""Signing a standard off: what is signed and its hash, and every rule of signing, countersigning and withdrawing."""
import json

import pytest
from sqlalchemy import func, select, update

from assessor.accounts.models import ASSESSOR, LEARNER
from assessor.assessment.models import Decision, EnrolmentProgress, SignOff
from assessor.assessment.progress import refresh_progress
from assessor.assessment.signing import canonical_hash, sign_off_payload, verify_sign_off
from assessor.assessment.signoff import AlreadyDone, countersign, sign_off, sign_off_state, withdraw_sign_off
from assessor.audit.models import AuditEntry
from assessor.core.acts import Conflict, Refused
from assessor.evidence.models import EvidenceFile
from assessor.iqa.models import AGREED, PER_LEARNER, Sample
from assessor.standards.criteria import assessable_criteria
from assessor.timeutil import utcnow

from ..factories import enrol, make_evidence, make_review, make_user

DECLARATION = "I confirm that the evidence is valid, authentic, reliable, current and sufficient."


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def ready_enrolment(session, world, *, leave_out=()):
    """A new learner of provider A whose every criterion is met (but those left out), by two pieces of evidence."""
    learner = make_user(session, provider=world.a.provider, roles=[LEARNER], name="Siân Ready")
    enrolment = enrol(session, world.a.cohort, learner, world.standard, assessor=world.a.assessor, iqa=world.a.iqa)
    refs = [c.ref for c in assessable_criteria(session, world.standard.id) if c.ref not in leave_out]
    for kind in ("P", "K"):
        chunk = [ref for ref in refs if ref.startswith(kind)]
        make_review(session, make_evidence(session, learner, enrolment, chunk), enrolment, dict.fromkeys(chunk, "met"))
    return enrolment


def sign(session, world, enrolment, name=None, *, agreed=True):
    name = world.a.assessor.name if name is None else name
    return sign_off(session, world.a.assessor, enrolment, name, DECLARATION, agreed=agreed)


def count(session, model, **where) -> int:
    return session.scalar(select(func.count()).select_from(model).filter_by(**where))


def audit(session, action: str, entity_id: int) -> AuditEntry:
    return session.scalar(select(AuditEntry).where(AuditEntry.entity == "sign_off", AuditEntry.action == action, AuditEntry.entity_id == entity_id))


# -- what is signed ---------------------------------------------------------------------------


def test_the_payload_names_the_learner_standard_and_evidence_behind_every_criterion(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    payload = sign_off_payload(db_session, enrolment)
    assert json.loads(json.dumps(payload)) == payload
    assert payload["learner"]["name"] == "Siân Ready" and payload["standard"]["urn"] == "SKSCMGS11"
    assert payload["provider"]["name"] == world.a.provider.name and payload["cohort"]["id"] == world.a.cohort.id
    assert payload["times_required"] == 1 and len(payload["criteria"]) == 30
    first, last = payload["criteria"][0], payload["criteria"][-1]
    assert (first["ref"], first["decisions"][0]["evidence"]) == ("P1", "E-001")
    assert (last["ref"], last["decisions"][0]["evidence"]) == ("K14", "E-002")
    assert set(first["decisions"][0]) == {"decision", "evidence", "evidence_id", "submission", "snapshot_sha256", "files", "decided_at", "assessor"}


def test_the_hash_is_deterministic_and_covers_every_part(db_session, world):
    payload, moment = sign_off_payload(db_session, ready_enrolment(db_session, world)), utcnow()
    signed = canonical_hash(payload, DECLARATION, "A Person", moment)
    assert signed == canonical_hash(json.loads(json.dumps(payload)), DECLARATION, "A Person", moment) and len(signed) == 64
    assert signed != canonical_hash(payload, DECLARATION + ".", "A Person", moment)
    assert signed != canonical_hash(payload, DECLARATION, "A Persons", moment)
    assert signed != canonical_hash(payload, DECLARATION, "A Person", moment.replace(microsecond=(moment.microsecond + 1) % 10**6))


def test_the_payload_changes_with_a_correction_but_not_with_an_edit_or_a_new_file_after_the_judgement(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    before = sign_off_payload(db_session, enrolment)
    decision = db_session.scalar(select(Decision).where(Decision.enrolment_id == enrolment.id).limit(1))
    db_session.add(Decision(review_id=decision.review_id, enrolment_id=enrolment.id, evidence_id=decision.evidence_id,
                            criterion_id=decision.criterion_id, outcome="met", sequence=2, correction_reason="Typo.",
                            decided_by_id=decision.decided_by_id))
    db_session.flush()
    corrected = sign_off_payload(db_session, enrolment)
    assert corrected != before
    decision.evidence.title = "Renamed"
    db_session.add(EvidenceFile(evidence_id=decision.evidence_id, filename="a.pdf", size=1, sha256="a" * 64,
                                media_type="application/pdf", uploaded_by_id=enrolment.member.learner_id))
    db_session.flush()
    db_session.expire(decision.evidence)
    signed_version = corrected["criteria"][0]["decisions"][0]
    assert sign_off_payload(db_session, enrolment) == corrected
    assert signed_version["submission"] == 1 and signed_version["snapshot_sha256"] == decision.review.submission.snapshot_sha256


def test_verify_detects_a_tampered_record(db_session, world):
    signed = sign(db_session, world, ready_enrolment(db_session, world))
    db_session.expire_all()
    assert verify_sign_off(signed)
    signed.payload = dict(signed.payload, times_required=2)
    db_session.flush()
    assert not verify_sign_off(signed)


# -- signing ----------------------------------------------------------------------------------


def test_signing_stores_what_was_signed_draws_a_sample_audits_and_counts(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    assert count(db_session, Sample, enrolment_id=enrolment.id) == 0
    signed = sign(db_session, world, enrolment, "  " + world.a.assessor.name.upper() + " ")
    assert (signed.sequence, signed.signature_name, signed.declaration) == (1, world.a.assessor.name.upper(), DECLARATION)
    assert signed.payload == sign_off_payload(db_session, enrolment) and verify_sign_off(signed)
    sample = db_session.scalar(select(Sample).where(Sample.enrolment_id == enrolment.id))
    assert sample.reason == PER_LEARNER
    assert audit(db_session, "signed", signed.id).after["signed_hash"] == signed.signed_hash
    assert db_session.get(EnrolmentProgress, enrolment.id).signed_off_at is not None


def test_no_second_sample_when_one_was_drawn(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    sign(db_session, world, enrolment)
    withdrawn = db_session.scalar(select(SignOff).where(SignOff.enrolment_id == enrolment.id))
    withdraw_sign_off(db_session, world.a.assessor, withdrawn, "Correction.", withdrawn.version)
    sign(db_session, world, enrolment)
    assert count(db_session, Sample, enrolment_id=enrolment.id) == 1


def test_not_every_criterion_met_is_refused(db_session, world):
    enrolment = ready_enrolment(db_session, world, leave_out=("P16", "K14"))
    with pytest.raises(Refused, match=r"2 criteria are not met yet \(P16, K14\)"):
        sign(db_session, world, enrolment)
    assert count(db_session, SignOff, enrolment_id=enrolment.id) == 0


def test_only_the_learners_assessor_signs(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    stranger = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    with pytest.raises(Refused, match="Only the learner's assessor"):
        sign_off(db_session, stranger, enrolment, stranger.name, DECLARATION, agreed=True)


@pytest.mark.parametrize(("name", "agreed", "field"), [("Someone Else", True, "signature_name"), ("", True, "signature_name"), (None, False, "agreed")])
def test_the_signature_and_declaration_are_required(db_session, world, name, agreed, field):
    enrolment = ready_enrolment(db_session, world)
    with pytest.raises(Refused) as refused:
        sign(db_session, world, enrolment, name, agreed=agreed)
    assert refused.value.field == field
    assert count(db_session, SignOff, enrolment_id=enrolment.id) == 0


def test_signing_twice_changes_nothing(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    first = sign(db_session, world, enrolment)
    with pytest.raises(AlreadyDone, match="already signed off") as done:
        sign(db_session, world, enrolment)
    assert done.value.sign_off == first and count(db_session, SignOff, enrolment_id=enrolment.id) == 1


def test_signing_at_the_same_moment_is_a_conflict(db_session, world, monkeypatch):
    enrolment = ready_enrolment(db_session, world)
    first = sign(db_session, world, enrolment)
    withdraw_sign_off(db_session, world.a.assessor, first, "Correction.", first.version)
    monkeypatch.setattr("assessor.assessment.signoff._next_sequence", lambda session, enrolment_id: 1)
    with pytest.raises(Conflict):
        sign(db_session, world, enrolment)
    assert count(db_session, SignOff, enrolment_id=enrolment.id) == 1


# -- countersigning ---------------------------------------------------------------------------


def test_the_learner_countersigns(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    signed, learner = sign(db_session, world, enrolment), enrolment.member.learner
    countersign(db_session, learner, signed, "siân  ready", signed.version)
    assert signed.learner_signature_name == "siân  ready" and len(signed.learner_hash) == 64 and verify_sign_off(signed)
    assert audit(db_session, "countersigned", signed.id).actor_id == learner.id
    assert db_session.get(EnrolmentProgress, enrolment.id).countersigned_at is not None
    signed.learner_signature_name = "Someone"
    assert not verify_sign_off(signed)


def test_countersigning_rules(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    signed, learner = sign(db_session, world, enrolment), enrolment.member.learner
    with pytest.raises(Refused, match="Only the learner"):
        countersign(db_session, world.a.learner, signed, world.a.learner.name, signed.version)
    with pytest.raises(Refused) as refused:
        countersign(db_session, learner, signed, "Not Me", signed.version)
    assert refused.value.field == "signature_name"
    with pytest.raises(Conflict):
        countersign(db_session, learner, signed, learner.name, signed.version - 1)
    countersign(db_session, learner, signed, learner.name, signed.version)
    version = signed.version
    with pytest.raises(AlreadyDone, match="already countersigned"):
        countersign(db_session, learner, signed, learner.name, version - 1)
    assert signed.version == version


def test_a_withdrawn_sign_off_cannot_be_countersigned(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    signed = sign(db_session, world, enrolment)
    withdraw_sign_off(db_session, world.a.admin, signed, "The IQA referred it.", signed.version)
    with pytest.raises(Refused, match="withdrawn"):
        countersign(db_session, enrolment.member.learner, signed, enrolment.member.learner.name, signed.version)


def test_a_concurrent_change_while_countersigning_is_a_conflict(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    signed = sign(db_session, world, enrolment)
    db_session.execute(update(SignOff).where(SignOff.id == signed.id).values(version=SignOff.version + 1), execution_options={"synchronize_session": False})
    with pytest.raises(Conflict):
        countersign(db_session, enrolment.member.learner, signed, enrolment.member.learner.name, signed.version)


# -- withdrawing and signing again ------------------------------------------------------------


def test_withdraw_and_sign_again_keeps_both_in_the_history(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    first = sign(db_session, world, enrolment)
    withdraw_sign_off(db_session, world.a.assessor, first, "  A decision needs correcting. ", first.version)
    assert (first.withdrawn_reason, first.withdrawn_by_id) == ("A decision needs correcting.", world.a.assessor.id)
    assert audit(db_session, "withdrawn", first.id).after["reason"] == "A decision needs correcting."
    assert db_session.get(EnrolmentProgress, enrolment.id).signed_off_at is None
    second = sign(db_session, world, enrolment)
    state = sign_off_state(db_session, enrolment)
    assert second.sequence == 2 and state.active == second and state.history == [second, first]


def test_withdrawing_rules(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    signed = sign(db_session, world, enrolment)
    for person in (enrolment.member.learner, world.a.iqa, world.b.admin):
        with pytest.raises(Refused, match="Only the learner's assessor or a provider administrator"):
            withdraw_sign_off(db_session, person, signed, "No.", signed.version)
    with pytest.raises(Refused) as refused:
        withdraw_sign_off(db_session, world.a.assessor, signed, "  ", signed.version)
    assert refused.value.field == "reason"
    with pytest.raises(Conflict):
        withdraw_sign_off(db_session, world.a.assessor, signed, "Late.", signed.version + 1)
    withdraw_sign_off(db_session, world.a.assessor, signed, "Correction.", signed.version)
    with pytest.raises(AlreadyDone, match="already withdrawn"):
        withdraw_sign_off(db_session, world.a.assessor, signed, "Again.", signed.version)


# -- the state the pages show -----------------------------------------------------------------


def test_the_state_counts_and_says_when_ready(db_session, world):
    state = sign_off_state(db_session, ready_enrolment(db_session, world, leave_out=("K3",)))
    assert (state.total, state.met, [c.ref for c in state.not_met], state.ready) == (30, 29, ["K3"], False)


def test_an_agreed_sample_verifies_the_sign_off(db_session, world):
    enrolment = ready_enrolment(db_session, world)
    sign(db_session, world, enrolment)
    assert sign_off_state(db_session, enrolment).verified_at is None
    sample = db_session.scalar(select(Sample).where(Sample.enrolment_id == enrolment.id))
    sample.status, sample.decided_at, sample.decided_by_id = AGREED, utcnow(), world.a.iqa.id
    refresh_progress(db_session, {enrolment.id})
    assert sign_off_state(db_session, enrolment).verified_at is not None

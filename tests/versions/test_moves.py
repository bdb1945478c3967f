"""Moving a cohort to a newer version: what carries over, what is listed, one transaction, reversal and its limits."""
import pytest
from sqlalchemy import func, select

from assessor.assessment.models import Decision, EnrolmentProgress, Review
from assessor.assessment.move_models import VersionMove
from assessor.assessment.moves import LEFT, MOVES, SIGNED_OFF, WAITING, plan_move
from assessor.assessment.version_moves import move_cohort, reversal_problems, reverse_move
from assessor.audit.describe import changes, describe
from assessor.audit.models import AuditEntry
from assessor.audit.services import verify_chain
from assessor.core.acts import Conflict, Locked, Refused, attempt
from assessor.evidence.models import Mapping
from assessor.standards.models import Criterion
from assessor.standards.versions import CHANGED, NEW, REMOVED, SAME, compare_versions, successor_of

from ..factories import make_evidence, make_review


def _ref(session, criterion_id: int) -> str:
    return session.get(Criterion, criterion_id).ref


def _move(session, setting, actor=None):
    plan = plan_move(session, setting.cohort, setting.old, setting.new)
    return move_cohort(session, actor or setting.admin, setting.cohort, setting.old, setting.new, plan.fingerprint)


def test_criteria_are_matched_by_reference_and_text(db_session, setting):
    comparison = compare_versions(db_session, setting.old, setting.new)
    kinds = {item.ref: item.change for item in comparison.changes}
    assert kinds["P1"] == SAME  # only spacing and case differ
    assert (kinds["P2"], kinds["K3"], kinds["P16"], kinds["K15"]) == (CHANGED, CHANGED, REMOVED, NEW)
    assert [item.ref for item in comparison.changes if item.change != SAME] == ["P2", "K3", "K15", "P16"]
    assert successor_of(db_session, setting.old).id == setting.new.id
    assert successor_of(db_session, setting.new) is None


def test_the_preview_lists_each_learner_and_what_carries_over(db_session, setting):
    plan = plan_move(db_session, setting.cohort, setting.old, setting.new)
    by_enrolment = {learner.enrolment.id: learner for learner in plan.learners}
    moving = by_enrolment[setting.moving.id]
    assert moving.status == MOVES
    assert sorted(_ref(db_session, d.criterion_id) for d in moving.carried) == ["K1", "P1"]
    assert moving.decide_again == ["P2"]
    assert [_ref(db_session, m.criterion_id) for m in moving.moved_claims] == ["P1", "K1", "P3"]
    assert sorted(_ref(db_session, m.criterion_id) for m in moving.set_aside) == ["P16", "P2"]
    assert by_enrolment[setting.signed.id].status == SIGNED_OFF
    assert by_enrolment[setting.gone.id].status == LEFT
    assert plan.problems() == []


def test_unchanged_text_carries_decisions_and_claims(db_session, setting):
    move = _move(db_session, setting)
    db_session.commit()
    assert setting.moving.standard_id == setting.new.id
    carried = db_session.scalars(select(Decision).where(Decision.carried_from_id.is_not(None))).all()
    assert sorted(_ref(db_session, d.criterion_id) for d in carried) == ["K1", "P1"]
    for copy in carried:
        original = db_session.get(Decision, copy.carried_from_id)
        assert (copy.outcome, copy.evidence_id, copy.review_id, copy.decided_by_id) == (
            original.outcome, original.evidence_id, original.review_id, original.decided_by_id)
        assert db_session.get(Criterion, original.criterion_id).standard_id == setting.old.id  # the original is untouched
        assert db_session.get(Criterion, copy.criterion_id).standard_id == setting.new.id
    claims = db_session.scalars(select(Mapping).where(Mapping.enrolment_id == setting.moving.id)).all()
    assert sorted(_ref(db_session, m.criterion_id) for m in claims) == ["K1", "P1", "P3"]
    assert {db_session.get(Criterion, m.criterion_id).standard_id for m in claims} == {setting.new.id}
    progress = db_session.get(EnrolmentProgress, setting.moving.id)
    assert (progress.pc_total, progress.pc_met, progress.k_total, progress.k_met) == (15, 1, 15, 0)
    assert [entry["decide_again"] for entry in move.details["moved"]] == [["P2"]]


def test_signed_off_and_departed_learners_stay_and_the_cohort_moves(db_session, setting):
    _move(db_session, setting)
    assert setting.signed.standard_id == setting.old.id
    assert setting.gone.standard_id == setting.old.id
    assert [pinned.standard_id for pinned in setting.cohort.standards] == [setting.new.id]


def test_evidence_waiting_for_a_decision_stops_the_whole_move(db_session, setting):
    learner = setting.moving.member.learner
    make_evidence(db_session, learner, setting.moving, ("P5",), title="Waiting")
    db_session.commit()
    plan = plan_move(db_session, setting.cohort, setting.old, setting.new)
    assert {p.enrolment.id: p.status for p in plan.learners}[setting.moving.id] == WAITING
    outcome = attempt(db_session, lambda: move_cohort(db_session, setting.admin, setting.cohort, setting.old, setting.new, plan.fingerprint))
    assert not outcome.done and "Alys Moving" in str(outcome.refused)
    assert setting.moving.standard_id == setting.old.id
    assert db_session.scalar(select(func.count()).select_from(VersionMove)) == 0


def test_the_move_is_one_transaction(db_session, setting, monkeypatch):
    from assessor.assessment import version_moves

    def fail(*args):
        raise Refused("stopped half-way")

    monkeypatch.setattr(version_moves, "_repin", fail)
    outcome = attempt(db_session, lambda: _move(db_session, setting))
    assert not outcome.done
    db_session.expire_all()
    assert setting.moving.standard_id == setting.old.id
    assert db_session.scalar(select(func.count()).select_from(Decision).where(Decision.carried_from_id.is_not(None))) == 0
    assert db_session.scalar(select(func.count()).select_from(Mapping).where(Mapping.enrolment_id == setting.moving.id)) == 5


def test_a_stale_preview_is_a_conflict(db_session, setting):
    plan = plan_move(db_session, setting.cohort, setting.old, setting.new)
    make_evidence(db_session, setting.moving.member.learner, setting.moving, ("P6",), status="draft")
    with pytest.raises(Conflict):
        move_cohort(db_session, setting.admin, setting.cohort, setting.old, setting.new, plan.fingerprint)


def test_only_a_newer_version_of_the_same_standard(db_session, setting):
    with pytest.raises(Refused):
        plan_move(db_session, setting.cohort, setting.new, setting.old)
    with pytest.raises(Refused):
        plan_move(db_session, setting.cohort, setting.old, None)


def test_another_provider_cannot_move_or_reverse(db_session, setting):
    with pytest.raises(Refused):
        _move(db_session, setting, actor=setting.other_admin)
    move = _move(db_session, setting)
    with pytest.raises(Refused):
        reverse_move(db_session, setting.other_admin, move, move.version)
    with pytest.raises(Refused):
        _move(db_session, setting, actor=setting.assessor)


def test_the_move_is_in_the_audit_chain(db_session, setting):
    move = _move(db_session, setting)
    db_session.commit()
    entries = db_session.scalars(select(AuditEntry).where(AuditEntry.action == "moved")).all()
    assert {(e.entity, e.entity_id) for e in entries} == {("version_move", move.id), ("enrolment", setting.moving.id)}
    learner_entry = next(e for e in entries if e.entity == "enrolment")
    assert learner_entry.learner_id == setting.moving.member.learner_id
    assert describe(learner_entry) == "Moved to SKSCMGS11 v4"
    assert ("To decide again", "–", "P2") in [(c.field, c.before, c.after) for c in changes(learner_entry)]
    assert verify_chain(db_session)[1] == []


def test_reversed_before_a_new_decision_puts_everything_back(db_session, setting):
    before = sorted((m.evidence_id, _ref(db_session, m.criterion_id), m.note) for m in db_session.scalars(select(Mapping)))
    move = _move(db_session, setting)
    db_session.commit()
    assert reversal_problems(db_session, move) == []
    reverse_move(db_session, setting.admin, move, move.version)
    db_session.commit()
    assert setting.moving.standard_id == setting.old.id
    assert [pinned.standard_id for pinned in setting.cohort.standards] == [setting.old.id]
    claims = db_session.scalars(select(Mapping)).all()
    assert sorted((m.evidence_id, _ref(db_session, m.criterion_id), m.note) for m in claims) == before
    assert {db_session.get(Criterion, m.criterion_id).standard_id for m in claims} == {setting.old.id}
    progress = db_session.get(EnrolmentProgress, setting.moving.id)
    assert (progress.pc_total, progress.pc_met) == (16, 2)
    assert db_session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action.in_(("reversed", "move_reversed")))) == 2
    with pytest.raises(Locked):
        reverse_move(db_session, setting.admin, move, move.version)


def test_moving_again_after_a_reversal_counts_the_newest_copy(db_session, setting):
    move = _move(db_session, setting)
    reverse_move(db_session, setting.admin, move, move.version)
    _move(db_session, setting)
    progress = db_session.get(EnrolmentProgress, setting.moving.id)
    assert (progress.pc_met, progress.pc_in_progress, progress.k_in_progress) == (1, 1, 1)  # P1 met; P3 claimed; K1 not yet
    copies = db_session.scalars(select(Decision).where(Decision.carried_from_id.is_not(None)).order_by(Decision.id)).all()
    assert [copy.sequence for copy in copies] == [1, 1, 2, 2]


def test_a_new_decision_ends_the_chance_to_reverse(db_session, setting):
    move = _move(db_session, setting)
    evidence = make_evidence(db_session, setting.moving.member.learner, setting.moving, ("P2",), title="New meeting")
    make_review(db_session, evidence, setting.moving, {"P2": "met"})
    problems = reversal_problems(db_session, move)
    assert len(problems) == 1
    assert "no longer be reversed" in str(problems[0][1])
    with pytest.raises(Locked) as refused:
        reverse_move(db_session, setting.admin, move, move.version)
    assert "decision" in str(refused.value)
    assert setting.moving.standard_id == setting.new.id


def test_a_reversal_from_a_stale_page_is_a_conflict(db_session, setting):
    move = _move(db_session, setting)
    db_session.flush()
    with pytest.raises(Conflict):
        reverse_move(db_session, setting.admin, move, move.version + 1)
    assert db_session.scalar(select(func.count()).select_from(Review)) >= 1


def test_a_learner_signed_off_on_the_old_version_is_not_enrolled_again(db_session, setting):
    from assessor.cohorts.enrolments import Assignment, enrol_learners, unenrolled_active_members

    _move(db_session, setting)
    assert setting.signed.member not in unenrolled_active_members(setting.cohort)
    iqa = setting.moving.iqa
    outcome = enrol_learners(db_session, setting.admin, setting.cohort, [setting.signed.member_id],
                             {setting.new.id: Assignment(setting.assessor.id, iqa.id)})
    assert outcome.enrolled == [] and len(outcome.unchanged) == 1


def test_an_enrolment_left_on_the_old_version_keeps_the_cohorts_setting(db_session, setting):
    from assessor.assessment.progress import times_required

    setting.cohort.standards[0].times_required = 2
    _move(db_session, setting)
    assert times_required(db_session, setting.signed) == 2
    assert times_required(db_session, setting.moving) == 2

"""Withdrawals, breaks in learning and transfers: dated, reasoned, kept, and refused when they make no sense."""
from datetime import date, timedelta

import pytest

from assessor.cohorts.models import BREAK_ENDED, BREAK_STARTED, TRANSFERRED_IN, TRANSFERRED_OUT, WITHDREW, CohortMember
from assessor.cohorts.movements import end_break, start_break, transfer, withdraw
from assessor.timeutil import today

from ..factories import make_cohort, shipped_standard
from assessor.core.acts import Refused


@pytest.fixture
def member(world):
    return world.a.enrolment.member


def test_withdrawal_is_recorded_with_date_reason_and_actor(db_session, world, member):
    withdraw(db_session, world.a.admin, member, effective_on=today(), reason=" Moved away ")
    assert member.status == "withdrawn"
    event = member.events[-1]
    assert (event.kind, event.effective_on, event.reason, event.actor) == (WITHDREW, today(), "Moved away", world.a.admin)
    assert db_session.get(CohortMember, member.id) is member


def test_a_reason_and_a_date_are_required(db_session, world, member):
    with pytest.raises(Refused, match="Enter the reason") as error:
        withdraw(db_session, world.a.admin, member, effective_on=today(), reason="  ")
    assert error.value.field == "reason"
    with pytest.raises(Refused, match="Enter the date"):
        start_break(db_session, world.a.admin, member, effective_on=None, reason="Illness")
    assert member.status == "active" and member.events == []


def test_the_date_cannot_precede_the_cohort(db_session, world, member):
    before = world.a.cohort.start_date - timedelta(days=1)
    with pytest.raises(Refused, match="before the cohort started"):
        withdraw(db_session, world.a.admin, member, effective_on=before, reason="x")


def test_a_break_starts_and_ends_in_order(db_session, world, member):
    started = today() - timedelta(days=10)
    start_break(db_session, world.a.admin, member, effective_on=started, reason="Illness")
    assert member.status == "on_break"
    with pytest.raises(Refused, match="already on a break"):
        start_break(db_session, world.a.admin, member, effective_on=today(), reason="Again")
    with pytest.raises(Refused, match="before the last change"):
        end_break(db_session, world.a.admin, member, effective_on=started - timedelta(days=1), reason="Back")
    end_break(db_session, world.a.admin, member, effective_on=today(), reason="Back")
    assert member.status == "active"
    assert [event.kind for event in member.events] == [BREAK_STARTED, BREAK_ENDED]
    with pytest.raises(Refused, match="not on a break"):
        end_break(db_session, world.a.admin, member, effective_on=today(), reason="Back")


def test_a_learner_on_a_break_can_withdraw_but_not_twice(db_session, world, member):
    start_break(db_session, world.a.admin, member, effective_on=today(), reason="Illness")
    withdraw(db_session, world.a.admin, member, effective_on=today(), reason="Not returning")
    with pytest.raises(Refused, match="has withdrawn"):
        withdraw(db_session, world.a.admin, member, effective_on=today(), reason="Again")
    with pytest.raises(Refused, match="has withdrawn"):
        start_break(db_session, world.a.admin, member, effective_on=today(), reason="x")


@pytest.fixture
def target(db_session, world):
    """Another cohort of provider A, on the world's standard and one more."""
    extra = shipped_standard(db_session, "LOCAL-SKSPP06")
    return make_cohort(db_session, world.a.provider, standards=[world.standard, extra], name="Target", start=date(2020, 1, 1))


def test_transfer_moves_the_learner_and_their_shared_enrolments(db_session, world, member, target):
    arrival = transfer(db_session, world.a.admin, member, target, effective_on=today(), reason="Evening classes")
    assert member.status == "transferred" and arrival.status == "active"
    assert arrival.cohort == target and arrival.learner == world.a.learner
    assert [(e.standard, e.assessor, e.iqa) for e in arrival.enrolments] == [(world.standard, world.a.assessor, world.a.iqa)]
    assert member.enrolments[0].standard == world.standard
    assert member.events[-1].kind == TRANSFERRED_OUT and member.events[-1].details["cohort"] == "Target"
    assert arrival.events[0].kind == TRANSFERRED_IN and arrival.events[0].details["cohort_id"] == world.a.cohort.id


def test_transfer_drops_standards_the_target_does_not_have(db_session, world, member):
    other = make_cohort(db_session, world.a.provider, standards=[shipped_standard(db_session, "LOCAL-SKSPP06")], name="Other")
    arrival = transfer(db_session, world.a.admin, member, other, effective_on=today(), reason="x")
    assert arrival.enrolments == []


def test_transfer_into_a_cohort_the_learner_is_in_is_refused(db_session, world, member, target):
    db_session.add(CohortMember(cohort=target, learner=world.a.learner))
    db_session.flush()
    with pytest.raises(Refused, match="already in Target"):
        transfer(db_session, world.a.admin, member, target, effective_on=today(), reason="x")
    with pytest.raises(Refused, match="already in"):
        transfer(db_session, world.a.admin, member, world.a.cohort, effective_on=today(), reason="x")
    assert member.status == "active"


def test_transfer_stays_within_the_provider(db_session, world, member):
    with pytest.raises(Refused, match="Choose the cohort"):
        transfer(db_session, world.a.admin, member, world.b.cohort, effective_on=today(), reason="x")
    with pytest.raises(Refused, match="Choose the cohort"):
        transfer(db_session, world.a.admin, member, None, effective_on=today(), reason="x")


def test_a_transferred_learner_cannot_move_again_from_the_old_cohort(db_session, world, member, target):
    transfer(db_session, world.a.admin, member, target, effective_on=today(), reason="x")
    third = make_cohort(db_session, world.a.provider, name="Third")
    with pytest.raises(Refused, match="has transferred"):
        transfer(db_session, world.a.admin, member, third, effective_on=today(), reason="x")


def test_a_transfer_needs_a_reason_and_changes_nothing_without_one(db_session, world, member, target):
    with pytest.raises(Refused, match="Enter the reason"):
        transfer(db_session, world.a.admin, member, target, effective_on=today(), reason="")
    assert member.status == "active" and target.members == []


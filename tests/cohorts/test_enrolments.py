"""Enrolling in bulk and changing one enrolment's assessor or IQA."""
import pytest

from assessor.accounts.models import ASSESSOR, IQA, LEARNER
from assessor.cohorts.enrolments import (
    Assignment,
    assignable_people,
    change_assignment,
    enrol_learners,
    unenrolled_active_members,
)
from assessor.cohorts.models import ASSIGNMENT_CHANGED, ENROLLED, CohortMember

from ..factories import make_cohort, make_user, shipped_standard
from assessor.core.acts import Refused


@pytest.fixture
def fresh(db_session, world):
    """A cohort of provider A on two standards with three active learners, none enrolled."""
    second = shipped_standard(db_session, "LOCAL-SKSPP06")
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard, second], name="Fresh")
    for number in range(3):
        learner = make_user(db_session, provider=world.a.provider, roles=[LEARNER], name=f"Learner {number}")
        db_session.add(CohortMember(cohort=cohort, learner=learner))
    db_session.flush()
    return cohort


def both(world, assessor=None, iqa=None):
    return Assignment((assessor or world.a.assessor).id, (iqa or world.a.iqa).id)


def for_all(cohort, assignment):
    return {pinned.standard_id: assignment for pinned in cohort.standards}


def test_enrols_the_chosen_learners_on_every_standard(db_session, world, fresh):
    chosen = [fresh.members[0].id, fresh.members[1].id]
    outcome = enrol_learners(db_session, world.a.admin, fresh, chosen, for_all(fresh, both(world)))
    assert len(outcome.enrolled) == 4
    assert {(e.assessor, e.iqa) for e in outcome.enrolled} == {(world.a.assessor, world.a.iqa)}
    assert fresh.members[2].enrolments == []
    assert [event.kind for event in fresh.members[0].events] == [ENROLLED, ENROLLED]


def test_all_active_learners_not_yet_enrolled(db_session, world, fresh):
    fresh.members[2].status = "withdrawn"
    enrol_learners(db_session, world.a.admin, fresh, [fresh.members[0].id], for_all(fresh, both(world)))
    outcome = enrol_learners(db_session, world.a.admin, fresh, [], for_all(fresh, both(world)), all_unenrolled=True)
    assert {e.member for e in outcome.enrolled} == {fresh.members[1]}
    with pytest.raises(Refused, match="Every active learner is already enrolled"):
        enrol_learners(db_session, world.a.admin, fresh, [], for_all(fresh, both(world)), all_unenrolled=True)


def test_unenrolled_counts_a_learner_missing_one_standard(world, fresh):
    fresh.members[0].status = "on_break"
    assert unenrolled_active_members(fresh) == fresh.members[1:]
    assert unenrolled_active_members(world.a.cohort) == []


def test_re_enrolling_changes_nothing_and_reports_it(db_session, world, fresh):
    member = fresh.members[0]
    enrol_learners(db_session, world.a.admin, fresh, [member.id], for_all(fresh, both(world)))
    other_assessor = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    outcome = enrol_learners(db_session, world.a.admin, fresh, [member.id], for_all(fresh, both(world, assessor=other_assessor)))
    assert outcome.enrolled == [] and len(outcome.unchanged) == 2
    assert {e.assessor for e in member.enrolments} == {world.a.assessor}


def test_learners_who_are_not_active_are_reported_not_enrolled(db_session, world, fresh):
    fresh.members[0].status = "on_break"
    outcome = enrol_learners(db_session, world.a.admin, fresh, [fresh.members[0].id], for_all(fresh, both(world)))
    assert outcome.not_active == [fresh.members[0]] and outcome.enrolled == []


def test_the_same_person_cannot_be_assessor_and_iqa(db_session, world, fresh):
    both_roles = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR, IQA], name="Dual Role")
    with pytest.raises(Refused, match="Dual Role cannot be both the assessor and the IQA") as error:
        enrol_learners(db_session, world.a.admin, fresh, [fresh.members[0].id], for_all(fresh, both(world, both_roles, both_roles)))
    assert error.value.field == f"iqa_{fresh.standards[0].standard_id}"
    assert fresh.members[0].enrolments == []


def test_assessor_and_iqa_must_hold_their_roles_in_the_provider(db_session, world, fresh):
    member_ids = [fresh.members[0].id]
    for assignment, words in [
        (Assignment(None, world.a.iqa.id), "Choose an assessor"),
        (Assignment(world.a.iqa.id, world.a.iqa.id), "Choose an assessor"),
        (Assignment(world.b.assessor.id, world.a.iqa.id), "Choose an assessor"),
        (Assignment(world.a.assessor.id, world.a.assessor.id), "Choose an IQA"),
        (Assignment(world.a.assessor.id, world.b.iqa.id), "Choose an IQA"),
    ]:
        with pytest.raises(Refused, match=words):
            enrol_learners(db_session, world.a.admin, fresh, member_ids, for_all(fresh, assignment))


def test_learners_must_be_chosen_from_this_cohort(db_session, world, fresh):
    with pytest.raises(Refused, match="at least one learner"):
        enrol_learners(db_session, world.a.admin, fresh, [], for_all(fresh, both(world)))
    with pytest.raises(Refused, match="no longer in this cohort"):
        enrol_learners(db_session, world.a.admin, fresh, [world.b.enrolment.member_id], for_all(fresh, both(world)))


def test_a_cohort_without_standards_cannot_enrol(db_session, world):
    empty = make_cohort(db_session, world.a.provider, name="Empty")
    with pytest.raises(Refused, match="no standards"):
        enrol_learners(db_session, world.a.admin, empty, [1], {})


def test_assignable_people_are_the_providers_holders_of_the_role(db_session, world):
    assert assignable_people(db_session, world.a.provider.id, ASSESSOR) == [world.a.assessor]
    assert assignable_people(db_session, world.a.provider.id, IQA) == [world.a.iqa]


def test_changing_an_assignment_records_before_and_after(db_session, world):
    new_iqa = make_user(db_session, provider=world.a.provider, roles=[IQA], name="New IQA")
    enrolment = world.a.enrolment
    assert change_assignment(db_session, world.a.admin, enrolment, Assignment(world.a.assessor.id, new_iqa.id), "Workload")
    assert enrolment.iqa == new_iqa
    (event,) = [e for e in enrolment.member.events if e.kind == ASSIGNMENT_CHANGED]
    assert event.details["iqa"] == {"before": world.a.iqa.name, "after": "New IQA"}
    assert "assessor" not in event.details and event.reason == "Workload" and event.actor == world.a.admin


def test_an_unchanged_assignment_records_nothing(db_session, world):
    enrolment = world.a.enrolment
    assert not change_assignment(db_session, world.a.admin, enrolment, Assignment(world.a.assessor.id, world.a.iqa.id))
    assert [e for e in enrolment.member.events if e.kind == ASSIGNMENT_CHANGED] == []


def test_an_assignment_change_keeps_assessor_and_iqa_apart(db_session, world):
    dual = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR, IQA])
    with pytest.raises(Refused, match="cannot be both"):
        change_assignment(db_session, world.a.admin, world.a.enrolment, Assignment(dual.id, dual.id))


def test_a_learner_who_left_keeps_their_assignments(db_session, world):
    world.a.enrolment.member.status = "withdrawn"
    with pytest.raises(Refused, match="has left this cohort"):
        change_assignment(db_session, world.a.admin, world.a.enrolment, Assignment(world.a.assessor.id, world.a.iqa.id))

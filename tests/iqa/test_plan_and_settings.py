"""The sampling plan and the times each criterion must be evidenced: rules, conflicts, repeats, audit, recounting."""
import pytest
from sqlalchemy import select

from assessor.accounts.models import ASSESSOR, LEARNER
from assessor.assessment.models import EnrolmentProgress
from assessor.assessment.progress import MET_STATUS, criterion_statuses, refresh_progress
from assessor.audit.models import AuditEntry
from assessor.iqa.sampling import plan_for, share_for
from assessor.iqa.services import save_plan, set_times_required
from assessor.standards.models import Criterion

from ..factories import make_evidence, make_review, make_user
from .builders import audit_count
from assessor.core.acts import Conflict, Refused


def test_the_first_save_creates_the_plan(db_session, world):
    plan = save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [world.a.assessor.id], 0)
    assert (plan.share_percent, plan.new_assessor_percent, plan.updated_by_id) == (20, 60, world.a.admin.id)
    assert [new.assessor_id for new in plan.new_assessors] == [world.a.assessor.id]
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "sampling_plan", AuditEntry.entity_id == plan.id))
    assert entry.action == "created" and entry.after == {"share_percent": 20, "new_assessor_percent": 60, "new_assessors": [world.a.assessor.id]}


def test_a_change_is_audited_with_before_and_after(db_session, world):
    plan = save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [world.a.assessor.id], 0)
    save_plan(db_session, world.a.admin, world.a.cohort, 30, 60, [], plan.version)
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "sampling_plan", AuditEntry.action == "changed"))
    assert entry.before["share_percent"] == 20 and entry.after == {"share_percent": 30, "new_assessor_percent": 60, "new_assessors": []}
    assert plan.new_assessors == [] and share_for(db_session, world.a.cohort.id, world.a.assessor.id)[0] == 30


def test_marking_an_assessor_new_alone_is_a_change_with_a_new_version(db_session, world):
    plan = save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [], 0)
    first = plan.version
    save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [world.a.assessor.id], first)
    assert plan.version == first + 1 and share_for(db_session, world.a.cohort.id, world.a.assessor.id)[0] == 60


def test_the_same_plan_posted_twice_is_saved_once(db_session, world):
    save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [], 0)
    save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [], 0)
    assert audit_count(db_session, "sampling_plan", plan_for(db_session, world.a.cohort.id).id) == 1


def test_a_plan_saved_from_a_stale_form_is_a_conflict(db_session, world):
    save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [], 0)
    with pytest.raises(Conflict, match="20% of each assessor's decisions and 60%"):
        save_plan(db_session, world.a.admin, world.a.cohort, 40, 60, [], 0)
    assert plan_for(db_session, world.a.cohort.id).share_percent == 20


@pytest.mark.parametrize(("share", "new_share", "field"), [
    (-1, 100, "share_percent"), (101, 100, "share_percent"), (None, 100, "share_percent"),
    (10, 101, "new_assessor_percent"), (50, 40, "new_assessor_percent"),
])
def test_shares_are_whole_per_cents_and_new_assessors_get_at_least_the_share(db_session, world, share, new_share, field):
    with pytest.raises(Refused) as refused:
        save_plan(db_session, world.a.admin, world.a.cohort, share, new_share, [], 0)
    assert refused.value.field == field and plan_for(db_session, world.a.cohort.id) is None


@pytest.mark.parametrize("who", ["b_assessor", "a_learner"])
def test_new_assessors_must_be_assessors_of_the_provider(db_session, world, who):
    person = world.b.assessor if who == "b_assessor" else make_user(db_session, provider=world.a.provider, roles=[LEARNER])
    with pytest.raises(Refused) as refused:
        save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [person.id], 0)
    assert refused.value.field == "new_assessors"


@pytest.mark.parametrize("who", ["iqa", "b_admin"])
def test_only_the_providers_administrators_plan(db_session, world, who):
    person = world.a.iqa if who == "iqa" else world.b.admin
    with pytest.raises(Refused):
        save_plan(db_session, person, world.a.cohort, 20, 60, [], 0)


# -- times required -------------------------------------------------------------------------------


def p4_status(db_session, enrolment) -> str:
    p4 = db_session.scalar(select(Criterion).where(Criterion.standard_id == enrolment.standard_id, Criterion.ref == "P4"))
    return criterion_statuses(db_session, enrolment)[p4.id]


def test_needing_evidence_twice_recounts_progress(db_session, world):
    pinned, enrolment = world.a.cohort.standards[0], world.a.enrolment
    refresh_progress(db_session, {enrolment.id})
    met_before = db_session.get(EnrolmentProgress, enrolment.id).pc_met
    assert p4_status(db_session, enrolment) == MET_STATUS
    assert set_times_required(db_session, world.a.admin, pinned, 2, 1) is True
    assert pinned.times_required == 2 and p4_status(db_session, enrolment) != MET_STATUS
    assert db_session.get(EnrolmentProgress, enrolment.id).pc_met == met_before - 1
    second = make_evidence(db_session, world.a.learner, enrolment, ("P4",), title="Second call")
    make_review(db_session, second, enrolment, {"P4": "met"})
    refresh_progress(db_session, {enrolment.id})
    assert p4_status(db_session, enrolment) == MET_STATUS
    assert db_session.get(EnrolmentProgress, enrolment.id).pc_met == met_before


def test_the_change_reaches_every_learner_on_the_standard_and_is_audited(db_session, world):
    pinned = world.a.cohort.standards[0]
    set_times_required(db_session, world.a.admin, pinned, 3, 1)
    for enrolment in (world.a.enrolment, *world.a.cohort.members[1].enrolments):
        assert db_session.get(EnrolmentProgress, enrolment.id) is not None
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "cohort_standard", AuditEntry.entity_id == pinned.id))
    assert (entry.actor_id, entry.before, entry.after) == (world.a.admin.id, {"times_required": 1}, {"times_required": 3})


def test_saving_the_same_number_changes_nothing(db_session, world):
    pinned = world.a.cohort.standards[0]
    assert set_times_required(db_session, world.a.admin, pinned, 1, 1) is False
    assert audit_count(db_session, "cohort_standard", pinned.id) == 0


@pytest.mark.parametrize("value", [0, 6, None, "2"])
def test_times_required_is_from_one_to_five(db_session, world, value):
    with pytest.raises(Refused) as refused:
        set_times_required(db_session, world.a.admin, world.a.cohort.standards[0], value, 1)
    assert refused.value.field == "times_required"


def test_a_stale_setting_is_a_conflict(db_session, world):
    pinned = world.a.cohort.standards[0]
    set_times_required(db_session, world.a.admin, pinned, 2, 1)
    with pytest.raises(Conflict, match="now 2"):
        set_times_required(db_session, world.a.admin, pinned, 3, 1)
    assert pinned.times_required == 2


@pytest.mark.parametrize("who", ["iqa", "assessor", "b_admin"])
def test_only_the_providers_administrators_change_the_setting(db_session, world, who):
    person = {"iqa": world.a.iqa, "assessor": world.a.assessor, "b_admin": world.b.admin}[who]
    with pytest.raises(Refused):
        set_times_required(db_session, person, world.a.cohort.standards[0], 2, 1)


def test_an_assessor_role_is_what_makes_someone_markable_as_new(db_session, world):
    both = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR, LEARNER])
    plan = save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [both.id], 0)
    assert [new.assessor_id for new in plan.new_assessors] == [both.id]


def test_a_plan_saved_by_someone_else_at_the_same_moment_is_a_conflict(db_session, world):
    from assessor.iqa.models import SamplingPlan

    plan = save_plan(db_session, world.a.admin, world.a.cohort, 20, 60, [], 0)
    loaded = plan.version
    table = SamplingPlan.__table__
    db_session.execute(table.update().where(table.c.id == plan.id).values(version=loaded + 1))
    with pytest.raises(Conflict, match="at the same moment"):
        save_plan(db_session, world.a.admin, world.a.cohort, 30, 60, [], loaded)

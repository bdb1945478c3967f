"""The changes of internal quality assurance: the sampling plan, the IQA's decision, the assessor's response, times required."""
from collections.abc import Iterable

from flask_babel import lazy_gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import ASSESSOR, User, UserRole
from ..assessment.progress import refresh_progress
from ..audit.services import record
from ..cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment
from ..core.acts import Conflict, Refused
from ..permissions import can_administer, can_plan_sampling, can_respond_to_referral, can_sample, is_iqa
from ..timeutil import utcnow
from .events import referral_answered, sample_decided
from .labels import STATUS_LABELS
from .models import AGREED, REFERRED, RESPONDED, NewAssessor, Sample, SamplingPlan
from .sampling import plan_for

TIMES_REQUIRED_MAX = 5


# -- the sampling plan --------------------------------------------------------------------------


def save_plan(
    session: Session, admin: User, cohort: Cohort, share_percent: int, new_assessor_percent: int,
    new_assessor_ids: Iterable[int], expected_version: int | None,
) -> SamplingPlan | None:
    """Create or change the cohort's plan; posting what is already saved changes nothing."""
    if not can_plan_sampling(admin, cohort.provider_id):
        raise Refused(_("Only the provider's administrators set the sampling plan."))
    _check_percent(share_percent, "share_percent")
    _check_percent(new_assessor_percent, "new_assessor_percent")
    if new_assessor_percent < share_percent:
        raise Refused(_("New assessors must be sampled at least as much as the others."), "new_assessor_percent")
    chosen = set(new_assessor_ids)
    _check_assessors(session, cohort.provider_id, chosen)
    plan = plan_for(session, cohort.id)
    before = plan_state(plan)
    after = {"share_percent": share_percent, "new_assessor_percent": new_assessor_percent, "new_assessors": sorted(chosen)}
    if before == after:
        return plan
    if (plan.version if plan else 0) != expected_version:
        raise _plan_conflict(plan)
    try:
        with session.begin_nested():
            plan = _apply_plan(session, plan, cohort, admin, after)
    except (IntegrityError, StaleDataError):
        raise _plan_conflict(None) from None
    record(session, admin, "created" if before is None else "changed", "sampling_plan", plan.id, before=before, after=after)
    return plan


def plan_state(plan: SamplingPlan | None) -> dict | None:
    if plan is None:
        return None
    chosen = sorted(new.assessor_id for new in plan.new_assessors)
    return {"share_percent": plan.share_percent, "new_assessor_percent": plan.new_assessor_percent, "new_assessors": chosen}


def _check_percent(value, field: str) -> None:
    if not isinstance(value, int) or not 0 <= value <= 100:
        raise Refused(_("Enter a whole number from 0 to 100."), field)


def _check_assessors(session: Session, provider_id: int, chosen: set[int]) -> None:
    query = select(User.id).join(UserRole).where(User.id.in_(chosen), User.provider_id == provider_id, UserRole.role == ASSESSOR)
    if set(session.scalars(query)) != chosen:
        raise Refused(_("Choose only assessors of this provider."), "new_assessors")


def _apply_plan(session: Session, plan: SamplingPlan | None, cohort: Cohort, admin: User, state: dict) -> SamplingPlan:
    if plan is None:
        plan = SamplingPlan(cohort_id=cohort.id)
        session.add(plan)
    plan.share_percent, plan.new_assessor_percent = state["share_percent"], state["new_assessor_percent"]
    plan.updated_at, plan.updated_by_id = utcnow(), admin.id
    kept = [new for new in plan.new_assessors if new.assessor_id in state["new_assessors"]]
    known = {new.assessor_id for new in kept}
    plan.new_assessors = kept + [NewAssessor(assessor_id=i) for i in state["new_assessors"] if i not in known]
    session.flush()
    return plan


def _plan_conflict(plan: SamplingPlan | None) -> Conflict:
    if plan is None:
        return Conflict(_("Someone else saved this sampling plan at the same moment. Check your changes and save again."))
    return Conflict(_(
        "Someone else saved this sampling plan while you were editing it: it now samples %(share)d%% of each "
        "assessor's decisions and %(new_share)d%% of new assessors' decisions. Check your changes and save again.",
        share=plan.share_percent, new_share=plan.new_assessor_percent,
    ))


# -- samples --------------------------------------------------------------------------------------


def decide_sample(
    session: Session, iqa: User, sample: Sample, outcome: str, comment: str, action: str, expected_version: int | None
) -> Sample:
    """The IQA agrees the sampled decision or refers it back with an action; the same form posted twice changes nothing."""
    if not can_sample(iqa, provider_of(sample), sample.enrolment.iqa_id, sample.assessor_id):
        if sample.assessor_id == iqa.id and is_iqa(iqa):
            raise Refused(_("You made this decision yourself, so another IQA must sample it."))
        raise Refused(_("Only the IQA assigned to this learner's standard can decide this sample."))
    if outcome not in (AGREED, REFERRED):
        raise Refused(_("Choose whether you agree with the decision or refer it back."), "outcome")
    comment = (comment or "").strip()
    action = (action or "").strip() if outcome == REFERRED else ""
    if outcome == REFERRED and not action:
        raise Refused(_("Say what the assessor must do when you refer the decision back."), "action")
    if (sample.status, sample.decided_by_id, sample.comment, sample.action) == (outcome, iqa.id, comment, action):
        return sample
    _check_version(sample, expected_version)
    if sample.status == AGREED:
        raise Refused(_("This sample has already been agreed."))
    if sample.status == REFERRED:
        raise Refused(_("This sample is with the assessor: wait for their response."))
    before = sample_state(sample)
    sample.status, sample.comment, sample.action = outcome, comment, action
    sample.decided_at, sample.decided_by_id = utcnow(), iqa.id
    _flush(session)
    refresh_progress(session, {sample.enrolment_id})
    record(session, iqa, outcome, "sample", sample.id, learner_id=learner_of(sample), before=before, after=sample_state(sample))
    sample_decided.send(sample, session=session)
    return sample


def respond_to_referral(session: Session, assessor: User, sample: Sample, response: str, expected_version: int | None) -> Sample:
    """The assessor says what they did about the IQA's action; the sample goes back to the IQA."""
    if not can_respond_to_referral(assessor, provider_of(sample), sample.assessor_id):
        raise Refused(_("Only the assessor who made the decision can respond to its referral."))
    response = (response or "").strip()
    if not response:
        raise Refused(_("Say what you have done about the IQA's action."), "response")
    if sample.status == RESPONDED and sample.response == response:
        return sample
    _check_version(sample, expected_version)
    if sample.status != REFERRED:
        raise Refused(_("This sample is not waiting for your response."))
    before = sample_state(sample)
    sample.status, sample.response, sample.responded_at = RESPONDED, response, utcnow()
    _flush(session)
    refresh_progress(session, {sample.enrolment_id})
    record(session, assessor, RESPONDED, "sample", sample.id, learner_id=learner_of(sample), before=before, after=sample_state(sample))
    referral_answered.send(sample, session=session)
    return sample


def sample_state(sample: Sample) -> dict:
    return {"status": sample.status, "comment": sample.comment, "action": sample.action, "response": sample.response}


def provider_of(sample: Sample) -> int:
    return sample.enrolment.member.cohort.provider_id


def learner_of(sample: Sample) -> int:
    return sample.enrolment.member.learner_id


def _check_version(sample: Sample, expected_version: int | None) -> None:
    if sample.version != expected_version:
        raise Conflict(_(
            "Someone else changed this sample since you opened it: it is now “%(status)s”. Check it and submit again.",
            status=STATUS_LABELS[sample.status],
        ))


def _flush(session: Session) -> None:
    """Write the sample; a writer who got there first (its version moved on in the database) is a conflict."""
    try:
        session.flush()
    except StaleDataError:
        raise Conflict(_("Someone else changed this sample at the same moment. Check it and submit again.")) from None


# -- times required -------------------------------------------------------------------------------


def set_times_required(session: Session, admin: User, pinned: CohortStandard, times_required, expected_times: int | None) -> bool:
    """How many pieces of met evidence each criterion of the cohort's standard needs; recounts its enrolments."""
    if not can_administer(admin, pinned.cohort.provider_id):
        raise Refused(_("Only the provider's administrators change this setting."))
    if not isinstance(times_required, int) or not 1 <= times_required <= TIMES_REQUIRED_MAX:
        raise Refused(_("Enter a whole number from 1 to %(most)d.", most=TIMES_REQUIRED_MAX), "times_required")
    before = pinned.times_required
    if times_required == before:
        return False
    changed = session.execute(
        update(CohortStandard)
        .where(CohortStandard.id == pinned.id, CohortStandard.times_required == expected_times)
        .values(times_required=times_required)
    ).rowcount
    session.refresh(pinned)
    if not changed:
        raise Conflict(_(
            "Someone else changed this setting while you were editing it: it is now %(count)d. Check and save again.",
            count=pinned.times_required,
        ))
    refresh_progress(session, enrolments_on(session, pinned))
    record(session, admin, "changed", "cohort_standard", pinned.id, before={"times_required": before}, after={"times_required": times_required})
    return True


def enrolments_on(session: Session, pinned: CohortStandard) -> list[int]:
    query = (
        select(Enrolment.id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .where(CohortMember.cohort_id == pinned.cohort_id, Enrolment.standard_id == pinned.standard_id)
    )
    return list(session.scalars(query))

"""Helpers for the dashboard tests: progress rows written directly and learners in bulk (query counts: tests/queries.py)."""
from datetime import datetime

from assessor.accounts.models import LEARNER
from assessor.assessment.models import EnrolmentProgress
from assessor.standards.criteria import assessable_criteria
from assessor.standards.models import PERFORMANCE

from ..factories import enrol, make_user


def set_progress(session, enrolment, *, pc_met=0, k_met=0, submitted=0, awaiting=0, oldest=None, signed_off_at=None,
                 countersigned_at=None, verified_at=None, last_activity: datetime | None = None) -> EnrolmentProgress:
    """The enrolment's counts as if refresh_progress had made them: met first, then submitted, the rest not started."""
    criteria = assessable_criteria(session, enrolment.standard_id)
    pc_total = sum(1 for criterion in criteria if criterion.kind == PERFORMANCE)
    k_total = len(criteria) - pc_total
    progress = session.get(EnrolmentProgress, enrolment.id) or EnrolmentProgress(enrolment_id=enrolment.id)
    progress.pc_total, progress.pc_met, progress.pc_submitted = pc_total, pc_met, submitted
    progress.pc_in_progress, progress.pc_not_started = 0, pc_total - pc_met - submitted
    progress.k_total, progress.k_met, progress.k_submitted, progress.k_in_progress = k_total, k_met, 0, 0
    progress.k_not_started = k_total - k_met
    progress.awaiting_decision, progress.oldest_awaiting_at = awaiting, oldest
    progress.signed_off_at, progress.countersigned_at, progress.verified_at = signed_off_at, countersigned_at, verified_at
    progress.last_activity_at = last_activity
    progress.statuses = {}
    session.add(progress)
    session.flush()
    return progress


def add_learners(session, provider, cohort, standard, how_many: int, *, assessor=None, names: str = "Learner", pc_met: int = 0):
    """`how_many` learners enrolled on the standard, each with `pc_met` performance criteria met."""
    enrolments = []
    for number in range(how_many):
        learner = make_user(session, provider=provider, roles=[LEARNER], name=f"{names} {number:04d}")
        enrolment = enrol(session, cohort, learner, standard, assessor=assessor)
        set_progress(session, enrolment, pc_met=pc_met)
        enrolments.append(enrolment)
    return enrolments

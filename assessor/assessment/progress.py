"""Each criterion's status for an enrolment, and the per-enrolment counts kept beside the decisions.

Every service that changes mappings, submissions, decisions, sign-offs or samples calls
`refresh_progress` in its own transaction, so dashboards read one row per enrolment instead of
scanning decisions.
"""
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..cohorts.models import CohortMember, CohortStandard, Enrolment
from ..evidence.models import SUBMITTED, Evidence, Mapping, Submission
from ..standards.criteria import assessable_criteria
from ..standards.models import KNOWLEDGE, PERFORMANCE, Criterion, Standard
from ..timeutil import aware
from .events import progress_refreshed
from .models import MET, Decision, EnrolmentProgress, Review, SignOff

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
AWAITING = "submitted"
MET_STATUS = "met"
CRITERION_STATUSES = (MET_STATUS, AWAITING, IN_PROGRESS, NOT_STARTED)


def times_required(session: Session, enrolment: Enrolment) -> int:
    query = (
        select(CohortStandard.times_required)
        .join(CohortMember, CohortMember.cohort_id == CohortStandard.cohort_id)
        .where(CohortMember.id == enrolment.member_id, CohortStandard.standard_id == enrolment.standard_id)
    )
    found = session.scalar(query)
    if found is None:  # an enrolment left on an earlier version when the cohort moved on (signed off): the cohort's setting
        urn = select(Standard.urn).where(Standard.id == enrolment.standard_id).scalar_subquery()
        same_urn = (
            select(CohortStandard.times_required)
            .join(CohortMember, CohortMember.cohort_id == CohortStandard.cohort_id)
            .join(Standard, Standard.id == CohortStandard.standard_id)
            .where(CohortMember.id == enrolment.member_id, Standard.urn == urn)
        )
        found = session.scalar(same_urn.limit(1))
    return found or 1


def latest_per_review(session: Session, enrolment_id: int) -> list[Decision]:
    """The latest decision for each (review, criterion): what each review says, corrections applied."""
    latest = (
        select(Decision.review_id, Decision.criterion_id, func.max(Decision.sequence).label("sequence"))
        .where(Decision.enrolment_id == enrolment_id)
        .group_by(Decision.review_id, Decision.criterion_id)
        .subquery()
    )
    query = select(Decision).join(
        latest,
        (Decision.review_id == latest.c.review_id)
        & (Decision.criterion_id == latest.c.criterion_id)
        & (Decision.sequence == latest.c.sequence),
    )
    return list(session.scalars(query.order_by(Decision.decided_at, Decision.id)))


def current_decisions(session: Session, enrolment_id: int) -> list[Decision]:
    """The decisions that count: each review's latest, less those a later submission of the same evidence decided again.

    A criterion met on submission 1 and not asked again on submission 2 keeps its decision from
    submission 1; one the assessor reopened on submission 2 counts as decided there.
    """
    decisions = latest_per_review(session, enrolment_id)
    numbers = _submission_numbers(session, {decision.review_id for decision in decisions})
    return counting(decisions, lambda decision: numbers[decision.review_id])


def counting(latest: list[Decision], submission_number: Callable[[Decision], int]) -> list[Decision]:
    """Of each review's latest decisions, those from the newest submission of their evidence that decided the criterion."""
    newest: dict[tuple[int, int], int] = {}
    for decision in latest:
        key = (decision.evidence_id, decision.criterion_id)
        newest[key] = max(newest.get(key, 0), submission_number(decision))
    return [d for d in latest if submission_number(d) == newest[(d.evidence_id, d.criterion_id)]]


def _submission_numbers(session: Session, review_ids: set[int]) -> dict[int, int]:
    if not review_ids:
        return {}
    query = select(Review.id, Submission.number).join(Submission, Submission.id == Review.submission_id).where(Review.id.in_(review_ids))
    return dict(session.execute(query).tuples().all())


def active_sign_off(session: Session, enrolment_id: int) -> SignOff | None:
    query = (
        select(SignOff)
        .where(SignOff.enrolment_id == enrolment_id, SignOff.withdrawn_at.is_(None))
        .order_by(SignOff.sequence.desc())
        .limit(1)
    )
    return session.scalar(query)


def criterion_statuses(session: Session, enrolment: Enrolment) -> dict[int, str]:
    """{criterion id: status} for every assessable criterion of the enrolment."""
    criteria = assessable_criteria(session, enrolment.standard_id)
    needed = times_required(session, enrolment)
    met_evidence: dict[int, set[int]] = defaultdict(set)
    decided: set[int] = set()
    for decision in current_decisions(session, enrolment.id):
        decided.add(decision.criterion_id)
        if decision.outcome == MET:
            met_evidence[decision.criterion_id].add(decision.evidence_id)
    claimed, awaiting = _claims(session, enrolment.id)
    statuses = {}
    for criterion in criteria:
        if len(met_evidence[criterion.id]) >= needed:
            statuses[criterion.id] = MET_STATUS
        elif criterion.id in awaiting:
            statuses[criterion.id] = AWAITING
        elif criterion.id in claimed or criterion.id in decided:
            statuses[criterion.id] = IN_PROGRESS
        else:
            statuses[criterion.id] = NOT_STARTED
    return statuses


def _claims(session: Session, enrolment_id: int) -> tuple[set[int], set[int]]:
    """Criteria claimed by any evidence, and those claimed by submitted evidence still awaiting this enrolment's review."""
    rows = session.execute(
        select(Mapping.criterion_id, Evidence.id, Evidence.status)
        .join(Evidence, Evidence.id == Mapping.evidence_id)
        .where(Mapping.enrolment_id == enrolment_id)
    ).all()
    reviewed = _reviewed_open_evidence(session, enrolment_id)
    claimed = {row.criterion_id for row in rows}
    awaiting = {row.criterion_id for row in rows if row.status == SUBMITTED and row.id not in reviewed}
    return claimed, awaiting


def _reviewed_open_evidence(session: Session, enrolment_id: int) -> set[int]:
    """Submitted evidence whose open submission this enrolment's assessor has already reviewed."""
    query = (
        select(Submission.evidence_id)
        .join(Review, Review.submission_id == Submission.id)
        .where(Review.enrolment_id == enrolment_id, Submission.closed_at.is_(None))
    )
    return set(session.scalars(query))


def awaiting_submissions(session: Session, enrolment_id: int) -> list[datetime]:
    """When each submission waiting for this enrolment's review was made."""
    reviewed = select(Review.submission_id).where(Review.enrolment_id == enrolment_id)
    query = (
        select(Submission.submitted_at)
        .join(Mapping, Mapping.evidence_id == Submission.evidence_id)
        .where(Mapping.enrolment_id == enrolment_id, Submission.closed_at.is_(None), Submission.id.not_in(reviewed))
        .distinct()
    )
    return [aware(moment) for moment in session.scalars(query)]


def refresh_progress(session: Session, enrolment_ids: Iterable[int]) -> None:
    """Recount the given enrolments, in the caller's transaction."""
    for enrolment_id in sorted(set(enrolment_ids)):
        enrolment = session.get(Enrolment, enrolment_id)
        if enrolment is not None:
            _refresh_one(session, enrolment)
    session.flush()
    progress_refreshed.send(session=session, enrolment_ids=set(enrolment_ids))


def _refresh_one(session: Session, enrolment: Enrolment) -> None:
    statuses = criterion_statuses(session, enrolment)
    kinds = dict(session.execute(select(Criterion.id, Criterion.kind).where(Criterion.id.in_(statuses))).tuples().all())
    counts = Counter((kinds[criterion_id], status) for criterion_id, status in statuses.items())
    progress = session.get(EnrolmentProgress, enrolment.id) or EnrolmentProgress(enrolment_id=enrolment.id)
    for prefix, kind in (("pc", PERFORMANCE), ("k", KNOWLEDGE)):
        setattr(progress, f"{prefix}_total", sum(n for (k, _s), n in counts.items() if k == kind))
        setattr(progress, f"{prefix}_met", counts[(kind, MET_STATUS)])
        setattr(progress, f"{prefix}_submitted", counts[(kind, AWAITING)])
        setattr(progress, f"{prefix}_in_progress", counts[(kind, IN_PROGRESS)])
        setattr(progress, f"{prefix}_not_started", counts[(kind, NOT_STARTED)])
    waiting = awaiting_submissions(session, enrolment.id)
    progress.awaiting_decision = len(waiting)
    progress.oldest_awaiting_at = min(waiting, default=None)
    _set_sign_off_times(session, progress, enrolment.id)
    progress.last_activity_at = _last_activity(session, enrolment.id)
    progress.statuses = {str(criterion_id): status for criterion_id, status in statuses.items()}
    session.add(progress)


def _set_sign_off_times(session: Session, progress: EnrolmentProgress, enrolment_id: int) -> None:
    sign_off = active_sign_off(session, enrolment_id)
    progress.signed_off_at = sign_off.signed_at if sign_off else None
    progress.countersigned_at = sign_off.learner_signed_at if sign_off else None


def _last_activity(session: Session, enrolment_id: int) -> datetime | None:
    moments = [
        session.scalar(
            select(func.max(Evidence.updated_at)).join(Mapping, Mapping.evidence_id == Evidence.id).where(Mapping.enrolment_id == enrolment_id)
        ),
        session.scalar(select(func.max(Decision.decided_at)).where(Decision.enrolment_id == enrolment_id)),
        session.scalar(select(func.max(SignOff.signed_at)).where(SignOff.enrolment_id == enrolment_id)),
        session.scalar(select(func.max(SignOff.learner_signed_at)).where(SignOff.enrolment_id == enrolment_id)),
    ]
    present = [aware(moment) for moment in moments if moment is not None]
    return max(present, default=None)

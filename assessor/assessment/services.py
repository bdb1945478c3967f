"""Reviewing submitted evidence criterion by criterion and closing the submission (corrections: corrections.py).

A decision row is never changed: a correction is a new row with the next sequence number and a
reason, so the history keeps both. The unique constraints on reviews and decisions turn two people
acting at once into a conflict for the second, never a silent overwrite.
"""
from flask_babel import lazy_gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..audit.services import record
from ..cohorts.models import Enrolment
from ..core.acts import Conflict, Refused
from ..evidence.models import ASSESSED, REFERRED, SUBMITTED, Evidence, Mapping, Submission
from ..evidence.snapshot import judged
from ..i18n import lazy_datetime
from ..permissions import can_assess
from ..standards.models import Criterion
from ..standards.references import reference
from ..timeutil import utcnow
from .claims import Claim, ToDecide, to_decide
from .events import evidence_decided, review_recorded
from .models import NOT_YET, OUTCOMES, Decision, Review
from .progress import current_decisions, refresh_progress

#: {criterion id: (outcome, feedback)}
Outcomes = dict[int, tuple[str | None, str]]


class AlreadyReviewed(Conflict):
    """The submission already has a review for this enrolment (another assessor's, or a form posted twice)."""

    def __init__(self, message: str, review: Review):
        super().__init__(message)
        self.review = review


def when(moment):
    """A moment as people read it, in their language when shown: 23 November 2026, 14:05."""
    return lazy_datetime(moment)


def learner_changed() -> str:
    return _("The learner changed this evidence while you were reviewing it. Read it again: your decisions are kept below.")


# -- reading --------------------------------------------------------------------------------


def review_of(session: Session, submission_id: int, enrolment_id: int) -> Review | None:
    return session.scalar(select(Review).where(Review.submission_id == submission_id, Review.enrolment_id == enrolment_id))


def claimed_criteria(session: Session, evidence_id: int, enrolment_id: int) -> list[Mapping]:
    """The evidence's claims on the enrolment's criteria, in the standard's order, with the learner's notes."""
    query = (
        select(Mapping)
        .join(Criterion, Criterion.id == Mapping.criterion_id)
        .where(Mapping.evidence_id == evidence_id, Mapping.enrolment_id == enrolment_id)
        .options(selectinload(Mapping.criterion).selectinload(Criterion.children))
        .order_by(Criterion.position)
    )
    return list(session.scalars(query))


def claimed_enrolments(submission: Submission) -> set[int]:
    """The enrolments whose criteria the submitted version claimed."""
    return {claim.enrolment_id for claim in judged(submission).claims}


def latest_decision(session: Session, review_id: int, criterion_id: int) -> Decision:
    query = select(Decision).where(Decision.review_id == review_id, Decision.criterion_id == criterion_id)
    return session.scalar(query.order_by(Decision.sequence.desc()).limit(1))


def decision_history(session: Session, decision: Decision) -> list[Decision]:
    """Every decision on the same criterion in the same review, first to latest."""
    query = select(Decision).where(Decision.review_id == decision.review_id, Decision.criterion_id == decision.criterion_id)
    return list(session.scalars(query.options(selectinload(Decision.decided_by)).order_by(Decision.sequence)))


def current_of(session: Session, review: Review) -> list[Decision]:
    """The decision that counts on each criterion of one review, in the order they were first made."""
    query = select(Decision).where(Decision.review_id == review.id)
    query = query.options(selectinload(Decision.criterion), selectinload(Decision.decided_by))
    latest: dict[int, Decision] = {}
    for decision in session.scalars(query.order_by(Decision.id)):
        if decision.criterion_id not in latest or decision.sequence > latest[decision.criterion_id].sequence:
            latest[decision.criterion_id] = decision
    return list(latest.values())


def enrolment_decisions(session: Session, enrolment_id: int) -> list[Decision]:
    """All the enrolment's decisions, corrections included, by criterion and then as they were made."""
    query = (
        select(Decision)
        .join(Criterion, Criterion.id == Decision.criterion_id)
        .where(Decision.enrolment_id == enrolment_id)
        .options(selectinload(Decision.criterion), selectinload(Decision.evidence), selectinload(Decision.decided_by))
        .order_by(Criterion.position, Decision.review_id, Decision.sequence)
    )
    return list(session.scalars(query))


# -- reviewing ------------------------------------------------------------------------------


def record_review(
    session: Session,
    assessor: User,
    submission: Submission,
    enrolment: Enrolment,
    outcomes: Outcomes,
    overall_feedback: str,
    expected_evidence_version: int,
    reopened: dict[int, str] | None = None,
) -> Review:
    """Record the assessor's decision on every criterion the submitted version claims in this enrolment.

    Criteria met on an earlier submission of the same evidence are carried over, not decided again,
    unless `reopened` gives a reason for deciding one again ({criterion id: reason}).
    """
    _check_assessor(assessor, enrolment)
    _check_still_open(session, assessor, submission, enrolment, expected_evidence_version)
    plan = to_decide(session, submission, enrolment.id)
    if not plan.claims:
        raise Refused(_("This evidence claims no criteria of this standard."))
    reopened = {cid: (reason or "").strip() for cid, reason in (reopened or {}).items() if cid in plan.carried}
    deciding = plan.asked + [claim for claim in plan.kept if claim.criterion_id in reopened]
    problems = reopen_problems(plan.kept, reopened) + outcome_problems(deciding, outcomes)
    if problems:
        raise Refused.listing(problems)
    review = _add_review(session, assessor, submission, enrolment, (overall_feedback or "").strip())
    evidence = submission.evidence
    after = {"reference": evidence.reference, "submission_id": submission.id, "enrolment_id": enrolment.id, "feedback": review.feedback,
             "carried_over": [claim.criterion.ref for claim in plan.kept if claim.criterion_id not in reopened]}
    record(session, assessor, "recorded", "review", review.id, learner_id=evidence.learner_id, after=after)
    _record_reopened(session, assessor, submission, plan, reopened)
    _add_decisions(session, assessor, review, deciding, outcomes, reopened)
    review_recorded.send(review, session=session)
    touched = _close_if_complete(session, assessor, submission)
    refresh_progress(session, touched | {enrolment.id})
    return review


def _record_reopened(session: Session, assessor: User, submission: Submission, plan: ToDecide, reopened: dict[int, str]) -> None:
    """Each reopened criterion in the audit chain: the met decision set aside, the reason, the submission."""
    evidence = submission.evidence
    for criterion_id, reason in reopened.items():
        earlier = plan.carried[criterion_id]
        after = {"reference": evidence.reference, "criterion": earlier.criterion.ref, "criterion_id": criterion_id,
                 "submission": submission.number, "reason": reason}
        record(session, assessor, "reopened", "decision", earlier.id, learner_id=evidence.learner_id,
               before={"outcome": earlier.outcome}, after=after)


def _add_decisions(session: Session, assessor: User, review: Review, claims: list[Claim], outcomes: Outcomes,
                   reopened: dict[int, str]) -> None:
    evidence = review.submission.evidence
    for claim in claims:
        outcome, feedback = outcomes[claim.criterion_id]
        decision = Decision(review_id=review.id, enrolment_id=review.enrolment_id, evidence_id=evidence.id,
                            criterion_id=claim.criterion_id, outcome=outcome, feedback=(feedback or "").strip(),
                            sequence=1, decided_by_id=assessor.id, reopen_reason=reopened.get(claim.criterion_id))
        session.add(decision)
        session.flush()
        after = _decision_fields(decision, evidence.reference, claim.criterion.ref)
        record(session, assessor, "decided", "decision", decision.id, learner_id=evidence.learner_id, after=after)


def reopen_problems(kept: list[Claim], reopened: dict[int, str]) -> list[tuple[str, str]]:
    """A reason for every criterion met before that the assessor decides again."""
    return [(f"reason_{claim.criterion_id}", _("Enter the reason for deciding %(code)s again.", code=reference(claim.criterion)))
            for claim in kept if claim.criterion_id in reopened and not reopened[claim.criterion_id]]


def outcome_problems(claims: list[Claim], outcomes: Outcomes) -> list[tuple[str, str]]:
    """A decision for every criterion asked, and feedback wherever it is not yet met."""
    problems = []
    for claim in claims:
        criterion_id, code = claim.criterion_id, reference(claim.criterion)
        outcome, feedback = outcomes.get(criterion_id, (None, ""))
        if outcome not in OUTCOMES:
            problems.append((f"outcome_{criterion_id}", _("Choose met or not yet met for %(code)s.", code=code)))
        elif outcome == NOT_YET and not (feedback or "").strip():
            message = _("Enter feedback for %(code)s: tell the learner what they still need to show.", code=code)
            problems.append((f"feedback_{criterion_id}", message))
    return problems


def _check_assessor(assessor: User, enrolment: Enrolment) -> None:
    if not can_assess(assessor, enrolment.member.cohort.provider_id, enrolment.assessor_id):
        raise Refused(_("Only the assessor assigned to this learner's standard can make or correct these decisions."))


def _check_still_open(session: Session, assessor: User, submission: Submission, enrolment: Enrolment, expected: int) -> None:
    existing = review_of(session, submission.id, enrolment.id)
    if existing is not None:
        raise _already_reviewed(assessor, existing)
    evidence = submission.evidence
    if evidence.status != SUBMITTED or evidence.version != expected:
        raise Conflict(learner_changed())
    if submission.closed_at is not None:
        raise Refused(_("This submission has already been decided. Nothing is waiting for your review."))


def _already_reviewed(assessor: User, existing: Review) -> AlreadyReviewed:
    moment = when(existing.created_at)
    if existing.assessor_id == assessor.id:
        return AlreadyReviewed(_("You already recorded your review of this evidence (%(when)s).", when=moment), existing)
    message = _(
        "%(name)s has already reviewed this evidence for this standard (%(when)s). Their decisions are shown below; yours were not saved.",
        name=existing.assessor.name,
        when=moment,
    )
    return AlreadyReviewed(message, existing)


def _add_review(session: Session, assessor: User, submission: Submission, enrolment: Enrolment, feedback: str) -> Review:
    review = Review(submission_id=submission.id, enrolment_id=enrolment.id, assessor_id=assessor.id, feedback=feedback)
    try:
        with session.begin_nested():
            session.add(review)
            session.flush()
    except IntegrityError:
        raise _already_reviewed(assessor, review_of(session, submission.id, enrolment.id)) from None
    return review


def _close_if_complete(session: Session, actor: User, submission: Submission) -> set[int]:
    """Close the submission once every enrolment it claimed has a review; the enrolments claimed."""
    claimed = claimed_enrolments(submission)
    reviewed = set(session.scalars(select(Review.enrolment_id).where(Review.submission_id == submission.id)))
    if claimed <= reviewed:
        submission.closed_at = utcnow()
        _set_outcome(session, actor, submission, submission_outcome(session, submission, claimed), "closed")
    return claimed


def submission_outcome(session: Session, submission: Submission, enrolment_ids: set[int]) -> str:
    """REFERRED when a decision that counts on a criterion the submission claimed is not yet met, else ASSESSED.

    Criteria carried over from an earlier submission count with their decision from then.
    """
    claimed = {(claim.enrolment_id, claim.criterion_id) for claim in judged(submission).claims}
    for enrolment_id in enrolment_ids:
        for decision in current_decisions(session, enrolment_id):
            mine = decision.evidence_id == submission.evidence_id and (enrolment_id, decision.criterion_id) in claimed
            if mine and decision.outcome == NOT_YET:
                return REFERRED
    return ASSESSED


def _set_outcome(session: Session, actor: User, submission: Submission, outcome: str, action: str) -> None:
    evidence: Evidence = submission.evidence
    before = {"outcome": submission.outcome, "status": evidence.status}
    submission.outcome, evidence.status = outcome, outcome
    try:
        session.flush()
    except StaleDataError:
        raise Conflict(learner_changed()) from None
    learner_id, reference = evidence.learner_id, evidence.reference
    record(session, actor, action, "submission", submission.id, learner_id=learner_id,
           before={"reference": reference, "outcome": before["outcome"]}, after={"reference": reference, "outcome": outcome})
    record(session, actor, outcome, "evidence", evidence.id, learner_id=learner_id,
           before={"reference": reference, "status": before["status"]}, after={"reference": reference, "status": outcome})
    evidence_decided.send(submission, session=session, outcome=outcome)


def _decision_fields(decision: Decision, reference: str, ref: str) -> dict:
    """What an audit entry keeps of a decision (ids for the record; the words shown are the reference and the criterion)."""
    fields = {"reference": reference, "criterion": ref, "criterion_id": decision.criterion_id,
              "evidence_id": decision.evidence_id, "outcome": decision.outcome, "feedback": decision.feedback}
    return fields | ({"reason": decision.correction_reason} if decision.correction_reason else {})

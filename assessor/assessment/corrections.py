"""Correcting a decision: a new row with the next sequence number and a reason, never an overwrite."""
from flask_babel import lazy_gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..audit.services import record
from ..cohorts.models import Enrolment
from ..core.acts import Conflict, Refused
from ..evidence.models import Submission
from .models import MET, NOT_YET, OUTCOMES, Decision
from .progress import active_sign_off, refresh_progress
from .services import (
    _check_assessor,
    _decision_fields,
    _set_outcome,
    claimed_enrolments,
    latest_decision,
    submission_outcome,
    when,
)


def correct_decision(
    session: Session, assessor: User, decision: Decision, outcome: str | None, feedback: str, reason: str
) -> Decision:
    """A new decision on the same criterion, sequence + 1, with the reason; the old one stays in the history."""
    review = decision.review
    enrolment = review.enrolment
    _check_assessor(assessor, enrolment)
    latest = latest_decision(session, decision.review_id, decision.criterion_id)
    feedback, reason = (feedback or "").strip(), (reason or "").strip()
    if latest.id != decision.id:
        if _repeats(latest, decision, assessor, (outcome, feedback, reason)):
            return latest
        raise Conflict(corrected_since(latest))
    _check_correction(session, decision, enrolment, outcome, feedback, reason)
    correction = Decision(review_id=review.id, enrolment_id=enrolment.id, evidence_id=decision.evidence_id,
                          criterion_id=decision.criterion_id, outcome=outcome, feedback=feedback,
                          sequence=decision.sequence + 1, correction_reason=reason, decided_by_id=assessor.id)
    try:
        with session.begin_nested():
            session.add(correction)
            session.flush()
    except IntegrityError:
        winner = latest_decision(session, decision.review_id, decision.criterion_id)
        raise Conflict(corrected_since(winner)) from None
    reference, ref = decision.evidence.reference, decision.criterion.ref
    before = _decision_fields(decision, reference, ref) | {"decision_id": decision.id}
    after = _decision_fields(correction, reference, ref)
    record(session, assessor, "corrected", "decision", correction.id, learner_id=decision.evidence.learner_id, before=before, after=after)
    touched = _resettle(session, assessor, review.submission)
    refresh_progress(session, touched | {enrolment.id})
    return correction


def _repeats(latest: Decision, decision: Decision, assessor: User, correction: tuple) -> bool:
    """The same correction posted twice: the latest is this assessor's identical correction of this decision."""
    made = (latest.outcome, latest.feedback, latest.correction_reason)
    return latest.sequence == decision.sequence + 1 and latest.decided_by_id == assessor.id and made == correction


def corrected_since(latest: Decision) -> str:
    return _(
        "This decision was corrected by %(name)s (%(when)s). Review the latest decision, shown here, before you correct it.",
        name=latest.decided_by.name,
        when=when(latest.decided_at),
    )


def _check_correction(
    session: Session, decision: Decision, enrolment: Enrolment, outcome: str | None, feedback: str, reason: str
) -> None:
    problems: list[tuple[str | None, str]] = []
    if outcome not in OUTCOMES:
        problems.append(("outcome", _("Choose met or not yet met.")))
    elif outcome == NOT_YET and not feedback:
        problems.append(("feedback", _("Enter feedback: tell the learner what they still need to show.")))
    if not reason:
        problems.append(("reason", _("Enter the reason for the correction.")))
    if not problems and (outcome, feedback) == (decision.outcome, decision.feedback):
        problems.append(("outcome", _("This correction changes nothing. Change the decision or its feedback.")))
    if problems:
        raise Refused.listing(problems)
    if decision.outcome == MET and outcome == NOT_YET and active_sign_off(session, enrolment.id) is not None:
        raise Refused(
            _("This standard has been signed off. Withdraw the sign-off first, then change a met decision to not yet met."), "outcome"
        )


def _resettle(session: Session, actor: User, submission: Submission) -> set[int]:
    """After a correction: the evidence's last submission, once decided, takes the outcome its decisions now give.

    A decision on an earlier submission can count for the last one (a met criterion carried over), so
    correcting it may change the last submission's outcome too.
    """
    last = submission.evidence.submissions[-1]
    claimed = claimed_enrolments(submission) | claimed_enrolments(last)
    if last.closed_at is None or last.evidence.status != last.outcome:
        return claimed
    outcome = submission_outcome(session, last, claimed_enrolments(last))
    if outcome != last.outcome:
        _set_outcome(session, actor, last, outcome, "outcome_changed")
    return claimed

"""Reviewing a submission criterion by criterion, corrections, and a learner's decision history."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from ..cohorts.models import Enrolment
from ..core.acts import Conflict, Refused, show_refusal
from ..db import get_session
from ..evidence.changes import since_previous
from ..evidence.labels import KIND_LABELS
from ..evidence.models import ASSESSED, REFERRED, Submission
from ..evidence.snapshot import judged
from ..i18n import format_date
from ..permissions import can_assess, can_view_learner
from ..standards.references import reference
from .blueprint import bp, enrolment_or_404
from .claims import ToDecide, earlier_decisions, to_decide
from .corrections import correct_decision
from .forms import CorrectionForm, ReviewForm, review_form
from .labels import CRITERION_STATUS_LABELS, CRITERION_STATUS_TAGS, OUTCOME_LABELS, OUTCOME_TAGS
from .models import Decision, Review
from .progress import criterion_statuses
from .services import (
    AlreadyReviewed,
    current_of,
    decision_history,
    enrolment_decisions,
    record_review,
    review_of,
    when,
)


def in_reader_language(text: str, text_en: str | None, language: str) -> tuple[str, str]:
    """(text, its language): the English rendering for an English reader when there is one, else the original."""
    if text_en and str(get_locale()) == "en":
        return text_en, "en"
    return text, language


@bp.context_processor
def review_helpers() -> dict:
    return {
        "format_date": format_date,
        "when": when,
        "outcome_labels": OUTCOME_LABELS,
        "outcome_tags": OUTCOME_TAGS,
        "criterion_status_labels": CRITERION_STATUS_LABELS,
        "criterion_status_tags": CRITERION_STATUS_TAGS,
        "kind_labels": KIND_LABELS,
        "criterion_text": lambda c: in_reader_language(c.text, c.text_en, c.standard.language),
        "standard_name": lambda s: in_reader_language(s.title, s.title_en, s.language),
    }




def _may_assess(enrolment: Enrolment) -> bool:
    return can_assess(current_user, enrolment.member.cohort.provider_id, enrolment.assessor_id)


def _may_view(enrolment: Enrolment, *assessor_ids: int) -> bool:
    learner = enrolment.member.learner
    return can_view_learner(current_user, learner, {enrolment.assessor_id, *assessor_ids} - {None}, {enrolment.iqa_id} - {None})


@bp.route("/submissions/<int:submission_id>/enrolments/<int:enrolment_id>", methods=["GET", "POST"])
def review(submission_id: int, enrolment_id: int):
    db = get_session()
    submission, enrolment, plan = _pair_or_404(submission_id, enrolment_id)
    done = review_of(db, submission.id, enrolment.id)
    if done is not None and request.method == "GET":
        return _reviewed(done)
    if not _may_assess(enrolment):
        abort(403)
    form = review_form(plan, submission.evidence.version)
    if not form.validate_on_submit():
        return _review_page(form, submission, enrolment, plan), status_code(form)
    if "mark_all" in request.form:
        form.mark_all_met(plan.asked)
        return _review_page(form, submission, enrolment, plan, marked=True)
    outcomes, feedback, reopened = form.outcomes(plan.claims), form.feedback.data or "", form.reopened(plan.kept)
    try:
        record_review(db, current_user, submission, enrolment, outcomes, feedback, form.evidence_version.data, reopened)
    except Refused as error:
        db.rollback()
        return _refused(error, form, submission, enrolment, plan)
    db.commit()
    flash(_review_done_message(submission), "success")
    return redirect(url_for(".queue"))


def _pair_or_404(submission_id: int, enrolment_id: int) -> tuple[Submission, Enrolment, ToDecide]:
    """The submission, the enrolment, and what the submitted version asks of it (404 when it claims none of its criteria)."""
    enrolment = enrolment_or_404(enrolment_id)
    submission = get_session().get(Submission, submission_id)
    plan = to_decide(get_session(), submission, enrolment.id) if submission else None
    if plan is None or not plan.claims:
        abort(404)
    return submission, enrolment, plan


def _refused(error: Refused, form: ReviewForm, submission: Submission, enrolment: Enrolment, plan: ToDecide):
    """The form again with what was typed, the reason, and the other assessor's decisions when they came first."""
    other = error.review if isinstance(error, AlreadyReviewed) else None
    if other is not None and other.assessor_id == current_user.id:
        flash(str(error), "info")
        return redirect(request.path)
    show_refusal(form, error)
    form.keep_version(submission.evidence.version)
    return _review_page(form, submission, enrolment, plan, other), status_for(error)


def status_for(error: Refused) -> int:
    return 409 if isinstance(error, Conflict) else 422


def status_code(form: FlaskForm) -> int:
    return 422 if form.errors else 200


def _review_done_message(submission: Submission) -> str:
    reference = submission.evidence.reference
    if submission.outcome == REFERRED:
        message = _("Your decisions on %(reference)s are saved. The evidence has gone back to the learner with your feedback.",
                    reference=reference)
    elif submission.outcome == ASSESSED:
        message = _("Your decisions on %(reference)s are saved. The evidence is assessed.", reference=reference)
    else:
        message = _("Your decisions on %(reference)s are saved. The evidence also claims another standard: "
                    "it is decided once that standard's assessor has reviewed it too.", reference=reference)
    return message


def _review_page(form: ReviewForm, submission: Submission, enrolment: Enrolment, plan: ToDecide, other: Review | None = None,
                 marked: bool = False):
    """The submission as it was submitted, what changed since the last one, and a decision for each criterion asked."""
    db = get_session()
    context = {
        "form": form,
        "submission": submission,
        "evidence": judged(submission),
        "changes": since_previous(submission),
        "enrolment": enrolment,
        "plan": plan,
        "marked": marked,
        "statuses": criterion_statuses(db, enrolment),
        "earlier": earlier_decisions(db, submission, enrolment.id),
        "other": other,
        "other_decisions": current_of(db, other) if other else [],
    }
    return render_template("assessment/review.html", **context)


def _reviewed(review: Review):
    """A review already made, read-only, with a link to correct each decision for the assessor who may."""
    enrolment = review.enrolment
    if not _may_view(enrolment, review.assessor_id):
        abort(403)
    submission = review.submission
    context = {"review": review, "submission": submission, "evidence": judged(submission), "enrolment": enrolment,
               "carried": to_decide(get_session(), submission, enrolment.id).carried}
    decisions = current_of(get_session(), review)
    return render_template("assessment/review_done.html", decisions=decisions, may_correct=_may_assess(enrolment), **context)


@bp.route("/decisions/<int:decision_id>/correct", methods=["GET", "POST"])
def correct(decision_id: int):
    db = get_session()
    decision = db.get(Decision, decision_id)
    if decision is None:
        abort(404)
    enrolment = enrolment_or_404(decision.enrolment_id)
    if not _may_assess(enrolment):
        abort(403)
    history = decision_history(db, decision)
    shown = {"outcome": history[-1].outcome, "feedback": history[-1].feedback}
    form = CorrectionForm() if request.method == "POST" else CorrectionForm(data=shown)
    status = 200
    if form.validate_on_submit():
        try:
            correct_decision(db, current_user, decision, form.outcome.data, form.feedback.data or "", form.reason.data or "")
        except Refused as error:
            db.rollback()
            show_refusal(form, error)
            status, history = status_for(error), decision_history(db, decision)
        else:
            db.commit()
            code = reference(decision.criterion)
            flash(_("Correction saved for %(code)s. The earlier decision stays in the history.", code=code), "success")
            return redirect(url_for(".review", submission_id=decision.review.submission_id, enrolment_id=enrolment.id))
    elif form.errors:
        status = 422
    context = {"decision": decision, "latest": history[-1], "history": history, "review": decision.review, "enrolment": enrolment}
    return render_template("assessment/correct.html", form=form, **context), status


@bp.get("/learners/<int:learner_id>/enrolments/<int:enrolment_id>/decisions")
def learner_decisions(learner_id: int, enrolment_id: int):
    enrolment = enrolment_or_404(enrolment_id)
    if enrolment.member.learner_id != learner_id:
        abort(404)
    if not _may_view(enrolment):
        abort(403)
    decisions = enrolment_decisions(get_session(), enrolment.id)
    latest = {(d.review_id, d.criterion_id): d.id for d in decisions}
    current = set(latest.values())
    return render_template("assessment/review_history.html", enrolment=enrolment, decisions=decisions, current=current,
                           may_correct=_may_assess(enrolment))

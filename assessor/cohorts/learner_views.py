"""One learner in a cohort: their enrolments and history; changing an assignment; withdrawal, breaks, transfers."""
from collections.abc import Callable

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..core.loading import as_id
from ..accounts.models import ASSESSOR, IQA
from ..db import get_session
from .blueprint import bp, enrolment_or_abort, member_or_abort, status_code
from .enrolments import Assignment, assignable_people, change_assignment
from .forms import AssignmentForm, MovementForm, TransferForm
from .models import Cohort, CohortMember
from .movements import end_break, other_cohorts, start_break, transfer, withdraw
from ..core.acts import attempt


@bp.get("/<int:cohort_id>/learners/<int:member_id>")
def learner(cohort_id: int, member_id: int):
    member = member_or_abort(cohort_id, member_id)
    history = sorted(member.events, key=lambda event: (event.effective_on, event.id), reverse=True)
    return render_template("cohorts/learner.html", cohort=member.cohort, member=member, history=history)


@bp.route("/<int:cohort_id>/learners/<int:member_id>/enrolments/<int:enrolment_id>", methods=["GET", "POST"])
def assignment(cohort_id: int, member_id: int, enrolment_id: int):
    member = member_or_abort(cohort_id, member_id)
    enrolment = enrolment_or_abort(member, enrolment_id)
    db = get_session()
    initial = {"assessor": str(enrolment.assessor_id or ""), "iqa": str(enrolment.iqa_id or "")}
    provider_id = member.cohort.provider_id
    form = AssignmentForm(data=initial).offer(assignable_people(db, provider_id, ASSESSOR), assignable_people(db, provider_id, IQA))
    if form.validate_on_submit():
        chosen = Assignment(as_id(form.assessor.data), as_id(form.iqa.data))
        outcome = attempt(db, lambda: change_assignment(db, current_user, enrolment, chosen, form.reason.data or ""), form)
        if outcome.done:
            changed = outcome.value
            flash(_("Assessor and IQA saved.") if changed else _("Nothing has changed."), "success" if changed else "info")
            return _to_learner(member)
    page = render_template("cohorts/assignment.html", cohort=member.cohort, member=member, enrolment=enrolment, form=form)
    return page, status_code(form)


def _to_learner(member: CohortMember):
    return redirect(url_for(".learner", cohort_id=member.cohort_id, member_id=member.id))


#: each dated, reasoned change: its service, the page's title, its button, and the message once done
MOVEMENTS: dict[str, tuple[Callable, object, object, object]] = {
    "withdraw": (withdraw, _l("Withdraw %(name)s"), _l("Withdraw learner"), _l("%(name)s has been withdrawn.")),
    "start_break": (
        start_break,
        _l("Start a break in learning for %(name)s"),
        _l("Start break"),
        _l("%(name)s is now on a break in learning."),
    ),
    "end_break": (
        end_break,
        _l("End the break in learning for %(name)s"),
        _l("End break"),
        _l("%(name)s is back from their break in learning."),
    ),
}


def _movement(cohort_id: int, member_id: int, action: str):
    member = member_or_abort(cohort_id, member_id)
    service, title, button, done = MOVEMENTS[action]
    form = MovementForm()
    if form.validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: service(db, current_user, member, effective_on=form.effective_on.data, reason=form.reason.data), form)
        if outcome.done:
            flash(str(done) % {"name": member.learner.name}, "success")
            return _to_learner(member)
    name = member.learner.name
    page = {"title": str(title) % {"name": name}, "button": button}
    return render_template("cohorts/movement.html", cohort=member.cohort, member=member, form=form, page=page), status_code(form)


@bp.route("/<int:cohort_id>/learners/<int:member_id>/withdraw", methods=["GET", "POST"])
def withdraw_learner(cohort_id: int, member_id: int):
    return _movement(cohort_id, member_id, "withdraw")


@bp.route("/<int:cohort_id>/learners/<int:member_id>/break/start", methods=["GET", "POST"])
def begin_break(cohort_id: int, member_id: int):
    return _movement(cohort_id, member_id, "start_break")


@bp.route("/<int:cohort_id>/learners/<int:member_id>/break/end", methods=["GET", "POST"])
def finish_break(cohort_id: int, member_id: int):
    return _movement(cohort_id, member_id, "end_break")


@bp.route("/<int:cohort_id>/learners/<int:member_id>/transfer", methods=["GET", "POST"])
def transfer_learner(cohort_id: int, member_id: int):
    member = member_or_abort(cohort_id, member_id)
    db = get_session()
    form = TransferForm().offer(other_cohorts(db, member.cohort))
    if form.validate_on_submit():
        target_id = as_id(form.target.data)
        target = db.get(Cohort, target_id) if target_id else None
        outcome = attempt(db, lambda: transfer(db, current_user, member, target, effective_on=form.effective_on.data, reason=form.reason.data), form)
        if outcome.done:
            arrival = outcome.value
            name, cohort = member.learner.name, arrival.cohort.name
            flash(_("%(name)s has been transferred to %(cohort)s.", name=name, cohort=cohort), "success")
            return redirect(url_for(".learner", cohort_id=arrival.cohort_id, member_id=arrival.id))
    return render_template("cohorts/transfer.html", cohort=member.cohort, member=member, form=form), status_code(form)

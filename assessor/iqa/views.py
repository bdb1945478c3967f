"""The IQA's queue and sample pages, and the assessor's referred decisions and their responses."""
from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.loading import as_id
from ..cohorts.blueprint import status_code
from ..db import get_session
from ..permissions import can_respond_to_referral, can_sample, is_assessor, is_iqa
from .blueprint import attempt_versioned, bp, sample_or_abort
from .forms import DecisionForm, ResponseForm
from .models import AGREED, PENDING, REFERRED, RESPONDED, Sample
from .queue import iqa_queue, referred_for_assessor, sample_detail
from .services import decide_sample, provider_of, respond_to_referral


@bp.get("/")
def queue():
    if not is_iqa(current_user):
        abort(403)
    samples = iqa_queue(get_session(), current_user, page=request.args.get("page", 1, type=int))
    return render_template("iqa/queue.html", samples=samples)


@bp.route("/samples/<int:sample_id>", methods=["GET", "POST"])
def sample(sample_id: int):
    sample = sample_or_abort(sample_id)
    if not can_sample(current_user, provider_of(sample), sample.enrolment.iqa_id, sample.assessor_id):
        abort(403)
    db = get_session()
    form = DecisionForm() if request.method == "POST" else DecisionForm(data={"version": sample.version})
    status = None
    if form.validate_on_submit():
        data = form.outcome.data, form.comment.data, form.action.data, as_id(form.version.data)
        outcome = attempt_versioned(form, partial(decide_sample, db, current_user, sample, *data), lambda: sample.version)
        if outcome.done:
            flash(_decided_message(sample), "success")
            return redirect(url_for(".queue"))
        status = outcome.status
    open_to_decide = sample.status in (PENDING, RESPONDED) or form.is_submitted()
    page = render_template("iqa/sample.html", detail=sample_detail(db, sample), form=form, open_to_decide=open_to_decide)
    return page, status or status_code(form)


def _decided_message(sample: Sample) -> str:
    learner = sample.enrolment.member.learner.name
    if sample.status == AGREED:
        return _("You agreed %(assessor)s's decision for %(name)s.", assessor=sample.assessor.name, name=learner)
    return _("You referred %(assessor)s's decision for %(name)s back with an action.", assessor=sample.assessor.name, name=learner)


@bp.get("/actions")
def actions():
    if not is_assessor(current_user):
        abort(403)
    return render_template("iqa/actions.html", samples=referred_for_assessor(get_session(), current_user))


@bp.route("/samples/<int:sample_id>/respond", methods=["GET", "POST"])
def respond(sample_id: int):
    sample = sample_or_abort(sample_id)
    if not can_respond_to_referral(current_user, provider_of(sample), sample.assessor_id):
        abort(403)
    db = get_session()
    form = ResponseForm() if request.method == "POST" else ResponseForm(data={"version": sample.version})
    status = None
    if form.validate_on_submit():
        change = partial(respond_to_referral, db, current_user, sample, form.response.data, as_id(form.version.data))
        outcome = attempt_versioned(form, change, lambda: sample.version)
        if outcome.done:
            flash(_("Your response has gone back to the IQA."), "success")
            return redirect(url_for(".actions"))
        status = outcome.status
    open_to_respond = sample.status == REFERRED or form.is_submitted()
    page = render_template("iqa/respond.html", detail=sample_detail(db, sample), form=form, open_to_respond=open_to_respond)
    return page, status or status_code(form)


from . import plan_views  # noqa: E402, F401  (its routes join the blueprint)

__all__ = ["bp"]

"""The provider's side of quality assurance: each cohort's sampling plan, times required per standard, the report."""
from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..core.loading import as_id
from ..accounts.models import ASSESSOR
from ..cohorts.blueprint import status_code
from ..cohorts.enrolments import assignable_people
from ..cohorts.models import Cohort
from ..db import get_session
from ..permissions import belongs_to, can_read_iqa_report
from .blueprint import attempt_versioned, bp, pinned_or_abort, planned_cohort_or_abort
from .forms import PlanForm, TimesRequiredForm
from .report import awaiting_sampling_report
from .sampling import DEFAULT_NEW_ASSESSOR_SHARE, DEFAULT_SHARE, plan_for
from .services import save_plan, set_times_required


@bp.route("/cohorts/<int:cohort_id>/plan", methods=["GET", "POST"])
def plan(cohort_id: int):
    cohort = planned_cohort_or_abort(cohort_id)
    db = get_session()
    current = plan_for(db, cohort.id)
    form = PlanForm() if request.method == "POST" else PlanForm(data=_plan_data(current))
    form.offer(assignable_people(db, cohort.provider_id, ASSESSOR))
    status = None
    if form.validate_on_submit():
        chosen, version = form.new_assessors.data or [], as_id(form.version.data)
        numbers = form.share_percent.data, form.new_assessor_percent.data
        change = partial(save_plan, db, current_user, cohort, *numbers, chosen, version)
        outcome = attempt_versioned(form, change, lambda: _version(plan_for(db, cohort.id)))
        if outcome.done:
            flash(_("Sampling plan for %(name)s saved.", name=cohort.name), "success")
            return redirect(url_for(".plan", cohort_id=cohort.id))
        status = outcome.status
    share = current.share_percent if current else DEFAULT_SHARE
    page = render_template("iqa/plan.html", cohort=cohort, form=form, has_plan=current is not None, every=every_nth(share), share=share)
    return page, status or status_code(form)


def _version(current) -> int:
    return current.version if current is not None else 0


def _plan_data(current) -> dict:
    if current is None:
        return {"share_percent": DEFAULT_SHARE, "new_assessor_percent": DEFAULT_NEW_ASSESSOR_SHARE, "new_assessors": [], "version": 0}
    chosen = [new.assessor_id for new in current.new_assessors]
    return {"share_percent": current.share_percent, "new_assessor_percent": current.new_assessor_percent,
            "new_assessors": chosen, "version": current.version}


def every_nth(percent: int) -> str | None:
    """How many reviews one sample stands for at this share, e.g. "4" at 25 %, "3.3" at 30 %."""
    return format_decimal(round(100 / percent, 1), format="#,##0.#") if percent else None


@bp.route("/cohorts/<int:cohort_id>/standards/<int:cohort_standard_id>", methods=["GET", "POST"])
def standard_settings(cohort_id: int, cohort_standard_id: int):
    cohort = planned_cohort_or_abort(cohort_id)
    pinned = pinned_or_abort(cohort, cohort_standard_id)
    db = get_session()
    initial = {"times_required": pinned.times_required, "expected": pinned.times_required}
    form = TimesRequiredForm() if request.method == "POST" else TimesRequiredForm(data=initial)
    status = None
    if form.validate_on_submit():
        wanted, expected = form.times_required.data, as_id(form.expected.data)
        change = partial(set_times_required, db, current_user, pinned, wanted, expected)
        outcome = attempt_versioned(form, change, lambda: pinned.times_required, field="expected")
        if outcome.done:
            _flash_times_required(outcome.value)
            return redirect(url_for(".plan", cohort_id=cohort.id))
        status = outcome.status
    page = render_template("iqa/standard_settings.html", cohort=cohort, pinned=pinned, form=form)
    return page, status or status_code(form)


def _flash_times_required(changed: bool) -> None:
    if changed:
        flash(_("Setting saved. Progress has been recounted for this standard's learners."), "success")
    else:
        flash(_("Nothing has changed."), "info")


@bp.get("/report")
def report():
    provider_id = current_user.provider_id
    if not can_read_iqa_report(current_user, provider_id):
        abort(403)
    db = get_session()
    cohort_id = as_id(request.args.get("cohort"))
    if cohort_id is not None:
        chosen = db.get(Cohort, cohort_id)
        if chosen is None or not belongs_to(current_user, chosen.provider_id):
            abort(404)
    cohorts = db.execute(select(Cohort.id, Cohort.name).where(Cohort.provider_id == provider_id).order_by(Cohort.name)).all()
    result = awaiting_sampling_report(db, provider_id, cohort_id)
    return render_template("iqa/report.html", report=result, cohorts=cohorts, cohort_id=cohort_id)

"""Cohorts, their learners and enrolments: the provider administrator's pages."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.models import ASSESSOR, IQA
from ..core.acts import attempt, validated
from ..db import get_session
from .blueprint import administered_provider_id, bp, cohort_or_abort, status_code
from .enrolments import EnrolOutcome, assignable_people, enrol_learners, unenrolled_active_members
from .forms import CohortForm, chosen_assignments, enrol_form
from .models import ACTIVE, MEMBER_STATUSES
from .services import (
    active_counts,
    check_cohort,
    create_cohort,
    list_cohorts,
    list_members,
    loaded_standards,
    status_counts,
    update_cohort,
)


@bp.get("/")
def index():
    provider_id = administered_provider_id()
    per_page = current_app.config["COHORTS_PER_PAGE"]
    cohorts = list_cohorts(get_session(), provider_id, page=request.args.get("page", 1, type=int), per_page=per_page)
    counts = active_counts(get_session(), [cohort.id for cohort in cohorts.items])
    return render_template("cohorts/index.html", cohorts=cohorts, counts=counts)


@bp.route("/new", methods=["GET", "POST"])
def new():
    provider_id = administered_provider_id()
    db = get_session()
    form = CohortForm().offer(loaded_standards(db))
    if validated(form, lambda: check_cohort(db, provider_id, **_details(form))):
        outcome = attempt(db, lambda: create_cohort(db, current_user, **_details(form)), form)
        if outcome.done:
            cohort = outcome.value
            flash(_("Cohort “%(name)s” created. Now add its learners.", name=cohort.name), "success")
            return redirect(url_for(".show", cohort_id=cohort.id))
    return render_template("cohorts/edit.html", form=form, cohort=None), status_code(form)


@bp.route("/<int:cohort_id>/edit", methods=["GET", "POST"])
def edit(cohort_id: int):
    cohort = cohort_or_abort(cohort_id)
    db = get_session()
    form = (CohortForm() if request.method == "POST" else CohortForm.for_cohort(cohort)).offer(loaded_standards(db))
    if validated(form, lambda: check_cohort(db, cohort.provider_id, cohort_id=cohort.id, **_details(form))):
        outcome = attempt(db, lambda: update_cohort(db, current_user, cohort, **_details(form)), form)
        if outcome.done:
            flash(_("Cohort “%(name)s” saved.", name=cohort.name), "success")
            return redirect(url_for(".show", cohort_id=cohort.id))
    return render_template("cohorts/edit.html", form=form, cohort=cohort), status_code(form)


def _details(form: CohortForm) -> dict:
    return {
        "name": form.name.data,
        "start_date": form.start_date.data,
        "target_end_date": form.target_end_date.data,
        "standard_ids": form.standards.data or [],
    }


@bp.get("/<int:cohort_id>")
def show(cohort_id: int):
    cohort = cohort_or_abort(cohort_id)
    status = request.args.get("status", "")
    status = status if status in MEMBER_STATUSES else ""
    per_page = current_app.config["COHORT_MEMBERS_PER_PAGE"]
    members = list_members(get_session(), cohort, status=status, page=request.args.get("page", 1, type=int), per_page=per_page)
    counts = status_counts(get_session(), cohort)
    context = {"members": members, "status": status, "counts": counts, "statuses": MEMBER_STATUSES}
    return render_template("cohorts/show.html", cohort=cohort, **context)


@bp.route("/<int:cohort_id>/enrol", methods=["GET", "POST"])
def enrol(cohort_id: int):
    cohort = cohort_or_abort(cohort_id)
    db = get_session()
    active = [member for member in cohort.members if member.status == ACTIVE]
    people = assignable_people(db, cohort.provider_id, ASSESSOR), assignable_people(db, cohort.provider_id, IQA)
    form = enrol_form(cohort, active, *people)
    if form.validate_on_submit():
        chosen, everyone = form.learners.data or [], form.all_unenrolled.data
        assignments = chosen_assignments(form, cohort)
        attempted = attempt(db, lambda: enrol_learners(db, current_user, cohort, chosen, assignments, all_unenrolled=everyone), form)
        if attempted.done:
            _flash_enrolled(attempted.value)
            return redirect(url_for(".show", cohort_id=cohort.id))
    unenrolled = {member.id for member in unenrolled_active_members(cohort)}
    page = render_template("cohorts/enrol.html", cohort=cohort, form=form, active=active, unenrolled=unenrolled)
    return page, status_code(form)


def _flash_enrolled(outcome: EnrolOutcome) -> None:
    flash(_("Enrolments made: %(count)d.", count=len(outcome.enrolled)), "success")
    if outcome.unchanged:
        names = sorted({member.learner.name for member, _standard in outcome.unchanged})
        flash(_("Already enrolled, left as they were: %(names)s.", names=", ".join(names)), "info")
    if outcome.not_active:
        names = sorted(member.learner.name for member in outcome.not_active)
        flash(_("Not enrolled because they are not active in this cohort: %(names)s.", names=", ".join(names)), "info")


from . import learner_views, upload_views  # noqa: E402, F401  (their routes join the blueprint)

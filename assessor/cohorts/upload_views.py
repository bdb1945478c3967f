"""Adding learners to a cohort: one at a time (enrolled at once if the administrator wants), or from a CSV file with a preview before anything is saved."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.models import ASSESSOR, IQA
from ..core.acts import attempt
from ..core.limits import takes_files
from ..db import get_session
from ..mail.services import MailSettings
from .arrivals import add_and_enrol
from .blueprint import bp, cohort_or_abort, status_code
from .enrolments import EnrolOutcome, assignable_people
from .forms import ConfirmUploadForm, UploadForm, learner_form
from .roster import MAX_BYTES, UploadError, read_roster, sign_rows, unsign_rows
from .services import AddedLearner, add_learner, check_roster, confirm_roster


def _mail() -> MailSettings:
    return MailSettings.from_config(current_app.config)


def _invitation_link(token: str) -> str:
    return url_for("accounts.accept_invitation", token=token, _external=True)


@bp.route("/<int:cohort_id>/learners/new", methods=["GET", "POST"])
def add_one(cohort_id: int):
    cohort = cohort_or_abort(cohort_id)
    db = get_session()
    form = learner_form(cohort, assignable_people(db, cohort.provider_id, ASSESSOR), assignable_people(db, cohort.provider_id, IQA))
    if form.validate_on_submit():
        person = {"name": form.name.data, "email": form.email.data, "link_for": _invitation_link}
        if cohort.standards and form.enrol.data:
            assignments = form.assignments(cohort)
            outcome = attempt(db, lambda: add_and_enrol(db, _mail(), current_user, cohort, assignments=assignments, **person), form)
        else:
            outcome = attempt(db, lambda: (add_learner(db, _mail(), current_user, cohort, **person), None), form)
        if outcome.done:
            _flash_added(*outcome.value)
            return redirect(url_for(".show", cohort_id=cohort.id))
    return render_template("cohorts/add_learner.html", cohort=cohort, form=form), status_code(form)


def _flash_added(added: AddedLearner, enrolled: EnrolOutcome | None = None) -> None:
    name = added.member.learner.name
    if added.already and not (enrolled and enrolled.enrolled):
        flash(_("%(name)s is already in this cohort. Nothing has changed.", name=name), "info")
    elif added.already:
        flash(_("%(name)s was already in this cohort.", name=name), "info")
    elif added.invited:
        flash(_("%(name)s has been added and sent an invitation to set a password.", name=name), "success")
    else:
        flash(_("%(name)s has been added to the cohort.", name=name), "success")
    if enrolled and enrolled.enrolled:
        standards = ", ".join(enrolment.standard.urn for enrolment in enrolled.enrolled)
        flash(_("%(name)s is enrolled on %(standards)s.", name=name, standards=standards), "success")


@bp.route("/<int:cohort_id>/learners/upload", methods=["GET", "POST"])
@takes_files
def upload(cohort_id: int):
    cohort = cohort_or_abort(cohort_id)
    form = UploadForm()
    if form.validate_on_submit():
        try:
            rows = read_roster(form.file.data.read(MAX_BYTES + 1))
        except UploadError as error:
            form.file.errors.append(str(error))
        else:
            checks = check_roster(get_session(), cohort, rows)
            confirm = ConfirmUploadForm(token=sign_rows(current_app.config["SECRET_KEY"], cohort.id, rows))
            return render_template("cohorts/upload_preview.html", cohort=cohort, checks=checks, confirm=confirm)
    return render_template("cohorts/upload.html", cohort=cohort, form=form), status_code(form)


@bp.post("/<int:cohort_id>/learners/upload/confirm")
@takes_files
def confirm_upload(cohort_id: int):
    cohort = cohort_or_abort(cohort_id)
    form = ConfirmUploadForm()
    try:
        if not form.validate_on_submit():
            raise UploadError(_("This preview has expired or is not valid. Upload the file again."))
        rows = unsign_rows(current_app.config["SECRET_KEY"], cohort.id, form.token.data)
    except UploadError as error:
        flash(str(error), "error")
        return redirect(url_for(".upload", cohort_id=cohort.id))
    db = get_session()
    outcome = confirm_roster(db, _mail(), current_user, cohort, rows, _invitation_link)
    db.commit()
    return render_template("cohorts/upload_done.html", cohort=cohort, outcome=outcome)

"""A provider's cohort export: start one, watch its progress, download the ZIP while it is kept."""
from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from ..cohorts.blueprint import cohort_or_abort
from ..cohorts.models import Cohort
from ..db import get_session
from ..i18n import format_datetime
from ..timeutil import utcnow
from .jobs import (
    DONE,
    EXPIRED,
    FAILED,
    QUEUED,
    RUNNING,
    ExportJob,
    download_name,
    downloadable,
    list_jobs,
    start_export,
)
from .labels import file_size
from .queueing import queue_or_fail
from .views import bp

LANGUAGE_LABELS = {"cy": _l("Welsh"), "en": _l("English")}
JOB_STATUS_LABELS = {
    QUEUED: _l("Waiting to start"),
    RUNNING: _l("Being prepared"),
    DONE: _l("Ready to download"),
    FAILED: _l("Failed"),
    EXPIRED: _l("Removed"),
}
#: GOV.UK tag colours for each state of an export
JOB_STATUS_TAGS = {
    QUEUED: "govuk-tag--grey",
    RUNNING: "govuk-tag--blue",
    DONE: "govuk-tag--green",
    FAILED: "govuk-tag--red",
    EXPIRED: "govuk-tag--grey",
}


class ExportForm(FlaskForm):
    language = RadioField(
        _l("Language of the documents"),
        choices=[SelectChoice(code, label) for code, label in LANGUAGE_LABELS.items()],
        validators=[InputRequired(message=_l("Choose the language of the documents."))],
    )


def export_dir() -> Path:
    return Path(current_app.config["EXPORT_DIR"])


def job_or_abort(cohort: Cohort, job_id: int) -> ExportJob:
    job = get_session().get(ExportJob, job_id)
    if job is None or job.cohort_id != cohort.id:
        abort(404)
    return job


def _page(template: str, status: int = 200, **context):
    labels = {"job_status_labels": JOB_STATUS_LABELS, "job_status_tags": JOB_STATUS_TAGS, "language_labels": LANGUAGE_LABELS}
    helpers = {"file_size": file_size, "format_datetime": format_datetime}
    retention = current_app.config["EXPORT_RETENTION_HOURS"]
    return render_template(template, retention_hours=retention, **labels, **helpers, **context), status


@bp.route("/cohorts/<int:cohort_id>/exports", methods=["GET", "POST"])
def cohort_exports(cohort_id: int):
    cohort = cohort_or_abort(cohort_id)
    db = get_session()
    form = ExportForm(language=str(get_locale()))
    if form.validate_on_submit():
        job, created = start_export(db, current_user, cohort, form.language.data, export_dir(), utcnow())
        db.commit()
        if created:
            _start(job)
        else:
            flash(_("An export in that language is already being prepared. Here is its progress."), "info")
        return redirect(url_for(".cohort_job", cohort_id=cohort.id, job_id=job.id))
    per_page = current_app.config["EXPORTS_PER_PAGE"]
    jobs = list_jobs(db, cohort.id, page=request.args.get("page", 1, type=int), per_page=per_page)
    return _page("export/cohort_exports.html", 422 if form.errors else 200, cohort=cohort, form=form, jobs=jobs)


def _start(job: ExportJob) -> None:
    if queue_or_fail(job):
        flash(_("The export has started. This page shows its progress."), "success")


@bp.get("/cohorts/<int:cohort_id>/exports/<int:job_id>")
def cohort_job(cohort_id: int, job_id: int):
    cohort = cohort_or_abort(cohort_id)
    job = job_or_abort(cohort, job_id)
    available = downloadable(export_dir(), job, utcnow()) is not None
    return _page("export/cohort_job.html", cohort=cohort, job=job, available=available)


@bp.get("/cohorts/<int:cohort_id>/exports/<int:job_id>/download")
def cohort_download(cohort_id: int, job_id: int):
    cohort = cohort_or_abort(cohort_id)
    job = job_or_abort(cohort, job_id)
    if job.status not in (DONE, EXPIRED):
        abort(404)
    path = downloadable(export_dir(), job, utcnow())
    if path is None:
        return _page("export/cohort_gone.html", 410, cohort=cohort, job=job)
    response = send_file(path, mimetype="application/zip", as_attachment=True, download_name=download_name(job), max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response

"""A learner's portfolio as a PDF: served from the cache when unchanged, else queued with a page that shows progress."""
from pathlib import Path

from flask import Blueprint, abort, current_app, redirect, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..accounts.models import User
from ..config import LANGUAGES
from ..db import get_session
from ..evidence.access import viewable_learner_or_abort
from ..i18n import format_datetime
from ..timeutil import utcnow
from .data import portfolio_data
from .filenames import portfolio_filename
from .fingerprint import portfolio_digest
from .jobs import PORTFOLIO_PDF, ExportJob, downloadable
from .labels import file_size
from .portfolio_jobs import cached_pdf, request_portfolio
from .queueing import queue_or_fail

bp = Blueprint("export", __name__)
bp.add_app_template_filter(file_size, "file_size")


bp.before_request(require_sign_in)


def export_dir() -> Path:
    return Path(current_app.config["EXPORT_DIR"])


def send_pdf(path: Path, learner: User, language: str):
    response = send_file(path, mimetype="application/pdf", as_attachment=True,
                         download_name=portfolio_filename(learner, language), max_age=0, etag=False, last_modified=None)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/learners/<int:learner_id>/portfolio.pdf")
def portfolio(learner_id: int):
    learner = viewable_learner_or_abort(learner_id)
    language = request.args.get("lang") or str(get_locale())
    if language not in LANGUAGES:
        abort(404)
    db, now = get_session(), utcnow()
    digest = portfolio_digest(portfolio_data(db, learner), language)
    cached = cached_pdf(db, export_dir(), learner.id, language, digest, now)
    if cached is not None:
        return send_pdf(cached, learner, language)
    job, created = request_portfolio(db, current_user, learner, language, digest, export_dir(), now)
    db.commit()
    if created:
        queue_or_fail(job)
    return redirect(url_for(".portfolio_job", learner_id=learner.id, job_id=job.id))


def portfolio_job_or_abort(learner: User, job_id: int) -> ExportJob:
    job = get_session().get(ExportJob, job_id)
    if job is None or job.kind != PORTFOLIO_PDF or job.learner_id != learner.id:
        abort(404)
    return job


@bp.get("/learners/<int:learner_id>/portfolio/jobs/<int:job_id>")
def portfolio_job(learner_id: int, job_id: int):
    learner = viewable_learner_or_abort(learner_id)
    job = portfolio_job_or_abort(learner, job_id)
    available = downloadable(export_dir(), job, utcnow()) is not None
    return render_template("export/portfolio_job.html", learner=learner, job=job, available=available,
                           format_datetime=format_datetime)


@bp.get("/learners/<int:learner_id>/portfolio/jobs/<int:job_id>/download")
def portfolio_job_download(learner_id: int, job_id: int):
    learner = viewable_learner_or_abort(learner_id)
    job = portfolio_job_or_abort(learner, job_id)
    path = downloadable(export_dir(), job, utcnow())
    if path is None:
        return redirect(url_for(".portfolio", learner_id=learner.id, lang=job.language))
    return send_pdf(path, learner, job.language)


from . import cohort_views  # noqa: E402, F401  (its routes join the blueprint)

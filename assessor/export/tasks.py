"""The export tasks a worker runs: a cohort's ZIP and a portfolio PDF, each idempotent, and the failure of either."""
import os
from datetime import timedelta
from pathlib import Path

from flask import Flask
from sqlalchemy.orm import Session

from ..core.tasks import RECOVERIES, enqueue, task, task_session
from ..db import reading
from ..storage.paths import storage_dir
from ..timeutil import utcnow
from . import jobs
from .cohort_zip import build_cohort_zip
from .data import portfolio_data
from .fingerprint import portfolio_digest
from .portfolio_jobs import finish_pdf, pdf_name
from .render import drawable_images, portfolio_html, render_pdf

COHORT_TASK = "export.cohort_zip"
PORTFOLIO_TASK = "export.portfolio_pdf"
FAILED_TASK = "export.job_failed"
TASK_OF_KIND = {jobs.COHORT_ZIP: COHORT_TASK, jobs.PORTFOLIO_PDF: PORTFOLIO_TASK}


def export_dir(app: Flask) -> Path:
    return Path(app.config["EXPORT_DIR"])


def keep_for(app: Flask) -> timedelta:
    return timedelta(hours=app.config["EXPORT_RETENTION_HOURS"])


def queue_job(app: Flask, job: jobs.ExportJob) -> None:
    enqueue(app, TASK_OF_KIND[job.kind], job.id)


def claimed(session: Session, job_id: int) -> jobs.ExportJob | None:
    """The job, claimed for this run and committed; None when it is finished or failed (a message delivered twice)."""
    job = jobs.claim(session, job_id, utcnow())
    session.commit()
    return job


@task(COHORT_TASK, queue="exports", on_exhausted=FAILED_TASK)
def make_cohort_zip(app: Flask, job_id: int) -> str | None:
    """The job's ZIP; a job already finished or failed is left alone (a message delivered twice)."""
    with task_session(app) as session:
        job = claimed(session, job_id)
        if job is None:
            return None

        def progress(done: int, total: int) -> None:
            jobs.record_progress(job, done, total, utcnow())
            session.commit()

        with reading():  # on SQLite, rendering reads without holding the write lock
            result = build_cohort_zip(app, session, job.cohort_id, job.language, export_dir(app) / job.file_path, progress)
        jobs.finish(job, size=result.size, sha256=result.sha256, failed=len(result.failures), now=utcnow(), keep_for=keep_for(app))
        session.commit()
        return job.status


@task(PORTFOLIO_TASK, queue="pdfs", on_exhausted=FAILED_TASK)
def make_portfolio_pdf(app: Flask, job_id: int) -> str | None:
    """The learner's PDF as their data stands now, kept under its digest (written whole, then renamed in)."""
    with task_session(app) as session:
        job = claimed(session, job_id)
        if job is None:
            return None
        with reading():  # on SQLite, rendering reads without holding the write lock
            data = portfolio_data(session, job.learner)
            digest = portfolio_digest(data, job.language)
            path = export_dir(app) / pdf_name(job.learner_id, job.language, digest)
            pdf = render_pdf(portfolio_html(data, job.language), storage_root=storage_dir(app), images=drawable_images(data))
        write_whole(path, pdf)
        finish_pdf(job, digest, len(pdf), utcnow(), keep_for(app))
        session.commit()
        return job.status


def write_whole(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(content)
    os.replace(partial, path)


@task(FAILED_TASK, queue="exports")
def record_failure(app: Flask, message: dict, retry_info: dict) -> None:
    """A task that kept failing: its job ends failed with the last error, and can be asked for again at once."""
    error = (message.get("options", {}).get("traceback") or "unknown error").strip().splitlines()[-1]
    attempts = retry_info.get("retries", 0) + 1
    with task_session(app) as session:
        job = session.get(jobs.ExportJob, message["args"][0])
        if job is not None and job.is_active:
            if job.kind == jobs.COHORT_ZIP:
                jobs.remove_files(export_dir(app), job)
            jobs.fail(job, f"{error} (after {attempts} attempts)", utcnow())
            session.commit()


def requeue_unfinished(app: Flask) -> int:
    """Queue again every job left queued or running (an in-memory broker lost their messages when it stopped)."""
    with task_session(app) as session:
        unfinished = jobs.unfinished(session)
    for job in unfinished:
        queue_job(app, job)
    return len(unfinished)


RECOVERIES.append(requeue_unfinished)

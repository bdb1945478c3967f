"""A cohort's ZIP, made outside the web request: worker processes render the PDFs, this process writes the ZIP.

The web page starts `python -m assessor.export.worker JOB_ID` detached; it reads its configuration
from the environment as the app does (DATABASE_URL, STORAGE_DIR, EXPORT_DIR, ...).
"""
import hashlib
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from flask import Flask
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from .. import create_app
from ..accounts.models import User
from ..db import make_engine, reading
from ..storage.paths import storage_dir
from ..timeutil import utcnow
from . import jobs
from .filenames import portfolio_filename
from .render import portfolio_pdf
from .summary import exported_members, summary_pdf

SUMMARY_NAME = "summary.pdf"
ERRORS_NAME = "errors.txt"
#: a worker process is replaced after this many documents (WeasyPrint's memory grows before it levels off)
RENDERS_PER_WORKER = 50
#: seconds one document may take before it counts as failed (EXPORT_RENDER_SECONDS overrides)
RENDER_SECONDS = 600
#: the app's settings the detached job process and the worker processes are given
CARRIED = ("DATABASE_URL", "STORAGE_DIR", "EXPORT_DIR", "EXPORT_WORKERS", "EXPORT_RETENTION_HOURS")

Progress = Callable[[int, int], None]
#: the app of this worker process, made once by the pool's initializer
_WORKER: dict[str, Flask] = {}


@dataclass
class ZipResult:
    names: list[str]
    #: (learner's name, what went wrong), for portfolios that could not be made
    failures: list[tuple[str, str]]
    size: int
    sha256: str


class RenderTimeout(Exception):
    """A document took longer than its time limit."""


def worker_config(app: Flask) -> dict:
    """The settings a worker process builds its own app from (plain values: they cross a process boundary)."""
    config = {key: app.config[key] for key in CARRIED}
    config["TESTING"] = app.config.get("TESTING", False)
    config["EXPORT_RENDER_SECONDS"] = app.config.get("EXPORT_RENDER_SECONDS", RENDER_SECONDS)
    return config


def build_cohort_zip(app_config: dict, cohort_id: int, language: str, out_path: Path, workers: int,
                     progress_callback: Progress | None = None) -> ZipResult:
    """Every learner's portfolio PDF and summary.pdf in a ZIP at `out_path`, rendered by `workers` processes.

    The ZIP is written beside `out_path` and renamed into place only when complete. A portfolio that
    cannot be made is listed in errors.txt and the others go on; a summary that cannot be made fails
    the whole ZIP. Needs an app context (errors.txt is worded in `language`).
    """
    learners = cohort_learners(app_config["DATABASE_URL"], cohort_id)
    report = progress_callback or (lambda done, total: None)
    report(0, len(learners))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".part")
    try:
        with _pool(app_config, workers) as pool, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            summary = pool.submit(_render_summary, cohort_id, language)
            failures = _write_portfolios(pool, archive, learners, language, report)
            archive.writestr(SUMMARY_NAME, summary.result())
            if failures:
                archive.writestr(ERRORS_NAME, errors_text(failures, language))
            names = archive.namelist()
        os.replace(partial, out_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return ZipResult(names, failures, out_path.stat().st_size, file_sha256(out_path))


def cohort_learners(database_url: str, cohort_id: int) -> list[tuple[int, str]]:
    """(id, name) of each learner whose portfolio the export holds."""
    engine = make_engine(database_url)
    try:
        with reading(), Session(engine) as session:
            return [(member.learner_id, member.learner.name) for member in exported_members(session, cohort_id)]
    finally:
        engine.dispose()


def _write_portfolios(pool, archive: zipfile.ZipFile, learners, language: str, report: Progress) -> list[tuple[str, str]]:
    pending = {pool.submit(_render_learner, learner_id, language): name for learner_id, name in learners}
    failures = []
    for done, future in enumerate(as_completed(pending), start=1):
        name = pending.pop(future)
        filename, pdf, error = future.result()
        if error is None:
            archive.writestr(filename, pdf)
        else:
            failures.append((name, error))
        report(done, len(learners))
    return sorted(failures)


def errors_text(failures: list[tuple[str, str]], language: str) -> str:
    with force_locale(language):
        heading = _("These portfolios could not be made:")
    return "\n".join([heading, *(f"- {name}: {error}" for name, error in failures)]) + "\n"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def _pool(app_config: dict, workers: int) -> Iterator[ProcessPoolExecutor]:
    """Worker processes started by a fork server (or spawned), never forked from this process."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["assessor.export.worker"])
    else:
        context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context, initializer=_start_worker,
                               initargs=(app_config,), max_tasks_per_child=RENDERS_PER_WORKER)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- inside each worker process ---------------------------------------------------------------


def _start_worker(app_config: dict) -> None:
    """A worker process's own app and database engine, made once."""
    app = create_app(app_config)
    app.app_context().push()
    _WORKER["app"] = app


def _render_learner(learner_id: int, language: str) -> tuple[str | None, bytes | None, str | None]:
    """(file name, PDF, None), or (None, None, what went wrong)."""
    app = _WORKER["app"]
    session = app.extensions["db_sessionmaker"]()
    try:
        with reading(), _time_limit(app.config.get("EXPORT_RENDER_SECONDS", RENDER_SECONDS)):
            learner = session.get(User, learner_id)
            if learner is None:
                raise LookupError(f"no learner with id {learner_id}")
            return portfolio_filename(learner, language), portfolio_pdf(session, learner, language, storage_dir(app)), None
    except Exception as error:  # noqa: BLE001  (one learner's failure is reported, the others go on)
        return None, None, f"{type(error).__name__}: {error}"
    finally:
        session.close()


def _render_summary(cohort_id: int, language: str) -> bytes:
    app = _WORKER["app"]
    session = app.extensions["db_sessionmaker"]()
    try:
        with reading(), _time_limit(app.config.get("EXPORT_RENDER_SECONDS", RENDER_SECONDS)):
            return summary_pdf(session, cohort_id, language)
    finally:
        session.close()


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    if not seconds or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(_signum, _frame):
        raise RenderTimeout(f"took longer than {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- the job process --------------------------------------------------------------------------


def run_job(job_id: int, config: dict | None = None, *, workers: int | None = None) -> str | None:
    """Make the ZIP of a queued job: its final status, or None when it was not queued (taken, finished or gone)."""
    app = create_app(config)
    with app.app_context():
        session = app.extensions["db_sessionmaker"]()
        try:
            return _run(app, session, job_id, workers or app.config["EXPORT_WORKERS"])
        finally:
            session.close()


def _run(app: Flask, session: Session, job_id: int, workers: int) -> str | None:
    job = jobs.claim(session, job_id, utcnow())
    session.commit()
    if job is None:
        return None

    def progress(done: int, total: int) -> None:
        jobs.record_progress(job, done, total, utcnow())
        session.commit()

    out_path = Path(app.config["EXPORT_DIR"]) / job.file_path
    try:
        result = build_cohort_zip(worker_config(app), job.cohort_id, job.language, out_path, workers, progress)
    except Exception as error:  # noqa: BLE001  (recorded on the job for the page to show)
        session.rollback()
        jobs.fail(job, f"{type(error).__name__}: {error}", utcnow())
    else:
        keep = timedelta(hours=app.config["EXPORT_RETENTION_HOURS"])
        jobs.finish(job, size=result.size, sha256=result.sha256, failed=len(result.failures), now=utcnow(), keep_for=keep)
    session.commit()
    return job.status


def launch(app: Flask, job_id: int) -> None:
    """Start the job in a process of its own, detached from the web request (reaped by a small thread)."""
    env = os.environ | {key: str(app.config[key]) for key in CARRIED}
    python = app.config.get("EXPORT_PYTHON") or sys.executable
    process = subprocess.Popen(
        [python, "-m", "assessor.export.worker", str(job_id)],
        env=env, start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    )
    threading.Thread(target=process.wait, name=f"export-job-{job_id}", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not args[0].isdigit():
        print("usage: python -m assessor.export.worker JOB_ID", file=sys.stderr)
        return 2
    return 0 if run_job(int(args[0])) in (jobs.DONE, None) else 1


if __name__ == "__main__":
    from assessor.export.worker import main as module_main  # under its own name, so the pool can pickle its functions

    sys.exit(module_main())

"""The import task a worker runs: file after file, each answered in its own transaction, and the failure of it."""
from flask import Flask
from sqlalchemy.orm import Session

from ..core.tasks import RECOVERIES, enqueue, task, task_session
from ..timeutil import utcnow
from . import import_jobs
from .citable import citable_refs
from .import_models import ScenarioImport

IMPORT_TASK = "scenarios.import"
FAILED_TASK = "scenarios.import_failed"


@task(IMPORT_TASK, queue="imports", on_exhausted=FAILED_TASK)
def run_import(app: Flask, job_id: int) -> str | None:
    """Import the job's files not yet answered, committing each; a finished job is left alone (delivered twice)."""
    with task_session(app) as session:
        job = import_jobs.claim(session, job_id, utcnow())
        session.commit()
        if job is None:
            return None
        standards = citable_refs(session, job.provider_id)
        while import_jobs.import_next(session, job, utcnow(), standards):
            session.commit()
        import_jobs.finish(job, utcnow())
        session.commit()
        return job.status


@task(FAILED_TASK, queue="imports")
def record_failure(app: Flask, message: dict, retry_info: dict) -> None:
    """An import that kept failing ends failed with the last error; the files answered before it are kept."""
    error = (message.get("options", {}).get("traceback") or "unknown error").strip().splitlines()[-1]
    with task_session(app) as session:
        job = session.get(ScenarioImport, message["args"][0])
        if job is not None and job.is_active:
            import_jobs.fail(job, f"{error} (after {retry_info.get('retries', 0) + 1} attempts)", utcnow())
            session.commit()


def queue_or_fail(app: Flask, session: Session, job: ScenarioImport) -> bool:
    """True when queued; else the job is failed with the broker's error (committed) and False."""
    try:
        enqueue(app, IMPORT_TASK, job.id)
    except Exception as error:  # noqa: BLE001  (any broker error: Redis down, refused, timed out)
        import_jobs.fail(job, f"could not queue the import: {type(error).__name__}: {error}", utcnow())
        session.commit()
        return False
    return True


def requeue_unfinished(app: Flask) -> int:
    """Queue again every import left queued or running (an in-memory broker lost their messages when it stopped)."""
    with task_session(app) as session:
        ids = [job.id for job in import_jobs.unfinished(session)]
    for job_id in ids:
        enqueue(app, IMPORT_TASK, job_id)
    return len(ids)


RECOVERIES.append(requeue_unfinished)

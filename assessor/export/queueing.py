"""Handing a job to the task queue from a request: a broker that cannot be reached fails the job with the reason."""
from flask import current_app

from ..db import get_session
from ..timeutil import utcnow
from .jobs import ExportJob, fail
from .tasks import queue_job


def queue_or_fail(job: ExportJob) -> bool:
    """True when queued; else the job is failed (so a new request can start again) and False."""
    try:
        queue_job(current_app._get_current_object(), job)
    except Exception as error:  # noqa: BLE001  (any broker error: Redis down, refused, timed out)
        fail(job, f"could not queue the job: {type(error).__name__}: {error}", utcnow())
        get_session().commit()
        return False
    return True

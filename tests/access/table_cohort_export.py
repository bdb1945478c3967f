"""Access table: cohort exports (provider administrators of the cohort's provider only)."""
from datetime import timedelta

from sqlalchemy.orm import object_session

from assessor.export.jobs import DONE, ExportJob
from assessor.timeutil import utcnow

from .routes import ADMIN, ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route


def _of_cohort(admin_gets: int) -> dict:
    return {ANON: TO_SIGN_IN, ADMIN: admin_gets, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def cohort(w) -> dict:
    return {"cohort_id": w.a.cohort.id}


def finished_job(w) -> dict:
    """A finished export of provider A's cohort whose file is not on disk (so its download is gone)."""
    session = object_session(w.a.cohort)
    now = utcnow()
    job = ExportJob(provider_id=w.a.provider.id, cohort_id=w.a.cohort.id, requested_by_id=w.a.admin.id, language="en",
                    status=DONE, total=2, done=2, file_path="no-such-export.zip", size=10, sha256="0" * 64,
                    finished_at=now, expires_at=now + timedelta(hours=1))
    session.add(job)
    session.flush()
    return cohort(w) | {"job_id": job.id}


ROUTES = [
    Route("export.cohort_exports", "GET", _of_cohort(200), args=cohort),
    Route("export.cohort_exports", "POST", _of_cohort(422), args=cohort),
    Route("export.cohort_job", "GET", _of_cohort(200), args=finished_job),
    Route("export.cohort_download", "GET", _of_cohort(410), args=finished_job),
]

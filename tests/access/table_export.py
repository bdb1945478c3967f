"""Access table: the portfolio PDF and its jobs (the learner, their assessor and IQA, and their provider's administrators)."""
from datetime import timedelta

from sqlalchemy.orm import object_session

from assessor.export.jobs import DONE, PORTFOLIO_PDF, ExportJob
from assessor.timeutil import utcnow

from .routes import ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route


def _of_learner(allowed_get: int) -> dict:
    return {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: allowed_get}


def finished_job(w) -> dict:
    """A finished portfolio PDF of provider A's learner whose file is not on disk (so its download makes it again)."""
    session = object_session(w.a.learner)
    now = utcnow()
    job = ExportJob(kind=PORTFOLIO_PDF, provider_id=w.a.provider.id, learner_id=w.a.learner.id, requested_by_id=w.a.learner.id,
                    language="en", status=DONE, total=1, done=1, digest="0" * 64, file_path="portfolios/no-such.pdf",
                    size=10, finished_at=now, expires_at=now + timedelta(hours=1))
    session.add(job)
    session.flush()
    return {"learner_id": w.a.learner.id, "job_id": job.id}


ROUTES = [
    #: not yet made: the render is queued and the reader sent to its progress page
    Route("export.portfolio", "GET", _of_learner(302), args=lambda w: {"learner_id": w.a.learner.id, "lang": "en"}),
    Route("export.portfolio_job", "GET", _of_learner(200), args=finished_job),
    #: its file gone: the reader is sent to have it made again
    Route("export.portfolio_job_download", "GET", _of_learner(302), args=finished_job),
]

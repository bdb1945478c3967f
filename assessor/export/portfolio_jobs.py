"""Portfolio PDFs made by a worker and kept under their digest: a cache hit, or the job that makes one."""
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..accounts.models import User
from .jobs import ACTIVE_STATUSES, DONE, PORTFOLIO_PDF, QUEUED, ExportJob, cleanup_expired, downloadable

#: a half-written PDF (its worker killed mid-write) older than this is removed by the next clean-up
PART_KEPT = timedelta(days=1)


def pdf_name(learner_id: int, language: str, digest: str) -> str:
    """Where a cached portfolio PDF lives, relative to EXPORT_DIR."""
    return f"portfolios/portfolio-{learner_id}-{language}-{digest}.pdf"


def _with_digest(learner_id: int, language: str, digest: str):
    return select(ExportJob).where(ExportJob.kind == PORTFOLIO_PDF, ExportJob.learner_id == learner_id,
                                   ExportJob.language == language, ExportJob.digest == digest)


def cached_pdf(session: Session, export_dir: Path, learner_id: int, language: str, digest: str, now: datetime) -> Path | None:
    """The PDF already made of exactly this data, while it is kept."""
    for job in session.scalars(_with_digest(learner_id, language, digest).where(ExportJob.status == DONE)):
        path = downloadable(export_dir, job, now)
        if path is not None:
            return path
    return None


def request_portfolio(session: Session, user: User, learner: User, language: str, digest: str, export_dir: Path,
                      now: datetime) -> tuple[ExportJob, bool]:
    """A new queued job for this digest, or the one already making it (and False)."""
    cleanup_expired(session, export_dir, now)
    remove_stale_parts(export_dir, now)
    active = _with_digest(learner.id, language, digest).where(ExportJob.status.in_(ACTIVE_STATUSES))
    existing = session.scalar(active)
    if existing is not None:
        return existing, False
    job = ExportJob(kind=PORTFOLIO_PDF, provider_id=learner.provider_id, learner_id=learner.id, requested_by_id=user.id,
                    language=language, digest=digest, status=QUEUED, total=1, created_at=now, updated_at=now,
                    file_path=pdf_name(learner.id, language, digest))
    try:
        with session.begin_nested():
            session.add(job)
    except IntegrityError:
        return session.scalar(active), False
    return job, True


def finish_pdf(job: ExportJob, digest: str, size: int, now: datetime, keep_for: timedelta) -> None:
    """Done, under the digest of what was rendered (the data may have moved on since the request)."""
    job.status, job.digest, job.file_path, job.size, job.done = DONE, digest, pdf_name(job.learner_id, job.language, digest), size, 1
    job.finished_at, job.updated_at, job.expires_at = now, now, now + keep_for


def remove_stale_parts(export_dir: Path, now: datetime) -> int:
    """Remove half-written PDFs left by workers that died while writing: how many."""
    stale = [path for path in (Path(export_dir) / "portfolios").glob("*.part")
             if path.stat().st_mtime < (now - PART_KEPT).timestamp()]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)

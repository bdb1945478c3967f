"""Cohort exports: the job row that tracks one ZIP from request to removal, and the rules around it."""
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..accounts.models import User
from ..cohorts.models import Cohort
from ..core.pages import Page, paginate
from ..db import Base
from ..timeutil import aware, utcnow
from .filenames import slug

QUEUED = "queued"
RUNNING = "running"
DONE = "done"
FAILED = "failed"
EXPIRED = "expired"
JOB_STATUSES = (QUEUED, RUNNING, DONE, FAILED, EXPIRED)
#: a job in one of these is still being made: a second request for it shows this one
ACTIVE_STATUSES = (QUEUED, RUNNING)
#: a queued or running job that has not moved for this long is taken to have died
STALE_AFTER = timedelta(hours=2)


class ExportJob(Base):
    """One cohort export: every learner's portfolio PDF and the cohort summary in a ZIP, kept for a while."""

    __tablename__ = "export_jobs"
    __table_args__ = (
        Index(
            "uq_export_jobs_one_active",
            "cohort_id",
            "language",
            unique=True,
            sqlite_where=text("status IN ('queued', 'running')"),
            postgresql_where=text("status IN ('queued', 'running')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: the documents' language, "cy" or "en"
    language: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(10), default=QUEUED)
    #: learners whose portfolio goes in the ZIP
    total: Mapped[int] = mapped_column(Integer, default=0)
    #: portfolios finished so far (made or failed)
    done: Mapped[int] = mapped_column(Integer, default=0)
    #: portfolios that could not be made (listed in the ZIP's errors.txt)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    #: technical detail of why the job failed
    error: Mapped[str | None] = mapped_column(Text)
    #: the ZIP, relative to EXPORT_DIR
    file_path: Mapped[str | None] = mapped_column(String(300))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: the last sign of life: creation, start or progress
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    cohort: Mapped[Cohort] = relationship()
    requested_by: Mapped[User] = relationship()

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


def active_job(session: Session, cohort_id: int, language: str) -> ExportJob | None:
    query = select(ExportJob).where(
        ExportJob.cohort_id == cohort_id, ExportJob.language == language, ExportJob.status.in_(ACTIVE_STATUSES)
    )
    return session.scalar(query)


def start_export(session: Session, user: User, cohort: Cohort, language: str, export_dir: Path, now: datetime) -> tuple[ExportJob, bool]:
    """A new queued job, or the one already queued or running for this cohort and language (and False)."""
    cleanup_expired(session, export_dir, now)
    existing = active_job(session, cohort.id, language)
    if existing is not None:
        return existing, False
    job = ExportJob(provider_id=cohort.provider_id, cohort_id=cohort.id, requested_by_id=user.id, language=language,
                    status=QUEUED, created_at=now, updated_at=now)
    try:
        with session.begin_nested():
            session.add(job)
    except IntegrityError:
        return active_job(session, cohort.id, language), False
    return job, True


def list_jobs(session: Session, cohort_id: int, *, page: int = 1, per_page: int = 20) -> Page:
    query = select(ExportJob).where(ExportJob.cohort_id == cohort_id).order_by(ExportJob.created_at.desc(), ExportJob.id.desc())
    return paginate(session, query, page, per_page)


def zip_name(job: ExportJob) -> str:
    """Where the job's ZIP lives, relative to EXPORT_DIR."""
    return f"cohort-{job.cohort_id}-export-{job.id}.zip"


def download_name(job: ExportJob) -> str:
    return f"cohort-{slug(job.cohort.name)}-{job.cohort_id}-{job.language}.zip"


def claim(session: Session, job_id: int, now: datetime) -> ExportJob | None:
    """Mark a queued job running, once: None when it is not queued (already taken, finished or gone)."""
    taken = session.execute(
        update(ExportJob)
        .where(ExportJob.id == job_id, ExportJob.status == QUEUED)
        .values(status=RUNNING, started_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:
        return None
    job = session.get(ExportJob, job_id, populate_existing=True)
    job.file_path = zip_name(job)
    return job


def record_progress(job: ExportJob, done: int, total: int, now: datetime) -> None:
    job.done, job.total, job.updated_at = done, total, now


def finish(job: ExportJob, *, size: int, sha256: str, failed: int, now: datetime, keep_for: timedelta) -> None:
    job.status, job.size, job.sha256, job.failed = DONE, size, sha256, failed
    job.finished_at, job.updated_at, job.expires_at = now, now, now + keep_for


def fail(job: ExportJob, error: str, now: datetime) -> None:
    job.status, job.error, job.finished_at, job.updated_at = FAILED, error[:2000], now, now


def job_file(export_dir: Path, job: ExportJob) -> Path | None:
    """The job's ZIP on disk, if its recorded path stays inside the export folder."""
    if not job.file_path:
        return None
    root = Path(export_dir).resolve()
    path = (root / job.file_path).resolve()
    return path if path.is_relative_to(root) and path != root else None


def downloadable(export_dir: Path, job: ExportJob, now: datetime) -> Path | None:
    """The ZIP while it is kept: None once it has expired or been removed."""
    if job.status != DONE or job.expires_at is None or aware(job.expires_at) <= now:
        return None
    path = job_file(export_dir, job)
    return path if path is not None and path.is_file() else None


@dataclass
class Cleanup:
    expired: int
    stale: int


def cleanup_expired(session: Session, export_dir: Path, now: datetime) -> Cleanup:
    """Remove ZIPs past their time (the jobs become expired) and fail jobs that stopped moving."""
    expired = list(session.scalars(select(ExportJob).where(ExportJob.status == DONE, ExportJob.expires_at <= now)))
    for job in expired:
        _remove_files(export_dir, job)
        job.status = EXPIRED
    stale_query = select(ExportJob).where(ExportJob.status.in_(ACTIVE_STATUSES), ExportJob.updated_at < now - STALE_AFTER)
    stale = list(session.scalars(stale_query))
    for job in stale:
        _remove_files(export_dir, job)
        fail(job, f"stopped: no progress since {aware(job.updated_at).isoformat(timespec='seconds')}", now)
    session.flush()
    return Cleanup(len(expired), len(stale))


def _remove_files(export_dir: Path, job: ExportJob) -> None:
    path = job_file(export_dir, job)
    if path is not None:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".part").unlink(missing_ok=True)


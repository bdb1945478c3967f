"""Export jobs: the row that tracks one queued document (a cohort's ZIP, a portfolio PDF) from request to removal."""
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..accounts.models import User
from ..cohorts.models import Cohort
from ..core.pages import Page, paginate
from ..db import Base, one_of
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
#: what a job makes: a cohort's ZIP, or one learner's portfolio PDF (kept as a cache under its digest)
COHORT_ZIP = "cohort_zip"
PORTFOLIO_PDF = "portfolio_pdf"
JOB_KINDS = (COHORT_ZIP, PORTFOLIO_PDF)


class ExportJob(Base):
    """One export: a cohort's ZIP (every portfolio and the summary) or a learner's portfolio PDF, kept for a while."""

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
        Index(
            "uq_export_jobs_one_active_portfolio",
            "learner_id",
            "language",
            "digest",
            unique=True,
            sqlite_where=text("status IN ('queued', 'running')"),
            postgresql_where=text("status IN ('queued', 'running')"),
        ),
        one_of("status", JOB_STATUSES),
        one_of("kind", JOB_KINDS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=COHORT_ZIP)
    #: the cohort exported (a cohort ZIP), or None
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id"), index=True)
    #: the learner whose portfolio is rendered (a portfolio PDF), or None
    learner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: SHA-256 of everything a portfolio PDF shows (its data, language and template version)
    digest: Mapped[str | None] = mapped_column(String(64))
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
    #: how many times a worker has started the job (more than once after a retry or a worker's death)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: technical detail of why the job failed
    error: Mapped[str | None] = mapped_column(Text)
    #: the ZIP or PDF, relative to EXPORT_DIR
    file_path: Mapped[str | None] = mapped_column(String(300))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: the last change: creation, start or progress
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    cohort: Mapped[Cohort | None] = relationship()
    learner: Mapped[User | None] = relationship(foreign_keys=[learner_id])
    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])

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
    """Mark a queued job running, or take over a running one whose worker died (its message came back).

    None when the job is finished, failed or gone: a task delivered twice does its work once.
    """
    taken = session.execute(
        update(ExportJob)
        .where(ExportJob.id == job_id, ExportJob.status.in_(ACTIVE_STATUSES))
        .values(status=RUNNING, started_at=now, updated_at=now, attempts=ExportJob.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:
        return None
    job = session.get(ExportJob, job_id, populate_existing=True)
    if job.kind == COHORT_ZIP and not job.file_path:
        job.file_path = zip_name(job)
    return job


def record_progress(job: ExportJob, done: int, total: int, now: datetime) -> None:
    job.done, job.total, job.updated_at = done, total, now


def finish(job: ExportJob, *, size: int, sha256: str, failed: int, now: datetime, keep_for: timedelta) -> None:
    job.status, job.size, job.sha256, job.failed = DONE, size, sha256, failed
    job.finished_at, job.updated_at, job.expires_at = now, now, now + keep_for


def fail(job: ExportJob, error: str, now: datetime) -> None:
    job.status, job.error, job.finished_at, job.updated_at = FAILED, error[:2000], now, now


def unfinished(session: Session) -> list[ExportJob]:
    return list(session.scalars(select(ExportJob).where(ExportJob.status.in_(ACTIVE_STATUSES)).order_by(ExportJob.id)))


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


def cleanup_expired(session: Session, export_dir: Path, now: datetime) -> int:
    """Remove ZIPs and cached PDFs past their time (their jobs become expired): how many."""
    expired = list(session.scalars(select(ExportJob).where(ExportJob.status == DONE, ExportJob.expires_at <= now)))
    for job in expired:
        remove_files(export_dir, job)
        job.status = EXPIRED
    session.flush()
    return len(expired)


def remove_files(export_dir: Path, job: ExportJob) -> None:
    path = job_file(export_dir, job)
    if path is not None:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".part").unlink(missing_ok=True)


"""The browser's import as a job: the upload checked and kept at once, then each file imported by a worker.

`start_import` refuses at once what `unpack` refuses for the whole import (too many files, too much once
unpacked) and answers at once each file that cannot be a scenario; the rest wait in the job's rows. `import_next`
imports the first file not yet answered and writes its answer in the same transaction as its draft, so a job taken
over after its worker died goes on from there and never imports a file twice.
"""
from __future__ import annotations

from datetime import datetime

from flask_babel import force_locale
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..i18n import LANGUAGES
from .import_models import ACTIVE_STATUSES, DONE, FAILED, QUEUED, RUNNING, ImportFile, ScenarioImport
from .importing import REFUSED, Imported, check_importer, import_upload
from .report import Problem
from .standards_data import KnownRefs
from .unpacking import Upload, unpack


def start_import(session: Session, author: User, provider_id: int | None, files: list[tuple[str, bytes]],
                 now: datetime) -> ScenarioImport:
    """A queued job holding each file; Refused (nothing kept) when the upload as a whole cannot be imported."""
    check_importer(author, provider_id, files)
    rows = [_waiting(position, upload) for position, upload in enumerate(unpack(files))]
    job = ScenarioImport(provider_id=provider_id, requested_by_id=author.id, status=QUEUED, total=len(rows),
                         done=sum(row.outcome is not None for row in rows), files=rows, created_at=now, updated_at=now)
    session.add(job)
    session.flush()
    return job


def _waiting(position: int, upload: Upload) -> ImportFile:
    if upload.refused is not None:
        return ImportFile(position=position, name=upload.name, outcome=REFUSED, reason=in_each_language(upload.refused),
                          problems=[])
    return ImportFile(position=position, name=upload.name, data=upload.data, problems=[])


def in_each_language(message) -> dict[str, str]:
    """A lazily translated message as each language words it."""
    worded = {}
    for language in LANGUAGES:
        with force_locale(language):
            worded[language] = str(message)
    return worded


def claim(session: Session, job_id: int, now: datetime) -> ScenarioImport | None:
    """Mark a queued job running, or take over a running one whose worker died; None when it is finished."""
    taken = session.execute(
        update(ScenarioImport)
        .where(ScenarioImport.id == job_id, ScenarioImport.status.in_(ACTIVE_STATUSES))
        .values(status=RUNNING, updated_at=now, attempts=ScenarioImport.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return session.get(ScenarioImport, job_id, populate_existing=True) if taken.rowcount == 1 else None


def import_next(session: Session, job: ScenarioImport, now: datetime, standards: KnownRefs | None = None) -> bool:
    """Import the first file not yet answered and record its answer (not committed); False when none is left."""
    waiting = session.scalar(select(ImportFile).where(ImportFile.import_id == job.id, ImportFile.outcome.is_(None))
                             .order_by(ImportFile.position).limit(1))
    if waiting is None:
        return False
    seen = set(session.scalars(select(ImportFile.declared_id).where(ImportFile.import_id == job.id,
                                                                    ImportFile.declared_id.is_not(None))))
    upload = Upload(waiting.name, waiting.data or b"")
    _record(waiting, import_upload(session, job.requested_by, job.provider_id, upload, seen, standards))
    job.done, job.updated_at = job.done + 1, now
    return True


def _record(row: ImportFile, result: Imported) -> None:
    row.outcome, row.scenario_id, row.draft_id, row.declared_id = (result.outcome, result.scenario_id, result.draft_id,
                                                                   result.declared_id)
    row.reason = in_each_language(result.reason) if result.reason is not None else None
    row.problems = [{"line": p.line, "severity": p.severity, "message": p.message} for p in result.problems]
    row.data = None


def finish(job: ScenarioImport, now: datetime) -> None:
    job.status, job.finished_at, job.updated_at = DONE, now, now


def fail(job: ScenarioImport, error: str, now: datetime) -> None:
    job.status, job.error, job.finished_at, job.updated_at = FAILED, error[:2000], now, now


def results(job: ScenarioImport, language: str) -> list[Imported]:
    """What became of each file answered so far, as the command line would say it, reasons in the language."""
    return [Imported(row.name, row.outcome, [Problem(row.name, p["line"], p["severity"], p["message"]) for p in row.problems],
                     row.scenario_id, row.draft_id, (row.reason or {}).get(language), row.declared_id)
            for row in job.files if row.outcome is not None]


def recent_imports(session: Session, provider_id: int, limit: int = 5) -> list[ScenarioImport]:
    query = select(ScenarioImport).where(ScenarioImport.provider_id == provider_id)
    return list(session.scalars(query.order_by(ScenarioImport.created_at.desc(), ScenarioImport.id.desc()).limit(limit)))


def unfinished(session: Session) -> list[ScenarioImport]:
    return list(session.scalars(select(ScenarioImport).where(ScenarioImport.status.in_(ACTIVE_STATUSES))
                                .order_by(ScenarioImport.id)))

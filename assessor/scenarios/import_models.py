"""Scenario imports on the task queue: the job a request makes, and each file it holds until the file is imported.

A file's outcome is written in the same transaction as its draft, so a worker killed mid-import leaves every file
either imported and answered or untouched, and the worker that takes the job over goes on from the first file
without an outcome.
"""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, one_of
from ..timeutil import utcnow

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
IMPORT_STATUSES = (QUEUED, RUNNING, DONE, FAILED)
#: an import in one of these is still being worked on: its page refreshes itself
ACTIVE_STATUSES = (QUEUED, RUNNING)
#: what became of a file (importing.CREATED, UPDATED, UNCHANGED, REFUSED)
FILE_OUTCOMES = ("created", "updated", "unchanged", "refused")


class ScenarioImport(Base):
    """One import of scenario files into a provider, from the browser: queued, then imported file by file."""

    __tablename__ = "scenario_imports"
    __table_args__ = (one_of("status", IMPORT_STATUSES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(10), default=QUEUED)
    #: files in the import, counting those inside a ZIP
    total: Mapped[int] = mapped_column(Integer, default=0)
    #: files answered so far (imported or refused)
    done: Mapped[int] = mapped_column(Integer, default=0)
    #: how many times a worker has started the import (more than once after a retry or a worker's death)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: technical detail of why the import failed
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    requested_by: Mapped[User] = relationship()
    files: Mapped[list["ImportFile"]] = relationship(order_by="ImportFile.position", back_populates="job")

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class ImportFile(Base):
    """One file of an import: its bytes until it is answered, then what became of it."""

    __tablename__ = "scenario_import_files"
    __table_args__ = (UniqueConstraint("import_id", "position"), one_of("outcome", FILE_OUTCOMES))

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("scenario_imports.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    #: as uploaded (a ZIP's entries as zip/entry)
    name: Mapped[str] = mapped_column(String(500))
    #: the file's bytes while it waits; emptied once it is answered
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: None until the file is answered
    outcome: Mapped[str | None] = mapped_column(String(10))
    #: the id the file declares, once read (a later file of the import with the same id is refused)
    declared_id: Mapped[str | None] = mapped_column(String(100))
    scenario_id: Mapped[str | None] = mapped_column(String(100))
    draft_id: Mapped[int | None] = mapped_column(Integer)
    #: why it was refused, in each language: {"cy": ..., "en": ...}
    reason: Mapped[dict | None] = mapped_column(JSON)
    #: what the check finds: [{"line", "severity", "message"}, ...]
    problems: Mapped[list] = mapped_column(JSON, default=list)

    job: Mapped[ScenarioImport] = relationship(back_populates="files")

"""The files of an evidence item: storing uploads, adding them to the item, taking them off."""
from collections.abc import Iterable
from pathlib import Path

from flask_babel import lazy_gettext as _
from flask_babel import lazy_ngettext as ngettext
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage

from ..accounts.models import User
from ..audit.services import record
from ..core.acts import Conflict, Refused
from ..storage.files import StoredFile, UploadRefused, discard_blob, store_upload
from ..timeutil import utcnow
from .guards import check_changeable, check_version, flush_change
from .models import Evidence, EvidenceFile
from .snapshot import blob_named


def store_files(session: Session, uploads: Iterable[FileStorage], *, root: Path, max_bytes: int, max_files: int) -> list[StoredFile]:
    """Store every chosen upload, or none of them: a refused file discards the ones stored before it."""
    chosen = [upload for upload in uploads if upload and upload.filename]
    if len(chosen) > max_files:
        message = ngettext("Choose up to %(num)d file at a time.", "Choose up to %(num)d files at a time.", max_files)
        raise Refused(message, "files")
    stored: list[StoredFile] = []
    for upload in chosen:
        try:
            stored.append(store_upload(upload, root, max_bytes))
        except UploadRefused as refused:
            discard_blobs(session, root, [file.sha256 for file in stored])
            raise Refused(refused.message, "files") from None
    return stored


def discard_blobs(session: Session, root: Path, hashes: Iterable[str]) -> None:
    """Remove stored blobs that no file row refers to (after a rollback, or once their rows are deleted)."""
    for sha256 in set(hashes):
        discard_unreferenced(session, root, sha256)


def discard_unreferenced(session: Session, root: Path, sha256: str) -> bool:
    """Delete the stored file if no evidence file nor submitted version refers to it (call after committing the removal)."""
    if session.scalar(select(EvidenceFile.id).where(EvidenceFile.sha256 == sha256).limit(1)) is not None:
        return False
    if blob_named(session, sha256):
        return False
    return discard_blob(root, sha256)


def add_files(session: Session, actor: User, evidence: Evidence, stored: list[StoredFile], expected_version) -> list[EvidenceFile]:
    check_changeable(actor, evidence)
    check_version(evidence, expected_version)
    if not stored:
        raise Refused(_("Choose a file to add."), "files")
    rows = [
        EvidenceFile(filename=file.filename, size=file.size, sha256=file.sha256, media_type=file.media_type, uploaded_by_id=actor.id)
        for file in stored
    ]
    evidence.files.extend(rows)
    evidence.updated_at = utcnow()
    flush_change(session, evidence)
    for row in rows:
        after = {"evidence": evidence.reference, "filename": row.filename, "size": row.size, "sha256": row.sha256,
                 "media_type": row.media_type}
        record(session, actor, "file_added", "evidence_file", row.id, learner_id=evidence.learner_id, after=after)
    return rows


def remove_file(session: Session, actor: User, evidence: Evidence, file_id: int, expected_version) -> str:
    """Take a file off the item; returns its blob's hash, to discard after commit if nothing else uses it."""
    check_changeable(actor, evidence)
    check_version(evidence, expected_version)
    file = next((file for file in evidence.files if file.id == file_id), None)
    if file is None:
        raise Conflict(_("That file is no longer part of %(reference)s.", reference=evidence.reference))
    evidence.files.remove(file)
    session.delete(file)
    evidence.updated_at = utcnow()
    flush_change(session, evidence)
    before = {"evidence": evidence.reference, "filename": file.filename, "sha256": file.sha256}
    record(session, actor, "file_removed", "evidence_file", file_id, learner_id=evidence.learner_id, before=before)
    return file.sha256

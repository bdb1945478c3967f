"""Storing uploads under their content hash, all or nothing, and handing them back as attachments."""
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from flask import abort, current_app, send_file
from flask_babel import lazy_gettext as gettext

from ..i18n import megabytes
from .detect import ACCEPT, ALLOWED_KINDS, ALLOWED_MEDIA_TYPES, detect_media_type  # noqa: F401  (part of this API)
from .names import display_name
from .paths import blob_path

CHUNK_SIZE = 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")
DOWNLOAD_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
}


class UploadRefused(Exception):
    """An upload we will not keep; `message` says why, naming the file."""

    def __init__(self, message: str, filename: str) -> None:
        super().__init__(message)
        self.message = message
        self.filename = filename


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    media_type: str
    #: a safe display name, its extension matching the content; never a path
    filename: str


def store_upload(upload, root: Path, max_bytes: int) -> StoredFile:
    """Keep a werkzeug FileStorage under its sha256 in `root`, or raise UploadRefused leaving nothing behind."""
    shown = display_name(upload.filename)
    temp_dir = root / "tmp"
    temp_dir.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=temp_dir, prefix="upload-", delete=False)
    temp = Path(handle.name)
    try:
        with handle:
            sha256, size = _copy(upload.stream, handle, max_bytes, shown)
            handle.flush()
            os.fsync(handle.fileno())
        media_type = detect_media_type(temp)
        if media_type is None:
            message = gettext("%(name)s is not a type of file we accept. You can upload %(allowed)s.", name=shown, allowed=ALLOWED_KINDS)
            raise UploadRefused(message, shown)
        _place(temp, blob_path(root, sha256))
        return StoredFile(sha256, size, media_type, display_name(upload.filename, media_type))
    finally:
        temp.unlink(missing_ok=True)


def _copy(stream, out, max_bytes: int, shown: str) -> tuple[str, int]:
    """Copy the stream in chunks, hashing and counting; refuse as soon as it is too large, or if empty."""
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK_SIZE):
        size += len(chunk)
        if size > max_bytes:
            message = gettext("%(name)s is too large. Each file can be up to %(limit)s MB.", name=shown, limit=megabytes(max_bytes))
            raise UploadRefused(message, shown)
        digest.update(chunk)
        out.write(chunk)
    if not size:
        raise UploadRefused(gettext("%(name)s is empty. Choose the file again, or a different one.", name=shown), shown)
    return digest.hexdigest(), size


def _place(temp: Path, target: Path) -> None:
    """Move the finished file into place; the same bytes may already be there (replacing them is harmless)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(temp, target)
    _fsync_directory(target.parent)


def _fsync_directory(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class StoredRecord(Protocol):
    """What a row that refers to a stored file tells about it."""

    id: int
    sha256: str
    media_type: str
    filename: str


def discard_blob(root: Path, sha256: str) -> bool:
    """Delete a stored file that nothing refers to any more (the caller checked); False if there was none."""
    if not SHA256.fullmatch(sha256):
        return False
    try:
        blob_path(root, sha256).unlink()
    except FileNotFoundError:
        return False
    return True


def send_stored(root: Path, stored: StoredRecord):
    """The stored file as a download that a browser will not open or run in the page; 404 if it is missing."""
    path = blob_path(root, stored.sha256) if SHA256.fullmatch(stored.sha256) else None
    if path is None or not path.is_file():
        current_app.logger.error("stored file missing: row %s, sha256 %s", stored.id, stored.sha256)
        abort(404)
    response = send_file(path, mimetype=stored.media_type, as_attachment=True, download_name=stored.filename)
    response.headers.update(DOWNLOAD_HEADERS)
    return response

"""`assessor backup`: the database as of one snapshot, then exactly the stored files its rows name, then the manifest."""
import json
import os
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ..storage.paths import blob_path
from ..timeutil import utcnow
from .archive import (
    FILE_COLUMN,
    FILE_TABLES,
    MANIFEST,
    PROGRESS_EVERY,
    BackupError,
    build_manifest,
    file_member,
    table_member,
)
from .snapshot import data_tables, dump_database, snapshot
from .tarmembers import HashingReader, add_bytes, private

#: a file named by the snapshot may be deleted (its evidence removed) before it is copied: then start again
ATTEMPTS = 3


class BlobGone(Exception):
    """A stored file the snapshot named was deleted before it could be copied."""


def write_backup(engine: Engine, storage: Path, target: Path, say: Callable[[str], None] = lambda _m: None) -> dict:
    """Write the archive to `target` (through a `.part` file, mode 0600) and return its manifest."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _write_once(engine, storage, target, say)
        except BlobGone as gone:
            if attempt == ATTEMPTS or _still_named(engine, str(gone)):
                raise BackupError([f"stored file {gone} is missing: run `assessor check`"]) from None
            say(f"stored file {gone} was removed during the backup: starting again")
    raise AssertionError("unreachable")


def _write_once(engine: Engine, storage: Path, target: Path, say) -> dict:
    part = target.with_name(target.name + ".part")
    descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out, tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as archive:
            manifest = _fill(archive, engine, storage, say)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return manifest


def _fill(archive: tarfile.TarFile, engine: Engine, storage: Path, say) -> dict:
    created_at = utcnow()
    with tempfile.TemporaryDirectory(prefix="assessor-backup-") as folder, snapshot(engine) as connection:
        revision, dialect, dumps, referenced = dump_database(connection, Path(folder), say)
        for path, entry in dumps:
            archive.add(path, arcname=table_member(entry.name), recursive=False, filter=private)
    files = _add_blobs(archive, storage, sorted(referenced), say)
    manifest = build_manifest(revision=revision, dialect=dialect, created_at=created_at, tables=[e for _p, e in dumps], files=files)
    add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8"))
    return manifest


def _add_blobs(archive: tarfile.TarFile, storage: Path, names: list[str], say) -> dict[str, int]:
    files = {}
    for sha256 in names:
        files[sha256] = _add_blob(archive, storage, sha256)
        if len(files) % PROGRESS_EVERY == 0 or len(files) == len(names):
            say(f"stored files: {len(files)} of {len(names)} ({sum(files.values())} bytes)")
    return files


def _add_blob(archive: tarfile.TarFile, storage: Path, sha256: str) -> int:
    """Copy one stored file in, checking on the way that its bytes still hash to its name."""
    try:
        handle = blob_path(storage, sha256).open("rb")
    except FileNotFoundError:
        raise BlobGone(sha256) from None
    with handle:
        info = private(tarfile.TarInfo(file_member(sha256)))
        info.size = os.fstat(handle.fileno()).st_size
        reader = HashingReader(handle)
        archive.addfile(info, reader)
    if reader.digest.hexdigest() != sha256:
        raise BackupError([f"stored file {sha256} no longer matches its hash: run `assessor check`"])
    return info.size


def _still_named(engine: Engine, sha256: str) -> bool:
    with snapshot(engine) as connection:
        tables = [t for t in data_tables(connection) if t.name in FILE_TABLES]
        return any(connection.execute(select(t.c[FILE_COLUMN]).where(t.c[FILE_COLUMN] == sha256).limit(1)).first() for t in tables)

"""`assessor restore`: verify everything, stage the files, insert every row in one transaction, then move the files in."""
import os
import tarfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..dbcli import upgrade_database
from ..storage.paths import blob_path
from .archive import CHUNK_SIZE, PROGRESS_EVERY, BackupError, file_member
from .manifest import open_archive
from .rows import insert_tables
from .tarmembers import HashingReader
from .target import database_problems, storage_problems
from .verify import verify_archive

STAGING = "tmp"


def restore_backup(engine: Engine, storage: Path, path: Path, say: Callable[[str], None] = lambda _m: None) -> dict:
    """Fill the empty database and storage folder from the archive; BackupError, with nothing written, if anything is wrong."""
    url = engine.url.render_as_string(hide_password=False)
    say(f"checking {path}")
    manifest = verify_archive(path)
    problems = database_problems(engine, manifest["schema_revision"]) + storage_problems(storage)
    if problems:
        raise BackupError(problems)
    say(f"archive sound: {len(manifest['tables'])} tables, {len(manifest['files'])} stored files")
    staged: dict[str, Path] = {}
    try:
        _stage_files(path, storage, manifest["files"], staged, say)
        upgrade_database(url, manifest["schema_revision"])
        _insert(engine, path, manifest["tables"], say)
    except BaseException:
        for temp in staged.values():
            temp.unlink(missing_ok=True)
        raise
    _move_in(staged, storage)
    say(f"stored files moved into {storage}")
    upgrade_database(url)
    return manifest


def _insert(engine: Engine, path: Path, tables: list[dict], say) -> None:
    try:
        insert_tables(engine, path, tables, say)
    except SQLAlchemyError as error:
        raise BackupError([f"the rows could not be inserted, and none were: {error.__class__.__name__}: {error.orig or error}"]) from None


def _stage_files(path: Path, storage: Path, files: list[dict], staged: dict[str, Path], say) -> None:
    """Each stored file copied to a temporary name in the storage folder (noted in `staged` first), checked again."""
    folder = storage / STAGING
    folder.mkdir(parents=True, exist_ok=True)
    with open_archive(path) as archive:
        for number, entry in enumerate(files, 1):
            staged[entry["sha256"]] = folder / f"restore-{entry['sha256']}.part"
            _stage(archive, entry["sha256"], staged[entry["sha256"]])
            if number % PROGRESS_EVERY == 0 or number == len(files):
                say(f"stored files staged: {number} of {len(files)}")


def _stage(archive: tarfile.TarFile, sha256: str, temp: Path) -> None:
    with archive.extractfile(file_member(sha256)) as source, temp.open("wb") as out:
        reader = HashingReader(source, copy_to=out)
        while reader.read(CHUNK_SIZE):
            pass
        out.flush()
        os.fsync(out.fileno())
    if reader.digest.hexdigest() != sha256:
        raise BackupError([f"{file_member(sha256)} changed while it was restored"])


def _move_in(staged: dict[str, Path], storage: Path) -> None:
    try:
        for sha256, temp in staged.items():
            target = blob_path(storage, sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, target)
    except OSError as error:
        raise BackupError([f"moving the stored files into place failed ({error}); the rest are in {storage / STAGING} as "
                           "restore-<sha256>.part: move each to <aa>/<bb>/<sha256>, then run `assessor check`"], committed=True) from None

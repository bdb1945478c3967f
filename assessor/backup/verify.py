"""Checking a whole archive before anything is written: its format, manifest, every table dump and every stored file."""
import gzip
import json
import tarfile
import zlib
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError

from ..config import PROJECT_ROOT
from ..storage.files import SHA256
from .archive import (
    FILE_COLUMN, FILE_TABLE, FILES_FOLDER, FORMAT, FORMAT_VERSION, MANIFEST, BackupError, file_member, sha256_of, table_member,
)

#: what reading a damaged tar or gzip member can raise
DAMAGE = (tarfile.TarError, EOFError, OSError, zlib.error, ValueError)


def migrations() -> ScriptDirectory:
    return ScriptDirectory(str(PROJECT_ROOT / "migrations"))


def open_archive(path: Path) -> tarfile.TarFile:
    """The archive opened for reading, or BackupError when it is not a tar at all."""
    if not path.is_file():
        raise BackupError([f"{path}: no such file"])
    try:
        return tarfile.open(path, mode="r:")
    except DAMAGE as error:
        raise BackupError([f"{path} is not an Assessor backup (not a tar archive: {error})"]) from None


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        names = archive.getnames()
        handle = archive.extractfile(MANIFEST) if MANIFEST in names else None
        manifest = json.loads(handle.read()) if handle else None
    except DAMAGE as error:
        raise BackupError([f"the archive is damaged or cut short: {error}"]) from None
    if not isinstance(manifest, dict):
        raise BackupError([f"no readable {MANIFEST}: the archive is cut short, or not an Assessor backup"])
    if manifest.get("format") != FORMAT:
        raise BackupError([f"{MANIFEST} is not an Assessor backup's (format {manifest.get('format')!r})"])
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError([f"backup format version {manifest.get('format_version')!r} is not one this version of Assessor reads"])
    return manifest


def check_revision(manifest: dict) -> None:
    revision = manifest.get("schema_revision")
    try:
        known = revision is not None and migrations().get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        head = migrations().get_current_head()
        raise BackupError([f"the archive's schema revision {revision!r} is newer than this code (its newest is {head}): "
                           "restore it with the version of Assessor that made it, or a newer one"])


def check_shape(manifest: dict) -> None:
    """The manifest's lists hold what restoring relies on (a stored file's name is only ever a sha256)."""
    tables, files = manifest.get("tables"), manifest.get("files")
    sound = isinstance(tables, list) and isinstance(files, list)
    sound = sound and all(isinstance(t, dict) and isinstance(t.get("name"), str) and isinstance(t.get("rows"), int) for t in tables)
    sound = sound and all(isinstance(f, dict) and SHA256.fullmatch(str(f.get("sha256"))) and isinstance(f.get("size"), int) for f in files)
    if not sound:
        raise BackupError([f"{MANIFEST} is malformed: its tables or files list is not what a backup writes"])


def verify_archive(path: Path) -> dict:
    """The manifest of a sound archive; BackupError naming every problem otherwise."""
    with open_archive(path) as archive:
        manifest = read_manifest(archive)
        check_shape(manifest)
        check_revision(manifest)
        problems, referenced = _check_tables(archive, manifest["tables"])
        problems += _check_files(archive, manifest["files"], referenced)
        expected = {MANIFEST} | {table_member(t["name"]) for t in manifest["tables"]} | {file_member(f["sha256"]) for f in manifest["files"]}
        problems += [f"{name}: in the archive but not in its manifest" for name in archive.getnames() if name not in expected]
    if problems:
        raise BackupError(problems)
    return manifest


def _check_tables(archive: tarfile.TarFile, tables: list[dict]) -> tuple[list[str], set[str]]:
    problems, referenced = [], set()
    for table in tables:
        name = table_member(table["name"])
        try:
            sha256, _size = sha256_of(archive.extractfile(name))
            rows = _count_rows(archive, name, referenced if table["name"] == FILE_TABLE else None)
        except KeyError:
            problems.append(f"{name}: missing from the archive")
            continue
        except DAMAGE as error:
            problems.append(f"{name}: damaged or cut short ({error})")
            continue
        if sha256 != table["sha256"]:
            problems.append(f"{name}: its sha256 does not match the manifest (altered)")
        elif rows != table["rows"]:
            problems.append(f"{name}: {rows} rows, the manifest says {table['rows']}")
    return problems, referenced


def _count_rows(archive: tarfile.TarFile, name: str, referenced: set[str] | None) -> int:
    rows = 0
    with gzip.open(archive.extractfile(name)) as lines:
        for line in lines:
            row = json.loads(line)
            rows += 1
            if referenced is not None:
                referenced.add(row[FILE_COLUMN])
    return rows


def _check_files(archive: tarfile.TarFile, files: list[dict], referenced: set[str]) -> list[str]:
    problems = []
    for entry in files:
        name = file_member(entry["sha256"])
        try:
            sha256, size = sha256_of(archive.extractfile(name))
        except KeyError:
            problems.append(f"{name}: missing from the archive")
            continue
        except DAMAGE as error:
            problems.append(f"{name}: damaged or cut short ({error})")
            continue
        if sha256 != entry["sha256"] or size != entry["size"]:
            problems.append(f"{name}: its content does not match its sha256 (altered)")
    listed = {entry["sha256"] for entry in files}
    problems += [f"{FILES_FOLDER}: no copy of stored file {sha256}, which evidence file rows name" for sha256 in sorted(referenced - listed)]
    return problems

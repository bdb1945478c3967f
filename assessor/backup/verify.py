"""Checking a whole archive before anything is written: every table dump and every stored file against the manifest."""
import gzip
import json
import tarfile
from pathlib import Path

from .archive import FILE_COLUMN, FILE_TABLES, FILES_FOLDER, MANIFEST, BackupError, file_member, sha256_of, table_member
from .manifest import DAMAGE, check_revision, check_shape, open_archive, read_manifest


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
            rows = _count_rows(archive, name, referenced if table["name"] in FILE_TABLES else None)
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

"""Opening an archive and reading its manifest: a tar, of this format and version, at a schema revision this code knows."""
import json
import tarfile
import zlib
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError

from ..config import PROJECT_ROOT
from ..storage.files import SHA256
from .archive import FORMAT, FORMAT_VERSION, MANIFEST, BackupError

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

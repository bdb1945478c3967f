"""Files to import, as uploaded or named on the command line: YAML files, or the ZIP `export_zip` writes.

A ZIP is opened without trusting what it says of itself: its entries are counted before any is read, and each is
read only up to what a scenario may be, so a small archive that unpacks to gigabytes (a ZIP bomb) is refused
after reading a little. What cannot be a scenario (another kind of file, an unreadable or locked ZIP) stays in
the list, refused with its reason, so every file sent is answered.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..core.acts import Refused
from .authoring import SOURCE_MAX

#: the most scenario files one import takes, counting those inside a ZIP
IMPORT_MAX_FILES = 50
#: the most bytes a scenario's file may have (SOURCE_MAX characters of up to four bytes each)
FILE_MAX_BYTES = SOURCE_MAX * 4
#: the most bytes one import may come to once its ZIPs are unpacked
IMPORT_MAX_BYTES = 20 * 1024 * 1024
YAML_ENDINGS = (".yaml", ".yml")


@dataclass(frozen=True)
class Upload:
    """One file to import: its name (a ZIP's entries as zip/entry), its bytes, or why it cannot be imported."""

    name: str
    data: bytes = b""
    refused: str | None = None


def unpack(files: list[tuple[str, bytes]]) -> list[Upload]:
    """Each YAML file, and each entry of each ZIP; Refused when there are too many or they come to too much."""
    uploads: list[Upload] = []
    for name, data in files:
        uploads += _entries(name, data) if name.lower().endswith(".zip") else [_single(name, data)]
    if len(uploads) > IMPORT_MAX_FILES:
        raise Refused(_l("An import takes at most %(count)s scenario files: import them in smaller groups.",
                         count=IMPORT_MAX_FILES), "files")
    if sum(len(upload.data) for upload in uploads) > IMPORT_MAX_BYTES:
        raise _too_much()
    return uploads


def _single(name: str, data: bytes) -> Upload:
    if not name.lower().endswith(YAML_ENDINGS):
        return _not_yaml(name)
    if len(data) > FILE_MAX_BYTES:
        return Upload(name, refused=_too_long())
    return Upload(name, data)


def _entries(name: str, data: bytes) -> list[Upload]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [entry for entry in archive.infolist() if not entry.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return [Upload(name, refused=_l("This ZIP file cannot be read: export it again and import the new file."))]
    if len(entries) > IMPORT_MAX_FILES:
        raise Refused(_l("An import takes at most %(count)s scenario files: import them in smaller groups.",
                         count=IMPORT_MAX_FILES), "files")
    found, unpacked = [], 0
    with archive:
        for entry in entries:
            found.append(_entry(archive, entry, f"{name}/{entry.filename}"))
            unpacked += len(found[-1].data)
            if unpacked > IMPORT_MAX_BYTES:
                raise _too_much()
    return found


def _entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> Upload:
    if entry.flag_bits & 0x1:
        return Upload(name, refused=_l("This file in the ZIP is protected by a password: export it again without one."))
    if not entry.filename.lower().endswith(YAML_ENDINGS):
        return _not_yaml(name)
    try:
        with archive.open(entry) as stream:
            data = stream.read(FILE_MAX_BYTES + 1)
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
        return Upload(name, refused=_l("This ZIP file cannot be read: export it again and import the new file."))
    return Upload(name, refused=_too_long()) if len(data) > FILE_MAX_BYTES else Upload(name, data)


def _not_yaml(name: str) -> Upload:
    return Upload(name, refused=_l("Only YAML files (.yaml or .yml), or a ZIP of them, can be imported."))


def _too_long() -> str:
    return _l("A scenario can be at most %(count)s characters long.", count=f"{SOURCE_MAX:,}")


def _too_much() -> Refused:
    return Refused(_l("The files come to more than %(size)s MB once unpacked: import them in smaller groups.",
                      size=IMPORT_MAX_BYTES // (1024 * 1024)), "files")

"""What a file is, judged by its content: libmagic, then a look inside zip and OLE containers."""
import mmap
import struct
import zipfile
from pathlib import Path

import magic
from flask_babel import lazy_gettext as _l

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
DOC, XLS, PPT = "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"

#: every media type accepted, with its file name extensions (the first is the one added when a name lacks it)
ALLOWED_MEDIA_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": ("pdf",),
    "image/png": ("png",),
    "image/jpeg": ("jpg", "jpeg", "jpe"),
    "image/gif": ("gif",),
    "image/webp": ("webp",),
    DOCX: ("docx",),
    XLSX: ("xlsx",),
    PPTX: ("pptx",),
    DOC: ("doc",),
    XLS: ("xls",),
    PPT: ("ppt", "pps"),
    ODT: ("odt",),
    ODS: ("ods",),
    ODP: ("odp",),
    "audio/mpeg": ("mp3",),
    "audio/wav": ("wav",),
    "audio/ogg": ("ogg", "oga", "opus"),
    "audio/mp4": ("m4a",),
    "audio/aac": ("aac",),
    "audio/flac": ("flac",),
    "video/mp4": ("mp4", "m4v"),
    "video/webm": ("webm",),
    "video/quicktime": ("mov", "qt"),
}
ALLOWED_KINDS = _l(
    "PDF, images (PNG, JPEG, GIF, WebP), Word, Excel and PowerPoint files, OpenDocument text, spreadsheets and "
    "presentations, audio (MP3, WAV, OGG, M4A, AAC, FLAC) and video (MP4, WebM, MOV)"
)
#: for the `accept` attribute of a file input: a hint to the browser's file picker, never a check
ACCEPT = ",".join("." + extension for extensions in ALLOWED_MEDIA_TYPES.values() for extension in extensions)

#: other names libmagic gives to accepted types
ALIASES = {
    "audio/x-wav": "audio/wav",
    "audio/vnd.wave": "audio/wav",
    "audio/x-flac": "audio/flac",
    "audio/x-m4a": "audio/mp4",
    "audio/x-hx-aac-adts": "audio/aac",
    "audio/x-aac": "audio/aac",
    "application/ogg": "audio/ogg",
    "video/x-m4v": "video/mp4",
}
#: answers that mean "a container": look inside before deciding
CONTAINERS = {"application/zip", "application/octet-stream", "application/x-ole-storage", "application/CDFV2", "application/vnd.ms-office"}
OOXML_FOLDERS = (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX))
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
OLE_STREAMS = (("WordDocument", DOC), ("Workbook", XLS), ("Book", XLS), ("PowerPoint Document", PPT))
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, EOFError)


def detect_media_type(path: Path) -> str | None:
    """The accepted media type the file's bytes show, or None when it is not one we accept."""
    try:
        found = magic.from_file(str(path), mime=True)
    except magic.MagicException:
        return None
    found = ALIASES.get(found, found)
    if found in CONTAINERS or found.startswith("application/vnd.openxmlformats-officedocument"):
        found = _zip_kind(path) if zipfile.is_zipfile(path) else _ole_kind(path)
    return found if found in ALLOWED_MEDIA_TYPES else None


def _zip_kind(path: Path) -> str | None:
    """An OpenDocument or Office Open XML file without macros; any other zip is None."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.getinfo("mimetype").file_size <= 100:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in (ODT, ODS, ODP) else None
    except ZIP_ERRORS:
        return None
    if "[Content_Types].xml" not in names or any(name.lower().endswith("vbaproject.bin") for name in names):
        return None
    return next((kind for folder, kind in OOXML_FOLDERS if any(name.startswith(folder) for name in names)), None)


def _ole_kind(path: Path) -> str | None:
    """A legacy Word, Excel or PowerPoint file, told by the name of its main stream."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:8] != OLE_SIGNATURE:
            return None
        return next((kind for name, kind in OLE_STREAMS if _has_stream(data, name)), None)


def _has_stream(data: mmap.mmap, name: str) -> bool:
    """Whether a directory entry (128 bytes, aligned) names a stream `name`."""
    encoded = (name + "\0").encode("utf-16-le")
    entry = encoded.ljust(64, b"\0") + struct.pack("<HB", len(encoded), 2)
    position = data.find(entry)
    while position != -1 and position % 128:
        position = data.find(entry, position + 1)
    return position != -1

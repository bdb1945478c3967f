"""A safe display name for an uploaded file: shown and offered on download, never used as a path."""
import re
import unicodedata

from .detect import ALLOWED_MEDIA_TYPES

MAX_NAME_LENGTH = 150
FALLBACK_NAME = "file"
EXTENSION = re.compile(r"[A-Za-z0-9]{1,5}")


def display_name(raw: str | None, media_type: str | None = None) -> str:
    """The upload's base name, cleaned and shortened; with `media_type`, ending in an extension that matches it."""
    name = re.split(r"[/\\]", raw or "")[-1]
    name = "".join(" " if unicodedata.category(char) in ("Zl", "Zp") else char for char in unicodedata.normalize("NFC", name)
                   if not unicodedata.category(char).startswith("C"))
    name = re.sub(r"\s+", " ", name).strip(" .") or FALLBACK_NAME
    stem, dot, extension = name.rpartition(".")
    if not dot or not EXTENSION.fullmatch(extension):
        stem, extension = name, ""
    if media_type in ALLOWED_MEDIA_TYPES and extension.lower() not in ALLOWED_MEDIA_TYPES[media_type]:
        extension = ALLOWED_MEDIA_TYPES[media_type][0]
    suffix = "." + extension if extension else ""
    return stem[: MAX_NAME_LENGTH - len(suffix)].rstrip(" .") + suffix

"""Reads a National Occupational Standard from its published text, in Welsh or English.

`parse_standard(text)` returns a ParseResult: the document in the shape described by
`standards/schema.json`, the problems that stop it being used (errors) and the things a person
should check (warnings). Every problem names its line. It never raises on any input.

`parse_lines(lines)` does the same for lines another reader has already taken out of a file (a PDF
or Word document): each line keeps the number the problems should name.
"""
from collections.abc import Iterable

from .parse_model import (  # noqa: F401  (LOCAL_URN_PREFIX, URN_PATTERN and Problem are part of this API)
    LOCAL_URN_PREFIX,
    URN_PATTERN,
    Line,
    ParseResult,
    Problem,
    _l,
)
from .parse_walk import CONTROL, LineWalker, clean_lines


def decode(data: bytes) -> str:
    """Text from bytes in UTF-8 (with or without BOM), falling back to Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse_standard(
    text: str, *, language: str | None = None, urn: str | None = None, title: str | None = None
) -> ParseResult:
    """Parse NOS text; `language`, `urn` and `title` supply what the text lacks or override it."""
    return _walk(clean_lines(text), language=language, urn=urn, title=title)


def parse_lines(
    lines: Iterable[Line], *, language: str | None = None, urn: str | None = None, title: str | None = None
) -> ParseResult:
    """Parse numbered lines (Line(number, text)); problems name each line by its own number."""
    return _walk([Line(line.number, CONTROL.sub("", line.text).rstrip()) for line in lines], language=language, urn=urn, title=title)


def _walk(lines: list[Line], **supplied: str | None) -> ParseResult:
    try:
        return LineWalker(lines).run(**supplied)
    except RecursionError:  # pragma: no cover - defensive; the parser does not recurse
        return ParseResult(document={}, errors=[Problem(None, _l("the text is too deeply nested to read"))])

"""Standards from the files the NOS database publishes: PDF and Word (.docx).

`read_document(data)` tells the kind by the bytes and reads the file into the NOS text the parser reads
(`Reading.text`), remembering the page, table and row of each line; `parse_reading` parses that text and
names each problem by its page and row, refusing any criterion row that did not come through whole.
Anything that is neither PDF nor Word gives None; `parse_bytes` takes plain text too, as the CLI does.
"""
from flask_babel import lazy_gettext as _l

from ..parser import ParseResult, decode, parse_standard
from .check import PlacedProblem, placed
from .kinds import DOCX, PDF, document_kind
from .model import DocumentRefused, Place, Reading
from .read_docx import read_docx
from .read_pdf import read_pdf

__all__ = ["DOCX", "PDF", "DocumentRefused", "Place", "PlacedProblem", "Reading", "parse_bytes", "parse_reading", "read_document"]

NOT_A_STANDARD = _l(
    "The file is not a PDF, a Word document (.docx) or plain text. Upload the standard as the NOS database "
    "publishes it, or paste its text."
)


def read_document(data: bytes) -> Reading | None:
    """The PDF or Word file read, None for other bytes; raises DocumentRefused."""
    kind = document_kind(data)
    if kind == PDF:
        return read_pdf(data)
    if kind == DOCX:
        return read_docx(data)
    return None


def parse_reading(reading: Reading, *, language: str | None = None, urn: str | None = None, title: str | None = None) -> ParseResult:
    """Parse the document's text; problems carry their page and row."""
    return placed(parse_standard(reading.text, language=language, urn=urn, title=title), reading)


def parse_bytes(data: bytes, *, language=None, urn=None, title=None, version=None) -> tuple[ParseResult, Reading | None]:
    """A file of any kind the importer takes (PDF, Word or NOS text) parsed, with the document read when it was
    PDF or Word; a version given overrides the file's. Raises DocumentRefused."""
    reading = read_document(data)
    if reading is not None:
        result = parse_reading(reading, language=language, urn=urn, title=title)
    elif b"\x00" in data:
        raise DocumentRefused(NOT_A_STANDARD)
    else:
        result = parse_standard(decode(data), language=language, urn=urn, title=title)
    if version and result.document:
        result.document["version"] = version
    return result, reading

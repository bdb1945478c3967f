"""What the import preview shows beside each source of a PDF or Word file: the page drawn, or the table as it is in
the file, and the lines read from it."""
import base64
from dataclasses import dataclass, field

import pypdfium2

from .model import Reading, Row
from .read_pdf import draw_pages


@dataclass
class ReadLine:
    """One line read: a table row (a criterion, a detail or a group heading) or a paragraph's text."""

    text: str
    row: Row | None = None


@dataclass
class Source:
    """A page of a PDF (`image`: a data URI of it drawn) or a table of a Word file (`cells`: its rows as in the file)."""

    number: int
    image: str | None = None
    cells: list[list[str]] = field(default_factory=list)
    read: list[ReadLine] = field(default_factory=list)

    @property
    def width(self) -> int:
        """The most cells a row of the table has: a row with fewer (a merged cell) spans the rest."""
        return max((len(row) for row in self.cells), default=0)


def sources(reading: Reading, data: bytes) -> list[Source]:
    """The PDF's pages, drawn, or the Word file's tables, each with what was read from it."""
    if reading.kind == "pdf":
        images = _drawn(data)
        count = max([place.page for place in reading.places if place and place.page] + [len(images)])
        shown = [Source(number, image=images[number - 1] if number <= len(images) else None) for number in range(1, count + 1)]
        key = "page"
    else:
        shown = [Source(number, cells=rows) for number, rows in enumerate(reading.tables, start=1)]
        key = "table"
    rows = {row.place: row for row in reading.rows}
    for text, place in zip(reading.lines, reading.places, strict=True):
        number = getattr(place, key, None) if place else None
        if number and text.strip() and number <= len(shown):
            shown[number - 1].read.append(ReadLine(text, rows.get(place)))
    return shown


def _drawn(data: bytes) -> list[str]:
    """Each page drawn, as a data URI; none when PDFium cannot draw the file (the preview then shows the text alone)."""
    try:
        return ["data:image/png;base64," + base64.b64encode(png).decode("ascii") for png in draw_pages(data)]
    except pypdfium2.PdfiumError:
        return []

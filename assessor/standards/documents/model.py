"""What a PDF or Word standard is read into: blocks in reading order, each knowing where it came from."""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from ...core.acts import Refused


@dataclass(frozen=True)
class Place:
    """Where something was read: a page (PDF only), a table on it, and a row of that table (counted from 1)."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    #: Word only: a paragraph outside the tables, counted from 1 among those with text
    paragraph: int | None = None

    def label(self) -> str:
        """'Page 2, table 1, row 3', in the reader's language."""
        parts = []
        if self.page:
            parts.append(_l("page %(number)d", number=self.page))
        if self.table:
            parts.append(_l("table %(number)d", number=self.table))
        if self.row:
            parts.append(_l("row %(number)d", number=self.row))
        if self.paragraph:
            parts.append(_l("paragraph %(number)d", number=self.paragraph))
        text = ", ".join(str(part) for part in parts)
        return text[:1].upper() + text[1:]


def with_place(message, place: Place | None) -> str:
    """'Page 2, table 1, row 3: message', or the message alone where the place is not known."""
    where = place.label() if place else ""
    return f"{where}: {message}" if where else str(message)


@dataclass
class Paragraph:
    text: str
    place: Place


@dataclass
class Table:
    """A table's rows, each a list of its non-empty cells' text, in order."""

    rows: list[list[str]]
    place: Place


@dataclass
class Row:
    """A table row as read: a criterion or knowledge item (section, code, text), a detail, or a group heading."""

    kind: str  # "item", "detail" or "group"
    cells: list[str]
    place: Place
    section: str | None = None


@dataclass
class Reading:
    """A document read: the text the parser reads, where each of its lines came from, and the rows behind it."""

    kind: str  # "pdf" or "docx"
    lines: list[str] = field(default_factory=list)
    places: list[Place | None] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    #: Word: each table's rows as they are in the document, for showing beside what was read
    tables: list[list[list[str]]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def add(self, text: str, place: Place | None) -> None:
        self.lines.append(text)
        self.places.append(place)

    def place_of_line(self, number: int | None) -> Place | None:
        if number is None or not 1 <= number <= len(self.places):
            return None
        return self.places[number - 1]


class DocumentRefused(Refused):
    """A document Assessor will not read (the core refusal, on the file field); `place` says where, when known."""

    def __init__(self, message, place: Place | None = None) -> None:
        super().__init__(message, field="upload")
        self.message = message
        self.place = place

    def __str__(self) -> str:
        return with_place(self.message, self.place)

"""Blocks read from a PDF or Word file (paragraphs and tables, in order) laid out as the NOS text the parser reads.

A heading paragraph starts a section; a two-cell row whose first cell is a code (P1, K1, 1, 1.1) is a
criterion or knowledge item, written `P1 text` on a line of its own; a row whose first cell is a known
label (or any short label, in a table of details) is a detail, written `Label<TAB>value`; a row whose first cell is a section heading starts that section
(the text beside it, if any, follows line by line); a row of one cell inside the criteria or knowledge is a
group heading; a row whose first cell is empty carries on the item above it (a row split over two
pages, whose code may stand alone at the foot of the first). Any other row is refused with its place, so nothing is guessed.
"""
import re

from flask_babel import lazy_gettext as _l

from ..vocabulary import HEADING_INDEX, LABEL_INDEX, LIST_FIELDS, normalise
from .model import DocumentRefused, Paragraph, Place, Reading, Row, Table

CODE = re.compile(r"^(?:PC|KU|P|K|G|C)? ?\d{1,3}(?:\.\d{1,3})*[.)]?$")
ITEM_SECTIONS = ("performance_criteria", "knowledge")


def lay_out(blocks: list[Paragraph | Table], reading: Reading) -> Reading:
    """Fill `reading` with the text of `blocks`; raise DocumentRefused at the first row it cannot be sure of."""
    section = None
    for block in blocks:
        if isinstance(block, Paragraph):
            section = _paragraph(block, section, reading)
        else:
            for number, cells in enumerate(block.rows, start=1):
                place = Place(block.place.page, block.place.table, number)
                section = _row(cells, place, section, reading)
            reading.add("", None)
    return reading


def _paragraph(block: Paragraph, section: str | None, reading: Reading) -> str | None:
    text = " ".join(block.text.split())
    heading = HEADING_INDEX.get(normalise(text)) if len(text) <= 120 else None
    if heading:
        reading.add("", None)
    reading.add(text, block.place)
    return heading or section


def _row(cells: list[str], place: Place, section: str | None, reading: Reading) -> str | None:
    """Lay out one table row; the section after it (a heading row starts one)."""
    filled = [cell for cell in cells if cell.strip()]
    heading = HEADING_INDEX.get(normalise(_one_line(filled[0]))) if filled else None
    if heading and len(filled) <= 2:
        _heading_row(filled, place, reading)
        return heading
    if len(cells) >= 2 and len(filled) == 1 and not cells[0].strip() and reading.rows and reading.rows[-1].kind == "item":
        _carry_on(filled[0], place, reading)
    elif len(filled) == 2 and (LABEL_INDEX.get(normalise(filled[0])) or _among_details(filled[0], reading)):
        _detail(filled, place, reading)
    elif len(filled) == 2 and CODE.match(_one_line(filled[0])):
        _item(filled, place, section, reading)
    elif len(cells) >= 2 and filled == cells[:1] and CODE.match(_one_line(filled[0])) and section in ITEM_SECTIONS:
        _item([filled[0], ""], place, section, reading)  # its text is on the next page
    elif len(filled) == 1 and section in ITEM_SECTIONS:
        reading.rows.append(Row("group", [_one_line(filled[0])], place, section))
        reading.add("", None)
        reading.add(_one_line(filled[0]), place)
    elif filled:
        raise DocumentRefused(
            _l("This row is neither a detail (a label and its value) nor a criterion (a code such as P1 or K1 and its "
               "text). Put the row's text in the document the way the NOS database lays it out, or copy the standard's "
               "text and paste it in instead."),
            place,
        )
    return section


def _heading_row(filled: list[str], place: Place, reading: Reading) -> None:
    """A heading in a row of its own, or beside its section's text (the heading in the left column, the text in the
    right): the heading, then each line of the text as it stands, for the parser to read as it reads pasted text."""
    reading.add("", None)
    reading.add(_one_line(filled[0]), place)
    for line in filled[1].splitlines() if len(filled) == 2 else []:
        if line.strip():
            reading.add(line.strip(), place)


def _item(filled: list[str], place: Place, section: str | None, reading: Reading) -> None:
    if section not in ITEM_SECTIONS:
        raise DocumentRefused(
            _l("This criterion is not under a 'Performance criteria' or 'Knowledge and understanding' heading. Add "
               "the heading above its table, or copy the standard's text and paste it in instead."),
            place,
        )
    code = _one_line(filled[0]).rstrip(".)").replace(" ", "")
    text = _one_line(filled[1])
    reading.rows.append(Row("item", [code, text], place, section))
    reading.add(f"{code} {text}", place)


def _carry_on(text: str, place: Place, reading: Reading) -> None:
    """The rest of the item above, on the next page."""
    last = reading.rows[-1]
    last.cells[1] = f"{last.cells[1]} {_one_line(text)}".strip()
    index = max(i for i, line_place in enumerate(reading.places) if line_place == last.place)
    reading.lines[index] = f"{last.cells[0]} {last.cells[1]}"


def _detail(filled: list[str], place: Place, reading: Reading) -> None:
    label, value = _one_line(filled[0]), filled[1]
    listed = LABEL_INDEX.get(normalise(label)) in LIST_FIELDS
    parts = [" ".join(line.split()) for line in value.splitlines() if line.strip()]
    shown = "; ".join(parts) if listed else " ".join(parts)
    reading.rows.append(Row("detail", [label, shown], place))
    reading.add(f"{label}\t{shown}", place)


def _among_details(label: str, reading: Reading) -> bool:
    """A short label of a row that follows a detail: a detail the vocabulary does not know ("Level"), which the
    parser keeps as it is and warns about."""
    short = len(_one_line(label)) <= 40 and not CODE.match(_one_line(label))
    return short and bool(reading.rows) and reading.rows[-1].kind == "detail"


def _one_line(text: str) -> str:
    return " ".join(text.split())

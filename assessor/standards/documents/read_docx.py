"""A standard's Word file (.docx), as the NOS database publishes it, read into paragraphs and tables in order.

python-docx gives the body's paragraphs and tables as they stand; a merged cell is counted once.
Headers and footers live outside the body, so they are never read.
"""
import io

import docx
from docx.table import Table as WordTable
from flask_babel import lazy_gettext as _l

from .layout import lay_out
from .model import DocumentRefused, Paragraph, Place, Reading, Table


def read_docx(data: bytes) -> Reading:
    """The Word file's text laid out for the parser, with its tables kept for the preview. Raises DocumentRefused."""
    try:
        body = docx.Document(io.BytesIO(data)).iter_inner_content()
        blocks = list(_blocks(body))
    except Exception as error:  # noqa: BLE001  (a damaged file fails in zipfile, lxml or python-docx)
        raise DocumentRefused(_l("The file looks like a Word document but cannot be read: it may be damaged. Save it again from Word.")) from error
    tables = [block.rows for block in blocks if isinstance(block, Table)]
    if not tables:
        raise DocumentRefused(
            _l("The Word document has no tables, so it is not laid out as the NOS database publishes standards (the "
               "criteria and knowledge in tables). Copy the standard's text and paste it in instead.")
        )
    reading = lay_out(blocks, Reading("docx"))
    reading.tables = tables
    return reading


def _blocks(body):
    tables = paragraphs = 0
    for part in body:
        if isinstance(part, WordTable):
            tables += 1
            yield Table([_cells(row) for row in part.rows], Place(table=tables))
        elif part.text.strip():
            paragraphs += 1
            yield Paragraph(part.text, Place(paragraph=paragraphs))


def _cells(row) -> list[str]:
    """The row's cells, a cell merged across columns once."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell.text)
    return cells

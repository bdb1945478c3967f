"""A standard's PDF, as the NOS database publishes it, read into paragraphs and tables in reading order.

pdfplumber finds the ruled tables and the text around them; lines of one paragraph are joined; running
headers and footers (a line near the top or bottom edge that comes back on other pages, or a page
number) are left out. Each page is drawn (pypdfium2) for the preview.
"""
import io
import re
from dataclasses import dataclass

import pdfplumber
import pypdfium2
from flask_babel import lazy_gettext as _l
from pdfminer.pdfdocument import PDFPasswordIncorrect

from .layout import lay_out
from .model import DocumentRefused, Paragraph, Place, Reading, Table

MAX_PAGES = 60
#: the share of the page's height at the top and at the bottom where running headers and footers are looked for
EDGE = 0.1
PAGE_NUMBER = re.compile(r"(?:^|\s)(?:page|tudalen)\s+\d+(?:\s+(?:of|o)\s+\d+)?$|^\d+(?:\s*/\s*\d+)?$", re.IGNORECASE)
#: the width a page is drawn at for the preview, in pixels
PAGE_WIDTH = 640


@dataclass
class Found:
    """A table or a paragraph found on a page, where it starts, and whether it lies in the top or bottom margin."""

    top: float
    block: Paragraph | Table
    at_edge: bool = False


def read_pdf(data: bytes) -> Reading:
    """The PDF's text laid out for the parser. Raises DocumentRefused."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentRefused(_l("The PDF has more than %(count)d pages: it is not one standard.", count=MAX_PAGES))
            pages = [_page_blocks(page, number) for number, page in enumerate(pdf.pages, start=1)]
    except DocumentRefused:
        raise
    except Exception as error:  # noqa: BLE001  (pdfminer raises many kinds for a damaged file; pdfplumber wraps them)
        if any(isinstance(cause, PDFPasswordIncorrect) for cause in (error, *error.args)):
            raise DocumentRefused(_l("The PDF is protected by a password. Save a copy without the password, then upload that.")) from error
        raise DocumentRefused(_l("The file looks like a PDF but cannot be read: it may be damaged. Download it again from the NOS database.")) from error
    _check_readable(pages)
    return lay_out(_without_running_lines(pages), Reading("pdf"))


def draw_pages(data: bytes) -> list[bytes]:
    """Each page of the PDF as a PNG, PAGE_WIDTH pixels wide, for the preview (only a PDF read_pdf has read)."""
    document = pypdfium2.PdfDocument(data)
    try:
        images = []
        for page in document:
            bitmap = page.render(scale=PAGE_WIDTH / page.get_width(), grayscale=True)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()


def _check_readable(pages: list[list[Found]]) -> None:
    blocks = [found.block for page in pages for found in page]
    if not blocks:
        raise DocumentRefused(
            _l("The PDF has no text Assessor can read: it may be a scan or a picture of the pages. Download the "
               "standard from the NOS database, or type or paste its text in.")
        )
    if not any(isinstance(block, Table) for block in blocks):
        raise DocumentRefused(
            _l("The PDF has no tables, so it is not laid out as the NOS database publishes standards (the criteria "
               "and knowledge in tables). Copy the standard's text and paste it in instead.")
        )


def _page_blocks(page, number: int) -> list[Found]:
    """Each table and paragraph of the page, top to bottom (text drawn twice over, as some PDFs draw bold, read once)."""
    page = page.dedupe_chars()
    tables = page.find_tables(_closing_open_tables(page))
    found = []
    for index, table in enumerate(tables, start=1):
        rows = [[cell or "" for cell in row if cell is not None] for row in table.extract()]
        found.append(Found(table.bbox[1], Table(rows, Place(number, index))))
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for top, bottom, text in _paragraphs(outside.extract_text_lines(return_chars=True)):
        edge = bottom < page.height * EDGE or top > page.height * (1 - EDGE)
        found.append(Found(top, Paragraph(text, Place(number)), edge))
    return sorted(found, key=lambda entry: entry.top)


def _closing_open_tables(page) -> dict:
    """Table settings that close a table cut by a page break: a rule across each end of every vertical rule, so the
    row split over two pages is a row on each (the second, its code cell empty, carries the first on)."""
    ends = {round(y, 1) for edge in page.edges if edge["orientation"] == "v" for y in (edge["top"], edge["bottom"])}
    return {"explicit_horizontal_lines": sorted(ends)}


def _inside(char: dict, boxes: list[tuple]) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _paragraphs(lines: list[dict]) -> list[tuple[float, float, str]]:
    """Lines joined into paragraphs: the next line of the same size that follows closely carries the paragraph on."""
    joined: list[list] = []
    for line in lines:
        size = round(line["chars"][0]["size"], 1) if line["chars"] else 0
        if joined and joined[-1][3] == size and line["top"] - joined[-1][1] < size * 0.6:
            joined[-1][1], joined[-1][2] = line["bottom"], f"{joined[-1][2]} {line['text']}"
        else:
            joined.append([line["top"], line["bottom"], line["text"], size])
    return [(top, bottom, text) for top, bottom, text, _size in joined]


def _without_running_lines(pages: list[list[Found]]) -> list[Paragraph | Table]:
    """Every block but running headers, footers and page numbers (in a margin: on more than one page, or a number)."""
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_shape(found.block.text) for found in page if found.at_edge}:
            seen[key] = seen.get(key, 0) + 1

    def running(found: Found) -> bool:
        if not found.at_edge:
            return False
        text = found.block.text
        return seen.get(_shape(text), 0) > 1 or bool(PAGE_NUMBER.search(text.strip()))

    return [found.block for page in pages for found in page if not running(found)]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())

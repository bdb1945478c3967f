"""Importing a standard's PDF or Word file in the browser: each page (or table) beside what was read, then load."""
import html
import io
import re

import pytest

from assessor.standards.services import find_standard

from ..factories import login_as
from .nos_documents import ENGLISH, WELSH, as_docx, as_pdf
from .test_import_views import MISSING_IDENTITY


@pytest.fixture
def importer(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.admin)
    return client


def _upload(client, data: bytes, name: str, **fields):
    return client.post("/standards-import/preview", data={**MISSING_IDENTITY, "text": "", "upload": (io.BytesIO(data), name), **fields})


def _hidden(page: str, name: str) -> str:
    confirm = page[page.index('action="/standards-import/confirm"'):]
    return html.unescape(re.search(rf'name="{name}" value="([^"]*)"', confirm).group(1))


def test_a_pdf_is_previewed_page_by_page_then_loaded(importer, db_session):
    response = _upload(importer, as_pdf(WELSH), "safon.pdf")
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert "Each page beside what was read from it" in page and "Page 1 of 2" in page and "Page 2 of 2" in page
    assert page.count('src="data:image/png;base64,') == 2 and 'alt="Page 2 of the PDF, as printed.' in page
    assert "ymddwyn yn foesegol wrth ddelio â chleientiaid" in html.unescape(page) and "LOCAL-DOCCY01" in page
    assert find_standard(db_session, "LOCAL-DOCCY01") is None
    text = _hidden(page, "text")
    assert text.startswith("Rheoli perthnasoedd") and "\nP3 ymddwyn yn foesegol" in text
    confirmed = importer.post("/standards-import/confirm", data={**MISSING_IDENTITY, "text": text})
    assert confirmed.status_code == 302 and confirmed.location.endswith("/standards/LOCAL-DOCCY01/2")
    standard = find_standard(db_session, "LOCAL-DOCCY01")
    assert standard.language == "cy" and len(standard.top_level("pc")) == 5 and len(standard.top_level("k")) == 3


def test_a_word_file_shows_each_table_row_beside_what_was_read(importer):
    response = _upload(importer, as_docx(ENGLISH), "whatever-name.txt")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "Each table beside what was read from it" in page and "Table 3 of 3" in page and "In the file" in page
    assert "Row 4:" in page and "<strong>P3</strong> behave ethically when dealing with clients" in page
    assert 'name="from_file" type="hidden" value="1"' in page or 'type="hidden" name="from_file" value="1"' in page


def test_the_file_chosen_again_replaces_the_text_read_from_it(importer):
    first = _upload(importer, as_docx(ENGLISH), "standard.docx", urn="LOCAL-FIRST")
    text = _hidden(first.get_data(as_text=True), "text")
    again = _upload(importer, as_docx(ENGLISH), "standard.docx", text=text, from_file="1")
    assert again.status_code == 200 and "Table 1 of 3" in again.get_data(as_text=True)
    typed = _upload(importer, as_docx(ENGLISH), "standard.docx", text="typed by hand")
    assert typed.status_code == 422 and "not both" in typed.get_data(as_text=True)


def test_a_problem_in_a_file_is_named_by_its_page_and_row(importer):
    import docx

    document = docx.Document(io.BytesIO(as_docx(ENGLISH)))
    cell = document.tables[1].add_row().cells
    cell[0].merge(cell[1]).text = "Something stray here"
    buffer = io.BytesIO()
    document.save(buffer)
    response = _upload(importer, buffer.getvalue(), "standard.docx")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert '<a href="#source-2">Table 2, row 4: ' in page and "cannot place 'Something stray here'" in page
    assert "Load this standard" not in page


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (as_pdf(ENGLISH, tables=False), "standard.pdf", "The PDF has no tables"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "standard.pdf", "The file is not a PDF, a Word document (.docx) or plain text"),
        (b"%PDF-1.7\n\x00\x01\x02 not really", "standard.txt", "The file looks like a PDF but cannot be read"),
    ],
    ids=["no-tables", "png-named-pdf", "broken-pdf"],
)
def test_files_that_cannot_be_read_are_refused_on_the_upload_field(importer, data, name, says):
    response = _upload(importer, data, name)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and says in page and 'href="#upload"' in page


def test_a_file_over_the_upload_limit_is_refused(app, importer):
    app.config["UPLOAD_MAX_BYTES"] = 1000
    response = _upload(importer, as_docx(ENGLISH), "standard.docx")
    assert response.status_code == 422 and "The file must be smaller than" in response.get_data(as_text=True)


def test_a_pdf_that_cannot_be_drawn_is_still_shown_page_by_page(importer, monkeypatch):
    import pypdfium2

    from assessor.standards.documents import sources

    def refuse(_data):
        raise pypdfium2.PdfiumError("cannot draw")

    monkeypatch.setattr(sources, "draw_pages", refuse)
    response = _upload(importer, as_pdf(ENGLISH), "standard.pdf")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "data:image/png" not in page
    assert page.count("Assessor could not draw this page.") == 2 and "Page 2 of 2" in page

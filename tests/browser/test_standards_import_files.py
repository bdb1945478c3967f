"""Importing a standard's PDF and Word file in the browser, in Welsh: each page (or table) beside what was read,
reached by keyboard, checked by axe-core, then loaded."""
import io
import re

import docx
import pytest

from assessor import demo as people

from ..standards.nos_documents import ENGLISH, WELSH, as_docx, as_pdf

pytestmark = pytest.mark.browser

IMPORTER = people.PROVIDER_ADMIN_PERSON  # Welsh


def _choose_and_check(page, ui, name: str, mime: str, data: bytes) -> None:
    page.goto("/standards-import/")
    page.set_input_files("#upload", files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.get_by_role("button", name=ui(page, "Check the standard")).click()
    page.wait_for_url(re.compile(r"/standards-import/preview$"))


def test_a_pdf_is_shown_page_by_page_and_loaded(page, demo, sign_in, ui, axe, screenshot):
    sign_in(page, IMPORTER.email, demo.password)
    _choose_and_check(page, ui, "safon.pdf", "application/pdf", as_pdf(WELSH))
    assert page.locator("html").get_attribute("lang") == "cy"
    second = page.get_by_role("region", name=ui(page, "Page %(number)d of %(count)d", number=2, count=2))
    assert second.get_by_role("img", name=ui(page, "Page %(number)d of the PDF, as printed. What was read from it follows.", number=2)).is_visible()
    assert "LOCAL-DOCCY01" in second.inner_text()
    first = page.get_by_role("region", name=ui(page, "Page %(number)d of %(count)d", number=1, count=2))
    assert "ymddwyn yn foesegol wrth ddelio â chleientiaid" in first.inner_text()
    axe(page)
    screenshot(page, "import-pdf-cy")
    load = page.get_by_role("button", name=ui(page, "Load this standard"))
    load.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/standards/LOCAL-DOCCY01/2$"))
    assert "ymddwyn yn foesegol" in page.get_by_role("main").inner_text()


def test_a_word_file_shows_its_tables_and_a_problem_is_named_by_its_row(page, demo, sign_in, ui, axe, screenshot):
    sign_in(page, IMPORTER.email, demo.password)
    document = docx.Document(io.BytesIO(as_docx(ENGLISH)))
    cells = document.tables[1].add_row().cells
    cells[0].merge(cells[1]).text = "Something stray here"
    buffer = io.BytesIO()
    document.save(buffer)
    _choose_and_check(page, ui, "standard.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer.getvalue())
    assert page.get_by_role("region", name=ui(page, "In the file")).count() == 3
    problem = page.locator(".govuk-error-summary a", has_text="Something stray here")
    assert problem.inner_text().startswith("Tabl 2, rhes 4:")
    axe(page)
    screenshot(page, "import-docx-cy")
    problem.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#source-2$"))
    table = page.get_by_role("region", name=ui(page, "Table %(number)d of %(count)d", number=2, count=3))
    assert "Something stray here" in table.get_by_role("region", name=ui(page, "In the file")).inner_text()
    assert page.get_by_role("button", name=ui(page, "Load this standard")).count() == 0

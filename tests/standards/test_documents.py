"""Reading standards from the PDF and Word files the NOS database publishes (made here in its layout)."""
import io

import docx
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from assessor.cli import main
from assessor.standards.documents import DocumentRefused, parse_bytes, read_document
from assessor.standards.services import find_standard

from .nos_documents import ENGLISH, WELSH, add_table, as_docx, as_pdf, seed_sized

MAKERS = {"pdf": as_pdf, "docx": as_docx}


@pytest.fixture(scope="module")
def files():
    """Each standard in each layout, made once: {("cy", "pdf"): bytes, ...}."""
    return {(standard["language"], kind): make(standard) for standard in (WELSH, ENGLISH) for kind, make in MAKERS.items()}


def _refusal(data: bytes) -> str:
    with pytest.raises(DocumentRefused) as refused:
        parse_bytes(data)
    return str(refused.value)


@pytest.mark.parametrize("kind", MAKERS)
@pytest.mark.parametrize("standard", [WELSH, ENGLISH], ids=["cy", "en"])
def test_every_criterion_knowledge_item_and_detail_is_read(app, files, standard, kind):
    with app.test_request_context():
        result, reading = parse_bytes(files[(standard["language"], kind)])
    assert result.ok, [str(error) for error in result.errors]
    document = result.document
    assert reading.kind == kind and document["language"] == standard["language"]
    assert document["title"] == standard["title"] and document["overview"] == standard["overview"]
    expected = [(code, text, group) for group, items in standard["criteria"] for code, text in items]
    assert [(item["code"], item["text"], item["group"]) for item in document["performance_criteria"]] == expected
    assert [(item["code"], item["text"]) for item in document["knowledge"]] == standard["knowledge"]
    details = dict(standard["details"])
    assert document["urn"] == details["URN"] and document["version"] == "2" and document["developed_by"] == "ScreenSkills"
    assert len(document["keywords"]) == 3 and len(document["occupations"]) == 2
    assert result.warnings == []


def test_running_headers_footers_and_page_numbers_are_left_out(app, files):
    with app.test_request_context():
        reading = read_document(files[("cy", "pdf")])
    assert not any("Tudalen" in line or "LOCAL-DOCCY01 Rheoli" in line for line in reading.lines)
    assert reading.lines[0] == WELSH["title"]
    assert {row.place.page for row in reading.rows} == {1, 2}


def test_a_criterion_cut_by_a_page_break_is_read_whole(app):
    standard = seed_sized(WELSH)
    with app.test_request_context():
        result, reading = parse_bytes(as_pdf(standard))
    assert result.ok, [str(error) for error in result.errors]
    cut = next(row for row in reading.rows if row.cells[0] == "P16")
    assert cut.place.page == 1 and cut.cells[1].startswith("nodi anghenion") and cut.cells[1].endswith("(16)")
    expected = [text for _group, items in standard["criteria"] for _code, text in items]
    assert [item["text"] for item in result.document["performance_criteria"]] == expected


def _one_table(rows: list[tuple[str, str | None]]) -> bytes:
    """A Word file: a title, then one two-column table of `rows` (a row with None for its text is one merged cell)."""
    document = docx.Document()
    document.add_paragraph("Build relationships with customers")
    add_table(document, rows)
    return _saved(document)


def test_headings_in_rows_of_one_table_start_their_sections(app):
    rows = [("Performance criteria", None), ("P1", "greet customers"), ("P2", "listen to them"),
            ("Knowledge and understanding", None), ("K1", "why greeting matters"), ("URN", "LOCAL-ONETABLE")]
    with app.test_request_context():
        result, _reading = parse_bytes(_one_table(rows))
    assert result.ok, [str(error) for error in result.errors]
    assert [item["ref"] for item in result.document["performance_criteria"]] == ["P1", "P2"]
    assert [item["text"] for item in result.document["knowledge"]] == ["why greeting matters"]


def test_numbered_criteria_keep_their_sub_items(app):
    rows = [("Performance criteria", None), ("1.", "greet customers"), ("1.1", "by name where you know it"),
            ("2.", "listen to them"), ("Knowledge and understanding", None), ("1", "why greeting matters"), ("URN", "LOCAL-NUMBERED")]
    with app.test_request_context():
        result, _reading = parse_bytes(_one_table(rows))
    assert result.ok, [str(error) for error in result.errors]
    criteria = result.document["performance_criteria"]
    assert [(item["ref"], [child["ref"] for child in item["children"]]) for item in criteria] == [("P1", ["P1.1"]), ("P2", [])]
    assert result.document["knowledge"][0]["ref"] == "K1"


def test_headings_in_a_left_column_beside_their_text_are_read(app):
    rows = [("Overview", "This standard is about building relationships."),
            ("Performance criteria", "You must be able to:\nP1 greet customers\nP2 listen to them and\nnote what they need"),
            ("Knowledge and understanding", "You need to know and understand:\nK1 why greeting matters"),
            ("URN", "LOCAL-SIDEBAR"), ("Developed by", "Skills CFA")]
    with app.test_request_context():
        result, _reading = parse_bytes(_one_table(rows))
    assert result.ok, [str(error) for error in result.errors]
    document = result.document
    assert document["title"] == "Build relationships with customers" and document["urn"] == "LOCAL-SIDEBAR"
    assert [item["text"] for item in document["performance_criteria"]] == ["greet customers", "listen to them and note what they need"]
    assert document["overview"] == "This standard is about building relationships."


def test_a_detail_the_vocabulary_does_not_know_is_kept_with_a_warning_at_its_row(app):
    rows = [("Performance criteria", None), ("P1", "greet customers"), ("Knowledge and understanding", None),
            ("K1", "why greeting matters"), ("URN", "LOCAL-LEVEL"), ("Level", "3")]
    with app.test_request_context():
        result, _reading = parse_bytes(_one_table(rows))
    assert result.ok and result.document["other_metadata"] == {"Level": "3"}
    assert [str(warning) for warning in result.warnings] == ["Table 1, row 6: unknown detail 'Level': kept under other_metadata"]


def test_the_cli_imports_pdf_and_word(runner, db_session, files, tmp_path):
    for (language, kind), data in files.items():
        path = tmp_path / f"standard-{language}.{kind}"
        path.write_bytes(data)
        urn = f"LOCAL-{language.upper()}{kind.upper()}"
        result = runner.invoke(main, ["standards", "import", str(path), "--urn", urn])
        assert result.exit_code == 0, result.output
        assert f"{urn} version 2: added" in result.output
        standard = find_standard(db_session, urn)
        assert len(standard.top_level("pc")) == 5 and standard.language == language


def test_the_english_pdf_of_a_standard_held_in_welsh_attaches_as_its_official_english(runner, db_session, tmp_path):
    welsh, english = tmp_path / "safon.docx", tmp_path / "standard.pdf"
    welsh.write_bytes(as_docx(WELSH))
    english.write_bytes(as_pdf(dict(ENGLISH, details=[("URN", "LOCAL-DOCCY01"), *ENGLISH["details"][1:]])))
    assert runner.invoke(main, ["standards", "import", str(welsh)]).exit_code == 0
    done = runner.invoke(main, ["standards", "import", str(english)])
    assert done.exit_code == 0, done.output
    assert "LOCAL-DOCCY01 version 2 is held in Welsh; this English publication will be attached as its official English" in done.output
    held = find_standard(db_session, "LOCAL-DOCCY01", "2")
    assert held.language == "cy" and held.publication("en").source == "standard.pdf"
    assert held.title_en == ENGLISH["title"]


def test_the_cli_names_the_page_and_row_it_cannot_read(runner, db_session, tmp_path):
    path = tmp_path / "odd.docx"
    path.write_bytes(_docx_with_row(["P6", "a third cell", "and a fourth"]))
    result = runner.invoke(main, ["standards", "import", str(path)])
    assert result.exit_code == 1
    assert "Table 1, row 8: This row is neither a detail" in result.output


def test_a_pdf_row_it_cannot_be_sure_of_is_refused_with_its_page_and_row(app):
    (group, items), rest = ENGLISH["criteria"][0], ENGLISH["criteria"][1:]
    odd = dict(ENGLISH, criteria=[(group, [("Note", "ask your assessor"), *items]), *rest])
    with app.test_request_context():
        assert _refusal(as_pdf(odd)).startswith("Page 1, table 1, row 2: This row is neither a detail")


def test_a_row_the_parser_cannot_place_is_named_by_its_table_and_row(app):
    with app.test_request_context():
        result, _reading = parse_bytes(_docx_with_row(["Something stray here"], table=1))
    placed = [str(error) for error in result.errors]
    assert any(error.startswith("Table 2, row 4: cannot place 'Something stray here'") for error in placed), placed


def test_a_row_swallowed_into_the_criterion_above_is_refused_not_loaded(app):
    with app.test_request_context():
        result, _reading = parse_bytes(_docx_with_row(["and then something else entirely"], table=1))
    assert not result.ok
    assert [str(error) for error in result.errors] == [
        "Table 2, row 3: This row did not come through whole as K3. Check the table in the document, or copy "
        "the standard's text and paste it in instead."
    ]


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda: as_pdf(ENGLISH, tables=False), "The PDF has no tables"),
        (lambda: as_docx(ENGLISH, tables=False), "The Word document has no tables"),
        (lambda: _scanned_pdf(), "The PDF has no text Assessor can read: it may be a scan"),
        (lambda: _encrypted_pdf(), "The PDF is protected by a password"),
        (lambda: b"%PDF-1.7\n%\xe2\xe3\nnot really a PDF at all", "looks like a PDF but cannot be read"),
        (lambda: _zip_of_other_things(), "not a Word document"),
        (lambda: _png(), "not a PDF, a Word document (.docx) or plain text"),
    ],
    ids=["pdf-no-tables", "docx-no-tables", "scanned", "encrypted", "broken-pdf", "other-zip", "png"],
)
def test_files_that_are_not_a_published_standard_are_refused_with_what_to_do(app, make, says):
    with app.test_request_context():
        assert says in _refusal(make())


def test_a_word_file_that_is_not_a_standard_is_refused_at_its_first_row(app):
    document = docx.Document()
    document.add_paragraph("Minutes of the meeting")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Item", "Who", "When"), strict=True):
        cell.text = text
    with app.test_request_context():
        assert _refusal(_saved(document)).startswith("Table 1, row 1: This row is neither a detail")


def test_a_welsh_reader_gets_the_refusal_in_welsh(app):
    with app.test_request_context(headers={"Accept-Language": "cy"}):
        refusal = _refusal(_encrypted_pdf())
    assert "cyfrinair" in refusal


def _docx_with_row(cells: list[str], table: int = 0) -> bytes:
    """The English standard as Word, with a row added to the end of one of its tables."""
    document = docx.Document(io.BytesIO(as_docx(ENGLISH)))
    target = document.tables[table]
    while len(target.columns) < len(cells):
        target.add_column(docx.shared.Cm(2))
    row = target.add_row().cells
    if len(cells) == 1:
        row = [row[0].merge(row[-1])]
    for cell, text in zip(row, cells, strict=False):
        cell.text = text
    return _saved(document)


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (400, 200), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    import base64

    image = base64.b64encode(_png()).decode("ascii")
    return HTML(string=f'<html><body><img src="data:image/png;base64,{image}" width="400"></body></html>').write_pdf()


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(as_pdf(ENGLISH))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip_of_other_things() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()

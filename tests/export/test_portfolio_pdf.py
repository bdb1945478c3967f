"""The portfolio PDF: its text, structure and metadata, in both languages; fetching locked down."""
import io

import pytest
from pypdf import PdfReader

from assessor.cli import main
from assessor.export.data import portfolio_data
from assessor.export.fetcher import AssetFetcher, FetchRefused
from assessor.export.render import ASSETS_DIR, drawable_images, portfolio_html, portfolio_pdf, render_pdf

from ..factories import login_as, make_evidence


def pdf_text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.fixture
def english_pdf(app, db_session, world, storage_root):
    with app.app_context():
        return portfolio_pdf(db_session, world.a.learner, "en", storage_root)


def test_the_english_document_has_cover_contents_criteria_and_evidence(english_pdf, world):
    reader, text = pdf_text(english_pdf)
    portfolio = world.a.portfolio
    assert "Portfolio of evidence" in text and world.a.learner.name in text and world.a.provider.name in text
    assert "Contents" in text and "Evidence index" in text and "Evidence in full" in text
    assert "SKSCMGS11" in text and "P16" in text and "K14" in text
    for item in (portfolio.draft, portfolio.submitted, portfolio.reviewed):
        assert item.reference in text
    assert "notes.pdf" in text and portfolio.file.sha256 in text.replace("\n", "")
    assert "Signed off by" in text and "Not yet countersigned by the learner." in text
    assert "Page 1 of" in text


def test_the_contents_give_page_numbers_and_bookmarks_follow_the_headings(english_pdf, world):
    reader, text = pdf_text(english_pdf)
    contents_page = reader.pages[1].extract_text()
    assert "Evidence index" in contents_page and any(char.isdigit() for char in contents_page)
    titles = outline_titles(reader)
    assert "Contents" in titles and "Evidence index" in titles
    assert any(title.startswith("SKSCMGS11") for title in titles)
    assert any(title.startswith(world.a.portfolio.submitted.reference) for title in titles)


def test_the_document_carries_its_title_author_and_language(english_pdf, world):
    reader = PdfReader(io.BytesIO(english_pdf))
    assert reader.metadata.title == f"Portfolio of evidence: {world.a.learner.name}"
    assert reader.metadata.author == world.a.learner.name
    assert reader.trailer["/Root"].get("/Lang") == "en"


def test_the_welsh_document_uses_welsh_labels(app, db_session, world, storage_root):
    with app.app_context():
        pdf = portfolio_pdf(db_session, world.a.learner, "cy", storage_root)
    reader, text = pdf_text(pdf)
    assert "Portffolio tystiolaeth" in text and "Cynnwys" in text and "Mynegai tystiolaeth" in text
    assert "Tudalen 1 o" in text
    assert reader.trailer["/Root"].get("/Lang") == "cy"


def test_user_content_that_names_files_or_urls_fetches_nothing(app, db_session, world, storage_root, monkeypatch):
    body = (
        "![secret](file:///etc/passwd) ![remote](http://127.0.0.1:9/x.png)\n\n"
        '<img src="file:///etc/passwd"> <link rel="stylesheet" href="http://127.0.0.1:9/x.css">\n\n'
        "[a link](file:///etc/shadow)"
    )
    make_evidence(db_session, world.a.learner, world.a.enrolment, ("P5",), title='<img src="file:///etc/hosts">', body=body)
    asked: list[str] = []
    original = AssetFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(AssetFetcher, "fetch", spy)
    with app.app_context():
        pdf = portfolio_pdf(db_session, world.a.learner, "en", storage_root)
    assert pdf.startswith(b"%PDF")
    assert asked and all(url.startswith(("assessor-asset:", "assessor-image:")) for url in asked)
    _reader, text = pdf_text(pdf)
    assert "root:" not in text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.css",
        "data:image/png;base64,iVBORw0KGgo=",
        "assessor-asset:../../../etc/passwd",
        "assessor-asset:/../render.py",
        "assessor-image:" + "0" * 64,
        "ftp://example.org/x",
    ],
)
def test_the_fetcher_refuses_everything_but_assets_and_listed_images(url, storage_root):
    fetcher = AssetFetcher(ASSETS_DIR, storage_root, {})
    with pytest.raises(FetchRefused):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_html_asking_for_a_local_file_renders_without_it(monkeypatch):
    refused: list[str] = []
    original = AssetFetcher._refuse

    def spy(self, url):
        refused.append(url)
        return original(self, url)

    monkeypatch.setattr(AssetFetcher, "_refuse", spy)
    html = '<html lang="en"><head><title>x</title></head><body><img src="file:///etc/passwd"><p>Hello</p></body></html>'
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF") and refused == ["file:///etc/passwd"]


def test_stored_images_are_drawn_only_when_listed(app, db_session, world, storage_root):
    with app.app_context():
        data = portfolio_data(db_session, world.a.learner)
    assert drawable_images(data) == {}
    fetcher = AssetFetcher(ASSETS_DIR, storage_root, {world.a.portfolio.file.sha256: "application/pdf"})
    with pytest.raises(FetchRefused):
        fetcher.fetch("assessor-image:" + world.a.portfolio.file.sha256)


def test_the_html_escapes_user_text(app, db_session, world):
    make_evidence(db_session, world.a.learner, world.a.enrolment, ("P6",), title="<script>alert(1)</script>")
    with app.app_context():
        html = portfolio_html(portfolio_data(db_session, world.a.learner), "en")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_download_queues_the_render_and_shows_its_progress(app, client, world):
    login_as(client, world.a.assessor)
    response = client.get(f"/learners/{world.a.learner.id}/portfolio.pdf?lang=cy")
    assert response.status_code == 302 and "/portfolio/jobs/" in response.headers["Location"]
    assert app.extensions["task_broker"].queues["pdfs"].qsize() == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Being prepared" in page and '<meta http-equiv="refresh" content="3">' in page


def test_an_unknown_language_is_not_found(client, world):
    login_as(client, world.a.learner)
    assert client.get(f"/learners/{world.a.learner.id}/portfolio.pdf?lang=fr").status_code == 404


def test_the_command_writes_the_pdf(runner, world, tmp_path):
    output = tmp_path / "portfolio.pdf"
    result = runner.invoke(main, ["export", "portfolio", "--learner", world.a.learner.email, "--lang", "en", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes().startswith(b"%PDF")


def test_the_command_names_an_unknown_learner(runner, tmp_path):
    result = runner.invoke(main, ["export", "portfolio", "--learner", "nobody@example.org", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0 and "nobody@example.org" in result.output

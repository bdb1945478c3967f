"""A provider administrator loads a Welsh standard, then its English publication: the preview says what will happen."""
from pathlib import Path

import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
#: a URN of this test's own, so the shipped standards other tests read keep their unofficial English
URN = "LOCAL-BILINGUAL-BROWSER"


def _check(page, ui, *, text: str | None = None, upload: Path | None = None) -> None:
    page.goto("/standards-import/")
    if text is not None:
        page.locator("#text").fill(text)
    if upload is not None:
        page.set_input_files("#upload", str(upload))
    page.locator("#urn").fill(URN)
    page.get_by_role("button", name=ui(page, "Check the standard")).click()


def test_the_english_publication_is_previewed_then_attached_to_the_welsh(page, demo, sign_in, ui, axe):
    sign_in(page, people.PROVIDER_ADMIN_PERSON.email, demo.password)
    (seed,) = (REPO / "standards" / "sources").glob("000_*.txt")
    _check(page, ui, text=seed.read_text(encoding="utf-8"))
    page.get_by_role("button", name=ui(page, "Load this standard")).click()
    page.wait_for_url(f"**/standards/{URN}/3")

    _check(page, ui, upload=REPO / "tests" / "standards" / "publications" / "SKSCMGS11_en.txt")
    panel = page.locator("#publication")
    assert ui(page, "The English publication of a standard held in Welsh") in panel.inner_text()
    assert "P1, P2" in panel.inner_text() and ui(page, "The two publications agree in structure: every item has its match.") in panel.inner_text()
    axe(page)
    page.get_by_role("button", name=ui(page, "Attach as the official English")).click()
    page.wait_for_url(f"**/standards/{URN}/3")

    page.get_by_role("link", name=ui(page, "Read the official English publication")).click()
    status = page.locator("#text-status")
    assert "SKSCMGS11_en.txt" in status.inner_text()
    assert page.locator("h1").inner_text() == "Look after working relationships with clients and customers in creative work"
    axe(page)

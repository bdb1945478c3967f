"""A file too large for an upload is named as soon as it is chosen, and the form is not sent: nothing typed is lost."""
import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

#: a learner whom no other browser test signs in as to add evidence
LEARNER = people.LEARNERS[7]


def test_a_file_over_the_limit_is_named_before_sending(page, demo, sign_in, ui, axe):
    sign_in(page, LEARNER.email, demo.password)
    page.goto("/portfolio/evidence/new?kind=file")
    page.locator("#title").fill("Client brief")
    page.locator("#activity_date").fill("2026-11-02")
    limit = int(page.locator("#files").get_attribute("data-max-bytes"))
    choose_file_of_size(page, "#files", "big.pdf", limit + 1)
    error = page.locator("#files-error")
    assert error.is_visible() and "big.pdf" in error.inner_text()
    page.get_by_role("button", name=ui(page, "Save as a draft")).click()
    page.wait_for_timeout(300)
    assert page.url.endswith("/portfolio/evidence/new?kind=file") and page.locator("#title").input_value() == "Client brief"
    assert page.evaluate("document.activeElement.id") == "files"
    axe(page)


def choose_file_of_size(page, selector: str, name: str, size: int) -> None:
    """Choose a file made in the page, as a person choosing it would: its bytes never cross the browser's wire protocol."""
    page.evaluate(
        """([selector, name, size]) => {
            const input = document.querySelector(selector), chosen = new DataTransfer();
            chosen.items.add(new File([new Uint8Array(size)], name, {type: "application/pdf"}));
            input.files = chosen.files;
            input.dispatchEvent(new Event("change", {bubbles: true}));
        }""",
        [selector, name, size],
    )

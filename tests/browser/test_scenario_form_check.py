"""An author empties a Welsh text on a node's form and sees the problem in the page's panel without saving; refilled,
the problem goes. The panel passes axe-core either way."""
import re

import pytest

from assessor import demo as people
from assessor.config import PROJECT_ROOT

pytestmark = pytest.mark.browser

AUTHOR = people.PROVIDER_ADMIN_PERSON
SCENARIO_ID = "browser-form-check"
SOURCE = (PROJECT_ROOT / "scenarios" / "postprod-grade-deadline-shift.yaml").read_text(encoding="utf-8").replace(
    "id: postprod-grade-deadline-shift", f"id: {SCENARIO_ID}")
START = re.search(r"^start: (\S+)$", SOURCE, re.MULTILINE)[1]


def test_an_emptied_welsh_text_shows_in_the_panel_as_typed_and_goes_when_refilled(page, demo, sign_in, ui, axe):
    sign_in(page, AUTHOR.email, demo.password)
    page.goto("/authoring/scenarios/new")
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(SOURCE)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))
    node_url = f"{page.url}/nodes/{START}"
    page.goto(node_url)
    panel = page.locator("#check-results")
    assert panel.get_attribute("aria-live") == "polite"
    assert ui(page, "The check finds no problems here.") in panel.inner_text()

    welsh = page.locator("#client-cy")
    original = welsh.input_value()
    welsh.fill("")
    panel.locator('a[href="#client-cy"]').wait_for()
    assert ui(page, "Write this in Welsh.") in panel.inner_text()
    assert ui(page, "Checked as you type: these findings are for what is in the form, which is not saved yet.") in (
        panel.inner_text())
    assert panel.locator("[data-problems] a").first.get_attribute("href").endswith("#client-cy")
    axe(page)
    saved = page.context.new_page()
    saved.goto(node_url)
    assert saved.locator("#client-cy").input_value() == original
    saved.close()

    welsh.fill(original)
    panel.get_by_text(ui(page, "The check finds no problems here."), exact=True).wait_for()
    assert panel.locator('a[href="#client-cy"]').count() == 0
    axe(page)

"""An author previews a draft in Welsh, sets a variable and jumps to a node, switches to English, plays on to an ending
and reads the debrief."""
import re

import pytest

from assessor import demo as people
from assessor.config import PROJECT_ROOT

from .test_scenario_player import minimum_words, reply_words

pytestmark = pytest.mark.browser

AUTHOR = people.PROVIDER_ADMIN_PERSON
SCENARIO_ID = "browser-previewed-decision"
SOURCE = (PROJECT_ROOT / "scenarios" / "creative-agency-new-decision-maker.yaml").read_text(encoding="utf-8").replace(
    "id: creative-agency-new-decision-maker", f"id: {SCENARIO_ID}")
WELSH_TITLE, ENGLISH_TITLE = "Wyneb newydd wrth y llyw", "A new face in charge"


def test_an_author_previews_a_draft_in_welsh_jumps_and_reaches_an_ending(page, demo, sign_in, ui, axe, screenshot):
    sign_in(page, AUTHOR.email, demo.password)
    page.goto("/authoring/scenarios/new")
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(SOURCE)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))
    page.get_by_role("link", name=ui(page, "Preview the draft in the player"), exact=True).click()
    axe(page)
    page.get_by_label(ui(page, "Welsh"), exact=True).check()
    page.get_by_role("button", name=ui(page, "Start the preview"), exact=True).click()
    page.wait_for_url(re.compile(r"/preview$"))
    assert page.locator("h1").inner_text() == WELSH_TITLE and page.locator("h1").get_attribute("lang") in (None, "cy")
    assert page.locator("#preview-node").inner_text() == "new-lead-calls"
    assert page.locator('[data-variable="trust"]').inner_text() == "4"
    axe(page)

    page.get_by_label(ui(page, "Node"), exact=True).select_option("prevent-repeat")
    page.get_by_text(ui(page, "Set the variables before jumping"), exact=True).click()
    page.get_by_label("trust", exact=True).fill("8")
    page.get_by_role("button", name=ui(page, "Jump"), exact=True).click()
    page.locator("#preview-node").get_by_text("prevent-repeat", exact=True).wait_for()
    assert page.locator('[data-variable="trust"]').inner_text() == "8"
    assert page.get_by_text(ui(page, "Jumped to node %(node)s", node="prevent-repeat"), exact=True).is_visible()
    axe(page)

    page.get_by_label(ui(page, "English"), exact=True).check()
    page.get_by_role("button", name=ui(page, "Change language"), exact=True).click()
    page.get_by_role("heading", name=ENGLISH_TITLE, exact=True).wait_for()
    interface = page.locator("html").get_attribute("lang")
    assert page.locator("h1").get_attribute("lang") == (None if interface == "en" else "en")
    axe(page)

    for _turn in range(12):
        if page.locator("#player-ending").count():
            break
        if page.locator("textarea[name=answer]").count():
            minimum = int(minimum_words(page, ui).search(page.locator("#answer-hint").inner_text())[1])
            page.locator("textarea[name=answer]").fill(reply_words(minimum))
        else:
            page.locator("input[name=choice]").first.check()
        page.get_by_role("button", name=ui(page, "Send"), exact=True).click()
        page.wait_for_load_state()
    else:
        pytest.fail("no ending reached")
    axe(page)
    screenshot(page, "scenario-preview-ended")
    page.get_by_role("link", name=ui(page, "See your debrief")).click()
    page.get_by_role("heading", name=ui(page, "How it ended"), exact=True).wait_for()
    assert page.get_by_text(ui(page, "Debrief of the preview"), exact=True).is_visible()
    axe(page)

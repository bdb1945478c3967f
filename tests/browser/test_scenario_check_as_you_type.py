"""An author types into a draft's YAML and sees the check's findings change without saving; an author imports files."""
import re

import pytest

from assessor import demo as people
from assessor.config import PROJECT_ROOT

pytestmark = pytest.mark.browser

AUTHOR = people.PROVIDER_ADMIN_PERSON
SCENARIO_ID = "browser-typed-check"
SOURCE = (PROJECT_ROOT / "scenarios" / "postprod-grade-deadline-shift.yaml").read_text(encoding="utf-8").replace(
    "id: postprod-grade-deadline-shift", f"id: {SCENARIO_ID}")


def test_the_check_follows_the_typing_and_nothing_is_saved(page, demo, sign_in, ui, axe):
    sign_in(page, AUTHOR.email, demo.password)
    page.goto("/authoring/scenarios/new")
    editor = page.get_by_label(ui(page, "The scenario in YAML"), exact=True)
    editor.fill(SOURCE)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))
    panel = page.locator("#check-results")
    assert panel.get_attribute("aria-live") == "polite"
    saved = panel.inner_text()
    editor = page.get_by_label(ui(page, "The scenario in YAML"), exact=True)
    editor.press("Control+Home")
    editor.press_sequentially("# typed\nminutes: 3\n", delay=20)
    panel.get_by_text(ui(page, "Error"), exact=True).first.wait_for()
    assert ui(page, "Checked as you type: these findings are for the text in the editor, which is not saved yet.") in panel.inner_text()
    axe(page)
    page.reload()
    assert page.locator("#check-results").inner_text() == saved


def test_an_author_imports_files_and_sees_what_became_of_each(page, demo, sign_in, ui, axe, tmp_path):
    good = tmp_path / "browser-imported.yaml"
    good.write_text(SOURCE.replace(f"id: {SCENARIO_ID}", "id: browser-imported"), encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a scenario", encoding="utf-8")
    sign_in(page, AUTHOR.email, demo.password)
    page.goto("/authoring/scenarios/")
    axe(page)
    page.get_by_label(ui(page, "Scenario files to import"), exact=True).set_input_files([good, notes])
    page.get_by_role("button", name=ui(page, "Import scenarios"), exact=True).click()
    page.get_by_role("heading", name=ui(page, "What was imported"), exact=True).wait_for()
    assert page.locator('[data-outcome="created"]').count() == 1 and page.locator('[data-outcome="refused"]').count() == 1
    axe(page)
    page.get_by_role("link", name=ui(page, "Open the draft of %(id)s", id="browser-imported"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))

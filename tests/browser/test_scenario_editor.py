"""The structured editor in a browser: the nodes list, a node's form, the client's and the variables' forms, and the
map on the draft page, each passing axe-core; a node is saved from its form and a choice moved by its button."""
import re

import pytest

from assessor import demo as people
from assessor.config import PROJECT_ROOT

pytestmark = pytest.mark.browser

AUTHOR = people.PROVIDER_ADMIN_PERSON
SCENARIO_ID = "browser-edited-decision"
SOURCE = (PROJECT_ROOT / "scenarios" / "creative-agency-new-decision-maker.yaml").read_text(encoding="utf-8").replace(
    "id: creative-agency-new-decision-maker", f"id: {SCENARIO_ID}")


def test_an_author_edits_a_scenario_with_forms(page, demo, sign_in, ui, axe):
    sign_in(page, AUTHOR.email, demo.password)
    page.goto("/authoring/scenarios/new")
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(SOURCE)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))
    draft_url = page.url
    assert page.locator("#scenario-map svg a").count() >= 8
    axe(page)

    page.get_by_role("link", name=ui(page, "Edit the scenario with forms: its nodes, the client and the state variables"),
                     exact=True).click()
    axe(page)
    first = page.locator("tbody tr").first.get_attribute("data-node")
    page.locator("tbody tr").first.get_by_role("link").click()
    page.wait_for_url(re.compile(rf"/nodes/{re.escape(first)}$"))
    axe(page)
    english = page.locator("#client-en")
    english.fill(english.input_value() + " (edited)")
    page.get_by_role("button", name=ui(page, "Save node"), exact=True).click()
    page.wait_for_url(re.compile(rf"/nodes/{re.escape(first)}$"))
    assert page.locator("#client-en").input_value().endswith(" (edited)")
    if page.locator("#choice-actions").count():
        page.get_by_role("button", name=re.compile("^" + re.escape(ui(page, "Move down")))).first.click()
        page.wait_for_url(re.compile(r"#choice-actions$"))
        axe(page)

    page.goto(f"{draft_url}/persona")
    axe(page)
    page.get_by_role("button", name=ui(page, "Save the client"), exact=True).click()
    page.wait_for_url(re.compile(r"/persona$"))
    page.goto(f"{draft_url}/variables")
    axe(page)
    page.goto(f"{draft_url}#scenario-map")
    page.locator("#scenario-map summary").click()
    axe(page)

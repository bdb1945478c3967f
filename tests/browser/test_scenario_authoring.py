"""A provider administrator pastes a scenario, fixes what the check lists, publishes it; the provider's learner sees it."""
import re

import pytest

from assessor import demo as people
from assessor.config import PROJECT_ROOT

pytestmark = pytest.mark.browser

AUTHOR = people.PROVIDER_ADMIN_PERSON
#: a learner whose scenario list no other browser test reads
READER = people.LEARNERS[9]
SCENARIO_ID = "browser-authored-decision"
SOURCE = (PROJECT_ROOT / "scenarios" / "festival-client-budget-cut.yaml").read_text(encoding="utf-8").replace(
    "id: festival-client-budget-cut", f"id: {SCENARIO_ID}")
BROKEN = SOURCE.replace("duration_minutes:", "minutes:")


def test_an_author_writes_checks_and_publishes_and_a_learner_sees_it(page, demo, sign_in, sign_out, ui, axe, screenshot):
    sign_in(page, AUTHOR.email, demo.password)
    page.get_by_role("link", name=ui(page, "Scenarios you write"), exact=True).first.click()
    axe(page)
    page.get_by_role("link", name=ui(page, "New scenario"), exact=True).click()
    axe(page)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe(page)
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(BROKEN)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))
    assert page.get_by_text(re.compile(re.escape(ui(page, "line %(line)s", line=1)).replace("1", r"\d+"))).count() >= 1
    axe(page)
    screenshot(page, "scenario-draft-with-problems")
    page.get_by_role("button", name=ui(page, "Publish a new version"), exact=True).click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe(page)
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(SOURCE)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.get_by_text(ui(page, "The check found no problems."), exact=True).wait_for()
    page.get_by_role("button", name=ui(page, "Publish a new version"), exact=True).click()
    page.get_by_role("link", name=ui(page, "Download version %(version)s", version=1), exact=True).wait_for()
    axe(page)
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(SOURCE.replace("The same show, for less", "A new boss"))
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.get_by_role("button", name=ui(page, "Publish a new version"), exact=True).click()
    page.get_by_role("link", name=ui(page, "What changed in version %(version)s", version=2), exact=True).click()
    assert page.locator("ins").count() >= 2 and page.locator("del").count() >= 2
    axe(page)
    sign_out(page)

    sign_in(page, READER.email, demo.password)
    page.goto("/scenarios/")
    assert page.locator(f"#scenario-{SCENARIO_ID}").count() == 1

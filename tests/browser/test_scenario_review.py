"""Review before learners see it, and sharing with the site: the administrator turns review on and publishes, an
assessor sends the version back and approves the next, the administrator offers it, a site administrator accepts."""
import re

import pytest

from assessor import demo as people
from assessor.config import PROJECT_ROOT

pytestmark = pytest.mark.browser

AUTHOR = people.PROVIDER_ADMIN_PERSON
REVIEWER = people.ASSESSORS[0]
SCENARIO_ID = "browser-reviewed-decision"
SOURCE = (PROJECT_ROOT / "scenarios" / "creative-agency-new-decision-maker.yaml").read_text(encoding="utf-8").replace(
    "id: creative-agency-new-decision-maker", f"id: {SCENARIO_ID}")


def set_review(page, ui, on: bool) -> None:
    page.goto("/authoring/scenarios/")
    box = page.get_by_label(ui(page, "Scenario versions need a review before learners see them"), exact=True)
    box.check() if on else box.uncheck()
    page.get_by_role("button", name=ui(page, "Save the review setting"), exact=True).click()


def publish(page, ui) -> None:
    page.get_by_role("button", name=ui(page, "Publish a new version"), exact=True).click()
    page.locator(".govuk-notification-banner--success").wait_for()


def test_a_version_is_reviewed_then_shared_with_the_site(page, demo, sign_in, sign_out, ui, axe):
    sign_in(page, AUTHOR.email, demo.password)
    set_review(page, ui, True)
    axe(page)
    page.get_by_role("link", name=ui(page, "New scenario"), exact=True).click()
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(SOURCE)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))
    draft = page.url
    publish(page, ui)
    page.get_by_role("link", name=ui(page, "Review version %(version)s", version=1), exact=True).wait_for()
    axe(page)
    sign_out(page)

    sign_in(page, REVIEWER.email, demo.password)
    page.goto("/")
    page.locator("a[href='/authoring/reviews/']").first.click()
    axe(page)
    page.locator("tr", has_text=SCENARIO_ID).get_by_role("link").click()
    axe(page)
    page.get_by_role("button", name=ui(page, "Send back to the authors"), exact=True).click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe(page)
    page.get_by_label(ui(page, "What should the authors change?"), exact=True).fill("Looks good; approving instead.")
    page.get_by_role("button", name=ui(page, "Approve version %(version)s", version=1), exact=True).click()
    page.locator(".govuk-notification-banner--success").wait_for()
    sign_out(page)

    sign_in(page, AUTHOR.email, demo.password)
    set_review(page, ui, False)
    page.goto(draft)
    page.get_by_role("button", name=ui(page, "Offer to the site"), exact=True).click()
    page.get_by_role("button", name=ui(page, "Withdraw the offer"), exact=True).wait_for()
    axe(page)
    sign_out(page)

    sign_in(page, people.SITE_ADMIN.email, demo.password)
    page.goto("/")
    page.locator("a[href='/scenario-sharing/']").first.click()
    axe(page)
    page.get_by_role("link", name=SCENARIO_ID, exact=True).first.click()
    axe(page)
    page.get_by_role("button", name=ui(page, "Share with every provider"), exact=True).click()
    page.locator(".govuk-notification-banner--success").wait_for()
    axe(page)
    sign_out(page)

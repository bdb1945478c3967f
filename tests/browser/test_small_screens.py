"""Each role's main pages at 390 px wide: the page never scrolls sideways (wide tables scroll in their own box)."""
import pytest

from assessor import demo as people

from .conftest import PHONE

pytestmark = pytest.mark.browser

#: each step is a path to open, or a selector for the link to follow on the page reached so far
LEARNER_PAGES = ["/", "/portfolio", "main a[href*='/standards/']", "/portfolio", "main table a[href*='/evidence/']"]
ASSESSOR_PAGES = ["/", "/assessment/queue", "main table a[href*='/assessment/submissions/']", "/caseload"]
PROVIDER_ADMIN_PAGES = ["/", "main a[href^='/cohorts/']", "main a[href$='/dashboard']", "/people/"]
IQA_PAGES = ["/", "/iqa/", "/iqa/report"]
SITE_ADMIN_PAGES = ["/", "/standards/", "main a[href^='/standards/S']"]


def visit(page, step: str) -> None:
    """A path is opened; a selector opens the first link it finds on the current page."""
    if step.startswith("/"):
        page.goto(step)
        return
    link = page.locator(step).first
    assert link.count(), f"no {step} on {page.url}"
    with page.expect_navigation():
        link.click()


@pytest.mark.parametrize(
    ("person", "steps"),
    [
        pytest.param(people.LEARNERS[0], LEARNER_PAGES, id="learner"),
        pytest.param(people.ASSESSORS[0], ASSESSOR_PAGES, id="assessor"),
        pytest.param(people.PROVIDER_ADMIN_PERSON, PROVIDER_ADMIN_PAGES, id="provider-admin"),
        pytest.param(people.IQA_PERSON, IQA_PAGES, id="iqa"),
        pytest.param(people.SITE_ADMIN, SITE_ADMIN_PAGES, id="site-admin"),
    ],
)
def test_main_pages_fit_a_phone_without_sideways_scrolling(page, demo, sign_in, fits_width, axe, screenshot, person, steps):
    page.set_viewport_size(PHONE)
    sign_in(page, person.email, demo.password)
    for number, step in enumerate(steps):
        visit(page, step)
        fits_width(page)
        axe(page)
        screenshot(page, f"small-{person.email.split('@')[0]}-{number}")


def test_a_wide_table_scrolls_in_a_box_the_keyboard_can_reach(page, demo, sign_in, fits_width, axe):
    page.set_viewport_size(PHONE)
    sign_in(page, people.LEARNERS[0].email, demo.password)
    page.goto("/portfolio")
    box = page.locator("main .app-table-scroll").first
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    assert box.get_attribute("aria-label") or box.get_attribute("aria-labelledby")
    assert box.evaluate("box => box.scrollWidth > box.clientWidth"), "the table is wider than the phone"
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('main .app-table-scroll').scrollLeft > 0")
    fits_width(page)
    axe(page)

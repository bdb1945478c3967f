"""Each role's main pages at 390 px wide: the page never scrolls sideways (wide tables scroll in their own box)."""
import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: a link on the page reached so far, by the start of its address ("" = the page itself)
LEARNER_PAGES = ["/", "/portfolio", "main a[href*='/standards/']", "/portfolio", "main table a[href*='/evidence/']"]
ASSESSOR_PAGES = ["/", "/assessment/queue", "main table a[href*='/assessment/submissions/']", "/caseload"]
PROVIDER_ADMIN_PAGES = ["/", "main a[href^='/cohorts/']", "main a[href$='/dashboard']"]


#: the page's width, its window's, and the outermost elements reaching past the window's right edge
MEASURE = """() => {
  const inner = window.innerWidth;
  const wide = [...document.body.querySelectorAll("*")].filter(element =>
    element.getBoundingClientRect().right > inner + 0.5 && !element.parentElement.closest(".app-table-scroll"));
  const outermost = wide.filter(element => !wide.includes(element.parentElement));
  const name = element => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
    (element.className && typeof element.className === "string" ? "." + element.className.trim().split(/ +/).join(".") : "");
  return {scroll: document.documentElement.scrollWidth, inner, wide: outermost.slice(0, 5).map(name)};
}"""


def assert_fits(page, axe) -> None:
    width = page.evaluate(MEASURE)
    assert width["scroll"] <= width["inner"], f"{page.url} is {width['scroll']} px wide at {width['inner']} px: {width['wide']}"
    axe(page)


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
    ],
)
def test_main_pages_fit_a_phone_without_sideways_scrolling(page, demo, sign_in, axe, screenshot, person, steps):
    page.set_viewport_size(PHONE)
    sign_in(page, person.email, demo.password)
    for number, step in enumerate(steps):
        visit(page, step)
        assert_fits(page, axe)
        screenshot(page, f"small-{person.email.split('@')[0]}-{number}")


def test_a_wide_table_scrolls_in_a_box_the_keyboard_can_reach(page, demo, sign_in, axe):
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
    assert_fits(page, axe)

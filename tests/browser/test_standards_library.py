"""A reader's journey through the standards library, in English and in Welsh, checked by axe-core."""
import re

import pytest

pytestmark = pytest.mark.browser

URN = "SKSCMGS11"
PERFORMANCE_HEADING = re.compile(r"^(Performance criteria|Meini prawf perfformiad)$")
KNOWLEDGE_HEADING = re.compile(r"^(Knowledge and understanding|Gwybodaeth a dealltwriaeth)$")
STANDARD_PATH = re.compile(r"^/standards/[^/?#]+/[^/?#]+$")
CODE = re.compile(r"^[A-Z]{0,3}\d+(\.\d+)*\b")

# The top-level items of the lists that follow the heading, up to the next h2.
ITEMS_UNDER_HEADING = """([pattern]) => {
  const heading = [...document.querySelectorAll("main h2")].find(h => new RegExp(pattern).test(h.textContent.trim()));
  if (!heading) return null;
  const items = [];
  for (let node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
    const lists = node.matches("ul, ol") ? [node] : [...node.querySelectorAll(":scope ul, :scope ol")]
      .filter(list => !list.parentElement.closest("li"));
    for (const list of lists) {
      for (const item of list.children) {
        if (item.tagName === "LI") items.push(item.textContent.trim().replace(/\\s+/g, " "));
      }
    }
  }
  return items;
}"""


def items_under(page, heading: re.Pattern) -> list[str]:
    items = page.evaluate(ITEMS_UNDER_HEADING, [heading.pattern])
    assert items is not None, f"no h2 matching {heading.pattern} on {page.url}"
    return items


def standard_links(page) -> list[str]:
    hrefs = page.locator("main a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [href for href in hrefs if STANDARD_PATH.match(href.split("?")[0])]


def html_lang(page) -> str:
    return page.locator("html").get_attribute("lang")


def nav_link(page, name):
    return page.get_by_role("navigation", name=re.compile("^(Menu|Dewislen)$")).get_by_role("link", name=name)


def test_find_read_and_switch_language(page, axe, screenshot):
    page.goto("/")
    assert html_lang(page) == "en"
    assert page.locator("main#main-content h1").count() == 1
    axe(page)
    screenshot(page, "1-home-en")

    nav_link(page, "Standards").click()
    page.wait_for_url(re.compile(r"/standards/$"))
    assert len(standard_links(page)) >= 5, "the library should list the five shipped standards"
    axe(page)
    screenshot(page, "2-library-en")

    page.get_by_label(re.compile("search", re.I)).fill(URN)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"[?&]q=" + URN))
    results = standard_links(page)
    assert len(results) == 1 and f"/standards/{URN}/" in results[0], f"one result for {URN}, got {results}"
    assert page.locator("select[name=suite]").count() == 1
    axe(page)
    screenshot(page, "3-search-en")

    page.locator(f"main a[href='{results[0]}']").click()
    page.wait_for_url(re.compile(rf"/standards/{URN}/[^/]+$"))
    title = page.locator("main h1").inner_text().strip()
    assert title
    assert page.title().startswith(title)
    criteria = items_under(page, PERFORMANCE_HEADING)
    assert len(criteria) == 16, criteria
    assert all(CODE.match(item) for item in criteria), f"each criterion starts with its code: {criteria}"
    assert len(items_under(page, KNOWLEDGE_HEADING)) == 14
    axe(page)
    screenshot(page, "4-standard-en")
    standard_url = page.url

    page.get_by_role("button", name=re.compile("^Cymraeg")).click()
    page.wait_for_function("() => document.documentElement.lang === 'cy'")
    assert page.url == standard_url, "the switch returns to the same page"
    assert page.get_by_role("button", name=re.compile("^English")).is_visible()
    assert nav_link(page, "Standards").count() == 0, "the navigation should be in Welsh"
    assert len(items_under(page, PERFORMANCE_HEADING)) == 16
    axe(page)
    screenshot(page, "5-standard-cy")

    page.goto("/standards/")
    assert html_lang(page) == "cy", "the choice of language is remembered"
    axe(page)
    screenshot(page, "6-library-cy")

    page.get_by_role("button", name=re.compile("^English")).click()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert nav_link(page, "Standards").is_visible()
    axe(page)
    screenshot(page, "7-library-en")


def test_language_switch_works_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        page.goto("/standards/?q=" + URN)
        page.get_by_role("button", name=re.compile("^Cymraeg")).click()
        page.wait_for_load_state()
        assert html_lang(page) == "cy"
        assert page.url.endswith("/standards/?q=" + URN)
    finally:
        context.close()

"""Each demo role signs in through the form, lands on its own page, switches language and signs out."""
import re

import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

#: (person, the heading of their landing section, something only that person's page shows)
LANDINGS = [
    pytest.param(people.SITE_ADMIN, "Training providers", people.PROVIDER_NAME, id="site-admin"),
    pytest.param(people.PROVIDER_ADMIN_PERSON, "Your cohorts", people.COHORT_NAME, id="provider-admin"),
    pytest.param(people.ASSESSORS[0], "Your learners", people.LEARNERS[0].name, id="assessor"),
    pytest.param(people.IQA_PERSON, "Assessors and learners you quality-assure", people.ASSESSORS[1].name, id="iqa"),
    pytest.param(people.LEARNERS[1], "Your standards", people.ASSESSORS[0].name, id="learner"),
]
#: a learner whose language follows the browser; no other browser test signs in as them
SWITCHER = people.LEARNERS[2]


def html_lang(page) -> str:
    return page.locator("html").get_attribute("lang")


def heading(page, level: int, name: str):
    return page.get_by_role("heading", level=level, name=name, exact=True)


@pytest.mark.parametrize(("person", "section", "own_text"), LANDINGS)
def test_each_role_lands_on_its_own_page(page, live_server, demo, sign_in, sign_out, ui, axe, screenshot, person, section, own_text):
    sign_in(page, person.email, demo.password)
    assert page.url == f"{live_server}/"
    assert html_lang(page) == (person.language or "en"), "the person's saved language is used"
    assert heading(page, 1, ui(page, "Hello, %(name)s", name=person.name)).is_visible()
    assert heading(page, 2, ui(page, section)).is_visible()
    assert page.get_by_role("main").get_by_text(own_text, exact=False).first.is_visible()
    assert page.get_by_role("button", name=ui(page, "Sign out"), exact=True).is_visible()
    axe(page)
    screenshot(page, f"roles-{person.email.split('@')[0]}-landing")

    sign_out(page)
    assert page.get_by_role("link", name=ui(page, "Sign in"), exact=True).is_visible()
    axe(page)


def test_landing_sections_follow_the_roles(page, demo, sign_in, ui):
    """Sarah is an assessor and an IQA: she sees both sections, and no administrator's."""
    sign_in(page, people.ASSESSORS[1].email, demo.password)
    for section in ("Your learners", "Assessors and learners you quality-assure"):
        assert heading(page, 2, ui(page, section)).is_visible()
    for section in ("Your cohorts", "Training providers"):
        assert heading(page, 2, ui(page, section)).count() == 0


def test_language_choice_is_switchable_and_remembered_per_person(page, demo, sign_in, sign_out, ui, axe, screenshot):
    sign_in(page, SWITCHER.email, demo.password)
    assert html_lang(page) == "en"
    english_heading = ui(page, "Your standards")
    assert page.get_by_role("button", name="Sign out", exact=True).is_visible()

    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Cymraeg")).click()
    assert html_lang(page) == "cy"
    welsh_heading = ui(page, "Your standards")
    assert heading(page, 2, welsh_heading).is_visible()
    assert page.get_by_role("button", name="Allgofnodi", exact=True).is_visible(), "the interface is in Welsh"
    assert page.get_by_role("link", name="Hafan", exact=True).is_visible()
    assert page.get_by_role("button", name=re.compile("^English")).is_visible()
    axe(page)
    screenshot(page, "roles-language-welsh")

    sign_out(page)
    page.context.clear_cookies()  # forget the browser's language cookie: only the account remembers
    sign_in(page, SWITCHER.email, demo.password)
    assert html_lang(page) == "cy", "the choice is remembered for the person, not only the browser"
    assert heading(page, 2, welsh_heading).is_visible()

    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^English")).click()
    assert html_lang(page) == "en"
    assert heading(page, 2, english_heading).is_visible()
    axe(page)
    sign_out(page)

"""A learner names the witness of a witness testimony; the witness opens the link from the outbox (no account), switches
to Welsh, corrects the statement and signs it; the learner then sees it confirmed, the correction beside the original."""
import re
from datetime import timedelta

import pytest

from assessor import demo as people
from assessor.timeutil import today

from .conftest import PHONE
from .test_evidence_journey import expecting_status

pytestmark = pytest.mark.browser

LEARNER = people.LEARNERS[5]
TITLE = "Moving a client's deadline"
STATEMENT = "Ffion rang the client the same day and agreed a new date."
CORRECTION = "Ffion rang the client the same day, explained the delay and agreed a new date."
WITNESS = ("Mair Owen", "Studio manager", "mair.owen@example.com")


def nav_link(page, ui, label: str):
    return page.get_by_role("navigation", name=ui(page, "Menu")).get_by_role("link", name=ui(page, label), exact=True)


def add_testimony(page, ui, axe) -> None:
    nav_link(page, ui, "My portfolio").click()
    page.get_by_role("main").get_by_role("link", name=ui(page, "Add evidence"), exact=True).click()
    page.get_by_role("radio", name=ui(page, "Witness testimony"), exact=True).check()
    page.get_by_role("button", name=ui(page, "Continue"), exact=True).click()
    page.get_by_label(ui(page, "Title"), exact=True).fill(TITLE)
    page.get_by_label(ui(page, "Date of the activity"), exact=True).fill((today() - timedelta(days=3)).isoformat())
    page.get_by_label(ui(page, "Witness's name"), exact=True).fill(WITNESS[0])
    page.get_by_label(ui(page, "Witness's role"), exact=True).fill(WITNESS[1])
    page.get_by_label(ui(page, "Witness's contact details"), exact=True).fill(WITNESS[2])
    page.get_by_label(ui(page, "The witness's statement"), exact=True).fill(STATEMENT)
    axe(page)
    page.get_by_role("button", name=ui(page, "Save as a draft"), exact=True).click()
    page.get_by_role("heading", level=1, name=TITLE, exact=True).wait_for()


def ask_the_witness(page, ui, axe, screenshot) -> None:
    page.get_by_role("link", name=ui(page, "Ask the witness to confirm the statement"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Ask the witness to confirm the statement"), exact=True).wait_for()
    assert page.get_by_label(ui(page, "Witness's email address"), exact=True).input_value() == WITNESS[2], "taken from the item"
    axe(page)
    screenshot(page, "witness-1-request")
    page.get_by_role("button", name=ui(page, "Send the link"), exact=True).click()
    page.get_by_text(ui(page, "%(name)s has been sent a link to confirm the statement.", name=WITNESS[0]), exact=True).wait_for()
    assert page.locator("#witness ~ p strong.govuk-tag").first.inner_text().strip() == ui(page, "Requested")
    axe(page)


def link_from_outbox(page, ui, axe) -> str:
    nav_link(page, ui, "Outbox").click()
    page.get_by_role("row").filter(has_text=WITNESS[2]).first.get_by_role("link").click()
    page.get_by_role("heading", level=2, name=ui(page, "Message"), exact=True).wait_for()
    axe(page)
    links = page.get_by_role("main").get_by_role("link", name=re.compile(r"witness"))
    hrefs = {links.nth(index).get_attribute("href") for index in range(links.count())}
    assert len(hrefs) == 1, f"one link, in the Welsh and the English text: {hrefs}"
    return hrefs.pop()


def witness_corrects_and_signs(page, ui, axe, screenshot, fits_width) -> None:
    page.get_by_role("heading", level=1, name=ui(page, "Confirm a witness statement"), exact=True).wait_for()
    page.set_viewport_size(PHONE)
    fits_width(page)
    page.set_viewport_size({"width": 1024, "height": 768})
    assert page.locator(".govuk-inset-text").get_by_text(STATEMENT).is_visible() and page.get_by_text(LEARNER.email).count() == 0
    axe(page)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Cymraeg")).click()
    assert page.locator("html").get_attribute("lang") == "cy"
    page.get_by_role("heading", level=1, name=ui(page, "Confirm a witness statement"), exact=True).wait_for()
    page.get_by_role("radio", name=ui(page, "No, I need to correct it"), exact=True).check()
    page.get_by_label(ui(page, "The statement as you would correct it"), exact=True).fill(CORRECTION)
    page.get_by_label(ui(page, "Your full name"), exact=True).fill(WITNESS[0])
    page.get_by_role("checkbox", name=re.compile(re.escape(LEARNER.name))).check()
    axe(page)
    screenshot(page, "witness-2-correcting")
    page.get_by_role("button", name=ui(page, "Sign and send"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Your confirmation has been recorded"), exact=True).wait_for()
    axe(page)


def learner_sees_it_confirmed(page, ui, axe, screenshot) -> None:
    nav_link(page, ui, "My portfolio").click()
    page.get_by_role("main").get_by_role("link", name=TITLE).first.click()
    page.get_by_role("heading", level=2, name=ui(page, "Witness confirmation"), exact=True).wait_for()
    witness = page.get_by_role("main")
    assert witness.get_by_text(ui(page, "Corrected and confirmed"), exact=True).first.is_visible()
    assert witness.get_by_text(CORRECTION).is_visible()
    witness.get_by_text(ui(page, "The statement as the witness read it"), exact=True).click()
    assert witness.locator(".govuk-details__text").get_by_text(STATEMENT).is_visible()
    axe(page)
    screenshot(page, "witness-3-confirmed")


def the_used_link_says_so(page, ui, axe, link: str) -> None:
    with expecting_status(page, 410) as tab:
        tab.goto(link)
        tab.get_by_role("heading", level=1, name=ui(tab, "This statement has already been signed"), exact=True).wait_for()
        assert tab.get_by_text(STATEMENT).count() == 0, "a used link never shows the statement"
        axe(tab)


def test_a_witness_corrects_and_signs_a_statement_from_the_emailed_link(page, demo, sign_in, sign_out, ui, axe, screenshot, fits_width):
    sign_in(page, LEARNER.email, demo.password)
    add_testimony(page, ui, axe)
    ask_the_witness(page, ui, axe, screenshot)
    sign_out(page)

    sign_in(page, people.SITE_ADMIN.email, demo.password)
    link = link_from_outbox(page, ui, axe)
    sign_out(page)

    page.goto(link)
    witness_corrects_and_signs(page, ui, axe, screenshot, fits_width)
    the_used_link_says_so(page, ui, axe, link)

    sign_in(page, LEARNER.email, demo.password)
    learner_sees_it_confirmed(page, ui, axe, screenshot)

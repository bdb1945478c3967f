"""The account page: a person signed in on two browsers sees both, ends the other, then signs out everywhere by keyboard."""
import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

PERSON = people.LEARNERS[11]


def test_sessions_are_listed_ended_and_signed_out_everywhere(page, browser, live_server, demo, sign_in, ui, axe, screenshot):
    other = browser.new_context(base_url=live_server, locale="en-GB")
    other_page = other.new_page()
    sign_in(other_page, PERSON.email, demo.password)
    sign_in(page, PERSON.email, demo.password)
    page.get_by_role("link", name=PERSON.name).click()
    page.get_by_role("heading", level=1, name=ui(page, "Account and sessions"), exact=True).wait_for()
    assert page.get_by_text(ui(page, "This device"), exact=True).count() == 1
    axe(page)
    screenshot(page, "account-sessions")
    page.get_by_role("button", name=ui(page, "End session")).click()
    page.get_by_text(ui(page, "That session has ended: it is signed out.")).wait_for()
    other_page.goto("/account")
    assert "/sign-in" in other_page.url
    other.close()
    everywhere = page.get_by_role("button", name=ui(page, "Sign out everywhere"), exact=True)
    everywhere.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text(ui(page, "You have signed out everywhere, on this device and every other.")).wait_for()
    axe(page)

"""Notifications in the browser: the header's count, the list, opening one, marking all read, and choosing by keyboard."""
import re

import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

PERSON = people.LEARNERS[0]  # Aled Evans, who reads Welsh: the demo referred one of his items back


def test_a_learner_reads_their_notifications_and_chooses_how_to_hear(page, live_server, demo, sign_in, ui, axe, screenshot):
    sign_in(page, PERSON.email, demo.password)
    header_link = page.locator("#notifications-link")
    assert re.search(r"\d", header_link.inner_text()), "the header shows how many notifications are unread"
    header_link.click()
    page.get_by_role("heading", level=1, name=ui(page, "Notifications"), exact=True).wait_for()
    axe(page)
    screenshot(page, "notifications")
    first = page.locator("main ul.govuk-list a.govuk-link").first
    first.click()
    page.wait_for_url(lambda url: "/notifications" not in url)
    page.go_back()
    page.get_by_role("button", name=ui(page, "Mark all as read"), exact=True).click()
    page.get_by_text(ui(page, "All your notifications are marked as read.")).wait_for()
    assert not re.search(r"\d", page.locator("#notifications-link").inner_text())
    page.get_by_role("link", name=ui(page, "Choose which emails you get"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Your notification choices"), exact=True).wait_for()
    axe(page)
    group = page.get_by_role("group", name=ui(page, "Your evidence is assessed"), exact=True)
    group.get_by_label(ui(page, "In the daily email"), exact=True).check()
    save = page.get_by_role("button", name=ui(page, "Save your choices"), exact=True)
    save.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text(ui(page, "Your choices are saved.")).wait_for()
    assert group.get_by_label(ui(page, "In the daily email"), exact=True).is_checked()
    axe(page)

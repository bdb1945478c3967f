"""A provider administrator invites a person; the site administrator finds the link in the outbox;
the invited person sets a password from it and is signed in."""
import re

import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

INVITEE_NAME = "Gwenllian Jenkins"
INVITEE_EMAIL = f"gwenllian.jenkins@{people.DOMAIN}"
INVITEE_PASSWORD = "Llwybr-y-Mynydd-Glas-41"


def nav_link(page, ui, label: str):
    return page.get_by_role("navigation", name=ui(page, "Menu")).get_by_role("link", name=ui(page, label), exact=True)


def invite_learner(page, ui, axe, screenshot) -> None:
    nav_link(page, ui, "People").click()
    page.get_by_role("heading", level=1, name=ui(page, "People"), exact=True).wait_for()
    axe(page)
    page.get_by_role("button", name=ui(page, "Invite a person"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Invite a person"), exact=True).wait_for()
    page.get_by_label(ui(page, "Full name"), exact=True).fill(INVITEE_NAME)
    page.get_by_label(ui(page, "Email address"), exact=True).fill(INVITEE_EMAIL)
    page.get_by_role("checkbox", name=ui(page, "Learner"), exact=True).check()
    axe(page)
    screenshot(page, "invitation-1-form")
    page.get_by_role("button", name=ui(page, "Send the invitation"), exact=True).click()
    page.get_by_text(ui(page, "%(name)s is invited. The invitation went to %(email)s.", name=INVITEE_NAME, email=INVITEE_EMAIL)).wait_for()
    axe(page)
    screenshot(page, "invitation-2-invited")


def invitation_link_from_outbox(page, ui, axe, screenshot) -> str:
    nav_link(page, ui, "Outbox").click()
    page.get_by_role("heading", level=1, name=ui(page, "Outbox"), exact=True).wait_for()
    axe(page)
    screenshot(page, "invitation-3-outbox")
    page.get_by_role("row").filter(has_text=INVITEE_EMAIL).first.get_by_role("link").click()
    page.get_by_role("heading", level=2, name=ui(page, "Message"), exact=True).wait_for()
    axe(page)
    screenshot(page, "invitation-4-message")
    links = page.get_by_role("main").get_by_role("link", name=re.compile(r"invitation"))
    hrefs = {links.nth(index).get_attribute("href") for index in range(links.count())}
    assert len(hrefs) == 1, f"the message holds one invitation link (in each language): {hrefs}"
    return hrefs.pop()


def test_an_invited_person_sets_a_password_from_the_outbox_link(page, live_server, demo, sign_in, sign_out, ui, axe, screenshot):
    sign_in(page, people.PROVIDER_ADMIN_PERSON.email, demo.password)
    invite_learner(page, ui, axe, screenshot)
    sign_out(page)

    sign_in(page, people.SITE_ADMIN.email, demo.password)
    link = invitation_link_from_outbox(page, ui, axe, screenshot)
    assert link.startswith(f"{live_server}/invitation/")
    sign_out(page)

    page.goto(link)
    assert page.get_by_role("heading", level=1, name=ui(page, "Welcome, %(name)s", name=INVITEE_NAME)).is_visible()
    page.get_by_label(ui(page, "New password"), exact=True).fill(INVITEE_PASSWORD)
    page.get_by_label(ui(page, "Confirm new password"), exact=True).fill(INVITEE_PASSWORD)
    axe(page)
    screenshot(page, "invitation-5-set-password")
    page.get_by_role("button", name=ui(page, "Set password and sign in"), exact=True).click()

    page.wait_for_url(f"{live_server}/")
    assert page.get_by_text(ui(page, "Your password is set. Welcome to Assessor."), exact=True).is_visible()
    assert page.get_by_role("heading", level=1, name=ui(page, "Hello, %(name)s", name=INVITEE_NAME)).is_visible()
    assert page.get_by_role("button", name=ui(page, "Sign out"), exact=True).is_visible()
    axe(page)
    screenshot(page, "invitation-6-signed-in")

    sign_out(page)
    sign_in(page, INVITEE_EMAIL, INVITEE_PASSWORD)
    assert page.get_by_role("heading", level=1, name=ui(page, "Hello, %(name)s", name=INVITEE_NAME)).is_visible()

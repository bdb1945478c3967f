"""The layout every page shares: skip link, landmarks, flashed messages, language switch."""
import re

import pytest

FLASH_PAGE = "/__browser-test__/flash"  # served by conftest.live_server

pytestmark = pytest.mark.browser


def test_skip_link_moves_to_the_main_content(page, axe):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.is_visible(), "the skip link shows when focused"
    skip.press("Enter")
    page.wait_for_url(re.compile("#main-content$"))
    for landmark in ("banner", "main", "contentinfo"):
        assert page.get_by_role(landmark).count() == 1, landmark
    axe(page)


def test_flashed_messages_are_notification_banners(page, axe, screenshot):
    page.goto(FLASH_PAGE)
    banners = page.locator("main .govuk-notification-banner")
    assert banners.count() == 3
    assert page.get_by_role("alert").count() == 2, "success and error are announced at once"
    assert page.get_by_role("region", name="Important").count() == 1
    axe(page)
    screenshot(page, "layout-flashed-messages")

"""A site administrator publishes a standard at the CASE service, a system reads it without signing in, and the
administrator stops publishing it; every page checked by axe-core."""
import json
import re

import pytest

from assessor.demo.people import SITE_ADMIN

pytestmark = pytest.mark.browser

URN = "LOCAL-CSOPS01"


def test_publish_read_and_withdraw_at_the_case_service(page, browser, live_server, axe, demo, sign_in, ui):
    sign_in(page, SITE_ADMIN.email, demo.password)
    page.goto(f"/standards/{URN}")
    page.wait_for_url(re.compile(rf"/standards/{URN}/[^/]+$"))
    section = page.locator("#case-service")
    assert section.inner_text() == ui(page, "CASE service")
    axe(page)

    page.get_by_role("button", name=ui(page, "Publish at the CASE service")).click()
    page.wait_for_url(re.compile(r"#case-service$"))
    assert page.get_by_role("button", name=ui(page, "Stop publishing at the CASE service")).is_visible()
    axe(page)
    package_path = page.get_by_role("link", name=ui(page, "The CASE package of this standard")).get_attribute("href")
    assert re.fullmatch(r"/ims/case/v1p1/CFPackages/[0-9a-f-]{36}", package_path)

    outsider = browser.new_context(base_url=live_server)
    try:
        answer = outsider.request.get(package_path)
        assert answer.status == 200 and "set-cookie" not in answer.headers
        package = json.loads(answer.body())
        assert package["CFDocument"]["uri"].endswith(package_path.replace("CFPackages", "CFDocuments"))
        assert outsider.request.get(package["CFItems"][3]["uri"].replace(live_server, "")).status == 200

        page.get_by_role("button", name=ui(page, "Stop publishing at the CASE service")).click()
        page.wait_for_url(re.compile(r"#case-service$"))
        assert page.get_by_role("button", name=ui(page, "Publish at the CASE service")).is_visible()
        gone = outsider.request.get(package_path)
        assert gone.status == 404 and json.loads(gone.body())["imsx_codeMajor"] == "failure"
    finally:
        outsider.close()

"""Browser tests: the app served on a real port, driven by Debian's chromium through Playwright.

Fixtures:
  live_server  the base URL of the app, on its own fresh SQLite database with the standards loaded, and a worker
               thread that runs the scenario imports queued (the "imports" queue only)
  browser      one headless chromium for the session (/usr/bin/chromium; Playwright's own
               browsers are never downloaded)
  page         a new page in a new context per test; fails the test on CSP violations and
               JavaScript errors
  axe          axe(page): runs axe-core on the page, fails on serious or critical violations
  fits_width   fits_width(page): fails unless the page is no wider than its window (nothing scrolls the page
               sideways); set the viewport to PHONE first for the small-screen check
  screenshot   screenshot(page, name): a full-page PNG in the session's screenshot folder
               (ASSESSOR_SCREENSHOTS if set, else a temporary folder, printed at the end)
  demo         the demo data (`assessor demo --password DEMO_PASSWORD`) in the live server's
               database, made once per session; the people are assessor.demo's constants
  translate    translate(msgid, language): the interface text as the catalogs give it
  ui           ui(page, msgid, **params): the text in the language the page shows
  sign_in      sign_in(page, email, password): through the sign-in form
  sign_out     sign_out(page): the header's button, then the signed-out message

Every test here is marked `browser`; `./dev test -m "not browser"` leaves them out. Under xdist with
`--dist loadgroup` (as .ci/run runs) they all go to one worker, so one server and one chromium serve them.
"""
import json
import os
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from assessor import create_app
from assessor.core.tasks import start_worker

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
FLASH_PAGE = "/__browser-test__/flash"
#: the queues the live server's worker thread takes tasks from (as `assessor run` does): scenario imports only, so
#: the exports and emails other tests queue are not made
IMPORTS_QUEUE = {"imports"}
#: a phone held upright (390 px wide, as an iPhone 12 to 15)
PHONE = {"width": 390, "height": 844}


#: browser test modules .ci/run gives to its PostgreSQL pass, so the two passes end together (they use a SQLite
#: file of their own whatever DATABASE_URL says, so either pass runs them the same); see docs/performance.md
POSTGRESQL_PASS = {"test_evidence_journey.py", "test_resubmission_journey.py", "test_scenario_authoring.py",
                   "test_scenario_review.py"}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the group
def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))
            if Path(str(item.fspath)).name in POSTGRESQL_PASS:
                _give_to_the_postgresql_pass(item)


def _give_to_the_postgresql_pass(item) -> None:
    if "database_url" in item.fixturenames:
        raise pytest.UsageError(f"{item.nodeid} uses the test database: it cannot be in POSTGRESQL_PASS")
    item.add_marker(pytest.mark.postgresql_pass)


# --- the app on a real port -------------------------------------------------------------------


def _prepare_database(url: str) -> None:
    for arguments in (["db", "upgrade"], ["standards", "load"], ["scenarios", "load"]):
        _run_assessor(url, arguments)


def storage_for(url: str) -> str:
    """The uploads folder beside the browser tests' SQLite file, shared by the server and the commands."""
    return str(Path(url.removeprefix("sqlite:///")).parent / "storage")


def exports_for(url: str) -> str:
    return str(Path(url.removeprefix("sqlite:///")).parent / "exports")


def _run_assessor(url: str, arguments: list[str]) -> str:
    """`assessor ARGUMENTS` on the browser tests' database, its output; run in this process (a new one would spend
    a second or two importing everything again)."""
    from assessor.cli import main

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "test", "STORAGE_DIR": storage_for(url), "EXPORT_DIR": exports_for(url)})
    done = app.test_cli_runner().invoke(main, arguments)
    app.extensions["db_engine"].dispose()
    if done.exit_code != 0:
        problem = "".join(traceback.format_exception(done.exception)) if not isinstance(done.exception, SystemExit) else ""
        pytest.fail(
            f"`assessor {' '.join(arguments)}` failed ({done.exit_code}) preparing the browser tests' "
            f"database:\n{done.output}{problem}",
            pytrace=False,
        )
    return done.output


def _flash_every_category():
    """A page, served only to the browser tests, that shows a flashed message of each category."""
    from flask import flash, render_template_string

    for category in ("success", "error", "info"):
        flash(f"A message of category {category}", category)
    return render_template_string(
        '{% extends "base.html" %}{% block title %}Messages{% endblock %}'
        '{% block content %}<h1 class="govuk-heading-xl">Messages</h1>{% endblock %}'
    )


@pytest.fixture(scope="session")
def browser_database(tmp_path_factory) -> str:
    """The URL of the live server's fresh SQLite database, migrated and with the standards loaded."""
    database = tmp_path_factory.mktemp("browser-db") / "assessor.sqlite3"
    url = f"sqlite:///{database}"
    _prepare_database(url)
    return url


@pytest.fixture(scope="session")
def live_server(browser_database):
    """The base URL (no trailing slash) of the app on a fresh SQLite database of its own.

    Browser tests ignore DATABASE_URL from the environment: the server thread and the test
    share no transaction, so they always use a file of their own.
    """
    url = browser_database
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "test", "STORAGE_DIR": storage_for(url), "EXPORT_DIR": exports_for(url)})
    app.add_url_rule(FLASH_PAGE, "browser_test_flash", _flash_every_category)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    worker = start_worker(app, queues=IMPORTS_QUEUE)
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        worker.stop()
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (./dev test does it for you)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; in CI the browser tests may not be skipped", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A page in a fresh context (no cookies), with the site's Content-Security-Policy enforced.

    Console errors (a blocked inline style or script is one) and uncaught JavaScript errors
    fail the test when it ends.
    """
    context = browser.new_context(base_url=live_server, locale="en-GB", viewport={"width": 1024, "height": 768})
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    problems: list[str] = []

    def on_console(message):
        if message.type == "error" and not _expected_refusal(message.text):
            where = (message.location or {}).get("url") or ""
            problems.append(f"console: {message.text}" + (f" ({where})" if where else ""))

    new_page.on("console", on_console)
    new_page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    yield new_page
    context.close()
    if problems:
        pytest.fail("the browser reported errors:\n  " + "\n  ".join(problems), pytrace=False)


#: a form refused as invalid (422) or stale (409) is the page doing its job; chromium logs the status
EXPECTED_STATUSES = ("status of 409", "status of 422")


def _expected_refusal(text: str) -> bool:
    return text.startswith("Failed to load resource") and any(status in text for status in EXPECTED_STATUSES)


# --- checks -----------------------------------------------------------------------------------


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} serious or critical violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            target = " ".join(json.dumps(part) if not isinstance(part, str) else part for part in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


#: axe-core with its rules that can only report a minor or moderate problem turned off: each rule has one impact,
#: which every violation of it carries (axe-core 4.x), so those rules could never fail a test; a third of axe's time
AXE_RUN = """async blocking => {
  const harmless = axe._audit.rules.filter(rule => rule.impact && !blocking.includes(rule.impact));
  const rules = Object.fromEntries(harmless.map(rule => [rule.id, {enabled: false}]));
  return await window.axe.run(document, {resultTypes: ['violations'], rules});
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run ./dev setup (npm ci installs axe-core)", pytrace=False)
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source):
    """axe(page): check the page as it stands; fail on serious or critical violations.

    axe-core is evaluated through the DevTools protocol, which the page's CSP does not govern,
    so the page is checked exactly as users get it.
    """

    def check(target_page) -> dict:
        if not target_page.evaluate("() => typeof window.axe === 'object'"):
            target_page.evaluate(axe_source)
        results = target_page.evaluate(AXE_RUN, list(BLOCKING_IMPACTS))
        blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]
        if blocking:
            pytest.fail(_format_violations(target_page.url, blocking), pytrace=False)
        return results

    return check


#: the page's width, its window's, and the outermost elements reaching past the window's right edge
MEASURE_WIDTH = """() => {
  const inner = window.innerWidth;
  const wide = [...document.body.querySelectorAll("*")].filter(element =>
    element.getBoundingClientRect().right > inner + 0.5 && !element.parentElement.closest(".app-table-scroll"));
  const outermost = wide.filter(element => !wide.includes(element.parentElement));
  const name = element => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
    (typeof element.className === "string" && element.className ? "." + element.className.trim().split(/ +/).join(".") : "");
  return {scroll: document.documentElement.scrollWidth, inner, wide: outermost.slice(0, 5).map(name)};
}"""


@pytest.fixture
def fits_width():
    """fits_width(page): fail unless the page is no wider than its window, naming what sticks out."""

    def check(target_page) -> None:
        width = target_page.evaluate(MEASURE_WIDTH)
        if width["scroll"] > width["inner"]:
            pytest.fail(f"{target_page.url} is {width['scroll']} px wide in a {width['inner']} px window; "
                        f"reaching past its edge: {width['wide']}", pytrace=False)

    return check


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory, request):
    chosen = os.environ.get("ASSESSOR_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and any(folder.iterdir()):
        reporter.write_line(f"browser screenshots: {folder}")


@pytest.fixture
def screenshot(screenshot_dir):
    def take(target_page, name: str) -> Path:
        path = screenshot_dir / f"{name}.png"
        target_page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- demo data and signing in -----------------------------------------------------------------

DEMO_PASSWORD = "Browser-demo-Cymraeg-2026"


@dataclass(frozen=True)
class DemoData:
    password: str
    #: what the command printed: the sign-in table
    output: str


@pytest.fixture(scope="session")
def demo(browser_database) -> DemoData:
    """The demo provider and its people in the live server's database, with DEMO_PASSWORD."""
    output = _run_assessor(browser_database, ["demo", "--password", DEMO_PASSWORD])
    return DemoData(DEMO_PASSWORD, output)


@pytest.fixture(scope="session")
def translate():
    """translate(msgid, language): the catalog's text for msgid, as the interface shows it."""
    from babel.support import Translations

    folder = PROJECT_ROOT / "assessor" / "translations"
    catalogs = {language: Translations.load(str(folder), [language]) for language in ("cy", "en")}

    def text(msgid: str, language: str | None) -> str:
        return catalogs[language or "en"].gettext(msgid)

    return text


@pytest.fixture
def ui(translate):
    """ui(page, msgid, **params): msgid in the language the page is showing (its html[lang])."""

    def text(target_page, msgid: str, **params) -> str:
        translated = translate(msgid, target_page.locator("html").get_attribute("lang"))
        return translated % params if params else translated

    return text


@pytest.fixture
def sign_in(ui):
    """sign_in(page, email, password): through the sign-in form, in whichever language it shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    def go(target_page, email: str, password: str) -> None:
        target_page.goto("/sign-in")
        target_page.get_by_label(ui(target_page, "Email address"), exact=True).fill(email)
        target_page.get_by_label(ui(target_page, "Password"), exact=True).fill(password)
        target_page.get_by_role("button", name=ui(target_page, "Sign in"), exact=True).click()
        try:
            target_page.wait_for_url(lambda url: "/sign-in" not in url)
        except PlaywrightTimeout:
            pytest.fail(f"{email} could not sign in: {target_page.get_by_role('main').inner_text()[:300]}", pytrace=False)

    return go


@pytest.fixture
def sign_out(ui):
    """sign_out(page): the header's sign-out button; waits for the signed-out message."""

    def go(target_page) -> None:
        with target_page.expect_navigation():
            target_page.get_by_role("button", name=ui(target_page, "Sign out"), exact=True).click()
        target_page.get_by_text(ui(target_page, "You have signed out."), exact=True).wait_for()

    return go

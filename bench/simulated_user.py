"""One simulated person over HTTP: sign in, browse their pages, add evidence (learners), sign out; every answer recorded."""
import http.client
import re
import time
from dataclasses import dataclass, field
from datetime import date
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
NUMBER = re.compile(r"\d+")
#: pages each kind of person reads on every round, after the home page
PAGES = {
    "learner": ["/portfolio"],
    "assessor": ["/assessment/queue", "/caseload"],
    "iqa": ["/iqa/"],
    "admin": ["/cohorts/"],
}


@dataclass
class Tally:
    """Every request's status and seconds, shared by all simulated users of a run (appends are thread-safe)."""

    #: (what was asked, status, seconds); what was asked is the method and path with numbers and query left out
    answers: list[tuple[str, int, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def asked(method: str, path: str) -> str:
    return f"{method} {NUMBER.sub('N', path.split('?')[0])}"


class Browser:
    """A keep-alive connection with a cookie jar; redirects are not followed, so each request is counted once."""

    def __init__(self, port: int, tally: Tally):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.tally = tally

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        body = urlencode(form) if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.tally.answers.append((asked(method, path), 0, time.perf_counter() - started))
            self.tally.failures.append(f"{method} {path}: {error!r}")
            return 0, "", ""
        self.tally.answers.append((asked(method, path), response.status, time.perf_counter() - started))
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        if response.status >= 400:
            self.tally.failures.append(f"{method} {path}: {response.status}")
        return response.status, text, urlsplit(response.headers.get("Location", "")).path

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value

    def csrf_of(self, path: str) -> str | None:
        status, text, _ = self.request("GET", path)
        found = CSRF.search(text) if status == 200 else None
        return (found.group(1) or found.group(2)) if found else None


def one_round(browser: Browser, email: str, password: str, role: str, round_number: int) -> None:
    """Sign in, read the role's pages, add an evidence item when a learner, and sign out."""
    token = browser.csrf_of("/sign-in")
    if token is None:
        return
    status, _, _ = browser.request("POST", "/sign-in", {"csrf_token": token, "email": email, "password": password})
    if status != 302:
        return
    for path in ["/", *PAGES[role]]:
        browser.request("GET", path)
    if role == "learner":
        _add_evidence(browser, round_number)
    token = browser.csrf_of("/")
    if token:
        browser.request("POST", "/sign-out", {"csrf_token": token})


def _add_evidence(browser: Browser, round_number: int) -> None:
    new = "/portfolio/evidence/new?kind=account"
    token = browser.csrf_of(new)
    if token is None:
        return
    form = {
        "csrf_token": token,
        "title": f"Bench item {round_number}",
        "activity_date": date.today().isoformat(),
        "description": "Written by bench/concurrency.py",
        "body": "I answered a customer's complaint by phone and followed it up by email.",
    }
    status, _, location = browser.request("POST", new, form)
    if status == 302 and location:
        browser.request("GET", location)


def run_user(port: int, tally: Tally, person: tuple[str, str, str], deadline: float, max_rounds: int) -> None:
    """Rounds until the deadline or `max_rounds`, whichever comes first."""
    email, password, role = person
    browser = Browser(port, tally)
    for round_number in range(max_rounds):
        if time.monotonic() >= deadline:
            break
        one_round(browser, email, password, role, round_number)
    browser.connection.close()

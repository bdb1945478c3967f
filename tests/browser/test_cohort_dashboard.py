"""A provider administrator (working in Welsh) opens a cohort's progress dashboard, filters it by status and by
assessor, sorts it from a column heading, opens the chart's table, and downloads the filtered table as CSV."""
import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from assessor.accounts.models import ASSESSOR, LEARNER, PROVIDER_ADMIN
from assessor.dashboards.models import CohortProgressDay
from assessor.dashboards.snapshots import record_cohort_days
from assessor.db import make_engine
from assessor.timeutil import today

from ..dashboards.support import set_progress
from ..factories import PASSWORD, enrol, make_cohort, make_provider, make_user, shipped_standard

pytestmark = pytest.mark.browser

ADMIN_EMAIL = "gweinyddwr.dangosfwrdd@example.org"
COHORT = "Dangosfwrdd / Dashboard 2026"
#: (learner, performance criteria met of 16, knowledge items met of 14, assessor)
LEARNERS = [
    ("Alaw Bennett", 16, 14, "Gwyn Assessor"),
    ("Bryn Carter", 12, 6, "Gwyn Assessor"),
    ("Cerys Dunn", 2, 0, "Gwyn Assessor"),
    ("Deio Evans", 0, 0, "Heledd Assessor"),
    ("Efa Francis", 9, 3, "Heledd Assessor"),
]
BEHIND = ["Cerys Dunn", "Deio Evans"]


@pytest.fixture(scope="module")
def cohort_id(browser_database) -> int:
    """A provider of its own in the live server's database: a cohort halfway through, five learners, a week of snapshots."""
    engine = make_engine(browser_database)
    with Session(engine, expire_on_commit=False) as session:
        provider = make_provider(session, "Darparwr y Dangosfwrdd")
        make_user(session, provider=provider, roles=[PROVIDER_ADMIN], email=ADMIN_EMAIL, name="Gweinyddwr", language="cy")
        standard = shipped_standard(session)
        cohort = make_cohort(session, provider, standards=[standard], name=COHORT, start=today() - timedelta(days=60),
                             end=today() + timedelta(days=60))
        assessors = {name: make_user(session, provider=provider, roles=[ASSESSOR], name=name) for name in {row[3] for row in LEARNERS}}
        enrolments = []
        for name, pc_met, k_met, assessor in LEARNERS:
            learner = make_user(session, provider=provider, roles=[LEARNER], name=name)
            enrolments.append(enrol(session, cohort, learner, standard, assessor=assessors[assessor]))
            set_progress(session, enrolments[-1], pc_met=pc_met, k_met=k_met)
        for days_ago, met in ((6, 40), (4, 52), (2, 60)):
            session.add(CohortProgressDay(cohort_id=cohort.id, day=today() - timedelta(days=days_ago), criteria_met=met,
                                          criteria_total=150, learners=5))
        record_cohort_days(session, [enrolment.id for enrolment in enrolments])
        session.commit()
        cohort_id = cohort.id
    engine.dispose()
    return cohort_id


def learner_rows(page) -> list[str]:
    """The learners' names, in the table's order."""
    return [name.strip() for name in page.locator("tbody th[scope=row] > a").all_inner_texts()]


def apply(page, ui, **choices) -> None:
    for label, value in choices.items():
        page.get_by_label(ui(page, label), exact=True).select_option(value)
    with page.expect_navigation():
        page.get_by_role("button", name=ui(page, "Apply"), exact=True).click()


def test_filter_sort_and_download_the_cohort_dashboard(page, live_server, sign_in, ui, axe, screenshot, cohort_id):
    sign_in(page, ADMIN_EMAIL, PASSWORD)
    page.goto(f"/cohorts/{cohort_id}")
    page.get_by_role("link", name=ui(page, "Progress dashboard: who is on track and who is behind"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Progress dashboard"), exact=True).wait_for()
    assert learner_rows(page) == [row[0] for row in LEARNERS]
    assert page.get_by_role("row").filter(has_text="Alaw Bennett").get_by_text(ui(page, "Complete"), exact=True).is_visible()
    assert page.get_by_role("row").filter(has_text="Bryn Carter").get_by_text("18/30").count() == 2  # overall and its one standard
    axe(page)
    screenshot(page, "cohort-dashboard-1-all")

    apply(page, ui, Status="behind")
    assert "status=behind" in page.url
    assert learner_rows(page) == BEHIND
    axe(page)

    heledd = page.get_by_label(ui(page, "Assessor"), exact=True).locator("option", has_text="Heledd Assessor").get_attribute("value")
    apply(page, ui, Assessor=heledd)
    assert learner_rows(page) == ["Deio Evans"]
    apply(page, ui, Status="")
    assert learner_rows(page) == ["Deio Evans", "Efa Francis"]

    page.get_by_role("columnheader", name=ui(page, "Criteria met")).get_by_role("link").click()
    page.wait_for_url(lambda url: "sort=progress" in url)
    assert page.get_by_role("columnheader", name=ui(page, "Criteria met")).get_attribute("aria-sort") == "ascending"
    page.get_by_role("columnheader", name=ui(page, "Criteria met")).get_by_role("link").click()
    page.wait_for_url(lambda url: "dir=desc" in url)
    assert learner_rows(page) == ["Efa Francis", "Deio Evans"]
    axe(page)
    screenshot(page, "cohort-dashboard-2-filtered")

    page.get_by_text(ui(page, "The chart's figures as a table"), exact=True).click()
    table = page.get_by_role("table", name=ui(page, "Criteria met across the cohort, by day"))
    assert table.get_by_role("row").count() == 1 + 4
    assert page.get_by_role("img", name=ui(page, "Criteria met across the cohort, by day")).is_visible()
    axe(page)
    screenshot(page, "cohort-dashboard-3-chart")

    with page.expect_download() as waiting:
        page.get_by_role("link", name=ui(page, "Download this table as a CSV file"), exact=True).click()
    download = waiting.value
    assert download.suggested_filename == f"dangosfwrdd-dashboard-2026-{today().isoformat()}.csv"
    content = open(download.path(), "rb").read()
    assert content.startswith("\ufeff".encode("utf-8"))
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert [line[0] for line in lines[1:]] == ["Efa Francis", "Deio Evans"]
    assert lines[0][0] == ui(page, "Learner")

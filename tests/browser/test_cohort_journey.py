"""A provider administrator creates a cohort on a shipped standard, uploads its learners from a CSV
file (checking the preview, where one bad row is shown and nothing is saved yet), enrols them with
an assessor and an IQA, and sees them on the cohort page. The demo administrator works in Welsh."""
import re

import pytest

from assessor import demo as people

pytestmark = pytest.mark.browser

COHORT = "Canolfan Gyswllt / Contact Centre, Ionawr 2027"
URN, VERSION = "LOCAL-CCNEEDS01", "1"
LEARNERS = [("Elin Roberts", "elin.roberts@example.org"), ("Tomos Pugh", "tomos.pugh@example.org"), ("Grace Bennett", "grace.bennett@example.org")]
BAD_ROW = ("Rhodri Jones", "rhodri.jones-at-example.org")
ASSESSOR, IQA = people.ASSESSORS[0], people.IQA_PERSON


@pytest.fixture
def roster_csv(tmp_path):
    rows = ["name,email", *(f"{name},{email}" for name, email in LEARNERS[:2]), ",".join(BAD_ROW), ",".join(LEARNERS[2])]
    path = tmp_path / "learners.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def create_cohort(page, ui, axe, screenshot) -> str:
    page.get_by_role("navigation", name=ui(page, "Menu")).get_by_role("link", name=ui(page, "Cohorts"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Cohorts"), exact=True).wait_for()
    axe(page)
    page.get_by_role("link", name=ui(page, "Create a cohort"), exact=True).click()
    page.get_by_label(ui(page, "Name"), exact=True).fill(COHORT)
    page.get_by_label(ui(page, "Start date"), exact=True).fill("2027-01-11")
    page.get_by_label(ui(page, "Target end date"), exact=True).fill("2027-12-17")
    page.get_by_role("checkbox", name=re.compile(re.escape(URN))).check()
    axe(page)
    screenshot(page, "cohort-1-create")
    page.get_by_role("button", name=ui(page, "Create cohort"), exact=True).click()
    page.get_by_role("heading", level=1, name=COHORT, exact=True).wait_for()
    assert page.get_by_text(ui(page, "This cohort has no learners yet. Add them one at a time, or upload a CSV file of names and email addresses.")).is_visible()
    axe(page)
    return page.url


def preview_upload(page, ui, axe, screenshot, roster_csv) -> None:
    page.get_by_role("link", name=ui(page, "Upload learners from a CSV file"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Upload learners from a CSV file"), exact=True).wait_for()
    axe(page)
    page.get_by_label(ui(page, "CSV file of learners"), exact=True).set_input_files(roster_csv)
    page.get_by_role("button", name=ui(page, "Check the file"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Check the learners before adding them"), exact=True).wait_for()
    assert page.get_by_text(ui(page, "Nothing has been saved yet."), exact=True).is_visible()
    bad_row = page.get_by_role("row").filter(has_text=BAD_ROW[1])
    assert bad_row.get_by_text(ui(page, "“%(email)s” is not a valid email address.", email=BAD_ROW[1])).is_visible()
    assert bad_row.get_by_text(ui(page, "Skipped"), exact=True).is_visible()
    for name, email in LEARNERS:
        assert page.get_by_role("row").filter(has_text=email).get_by_text(ui(page, "New: invited by email")).is_visible(), name
    axe(page)
    screenshot(page, "cohort-2-upload-preview")


def assert_nothing_saved(page, ui, cohort_url: str) -> None:
    """The cohort, opened in another tab while the preview waits, has no learners."""
    other = page.context.new_page()
    other.goto(cohort_url)
    assert other.get_by_role("heading", level=2, name=ui(other, "Learners"), exact=True).is_visible()
    for name, _email in LEARNERS:
        assert other.get_by_role("main").get_by_text(name).count() == 0, f"{name} is saved before confirming"
    other.close()


def confirm_upload(page, ui, axe, screenshot) -> None:
    page.get_by_role("button", name=ui(page, "Add %(count)d learners and send %(invites)d invitations", count=3, invites=3), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Learners added: %(count)d", count=3), exact=True).wait_for()
    assert page.get_by_role("row").filter(has_text=BAD_ROW[1]).count() == 1, "the skipped row is listed"
    axe(page)
    screenshot(page, "cohort-3-upload-done")


def enrol_everyone(page, ui, axe, screenshot) -> None:
    page.get_by_role("link", name=ui(page, "Enrol learners"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Enrol learners"), exact=True).wait_for()
    page.get_by_role("checkbox", name=ui(page, "All active learners not yet enrolled"), exact=True).check()
    standard = f"{URN} v{VERSION}"
    page.get_by_label(ui(page, "Assessor for %(standard)s", standard=standard), exact=True).select_option(label=f"{ASSESSOR.name} ({ASSESSOR.email})")
    page.get_by_label(ui(page, "IQA for %(standard)s", standard=standard), exact=True).select_option(label=f"{IQA.name} ({IQA.email})")
    axe(page)
    screenshot(page, "cohort-4-enrol")
    page.get_by_role("button", name=ui(page, "Enrol learners"), exact=True).click()
    page.get_by_text(ui(page, "Enrolments made: %(count)d.", count=3), exact=True).wait_for()


def test_provider_admin_creates_a_cohort_uploads_learners_and_enrols_them(page, demo, sign_in, ui, axe, screenshot, roster_csv):
    sign_in(page, people.PROVIDER_ADMIN_PERSON.email, demo.password)
    cohort_url = create_cohort(page, ui, axe, screenshot)
    preview_upload(page, ui, axe, screenshot, roster_csv)
    assert_nothing_saved(page, ui, cohort_url)
    confirm_upload(page, ui, axe, screenshot)
    enrol_everyone(page, ui, axe, screenshot)

    page.get_by_role("heading", level=1, name=COHORT, exact=True).wait_for()
    for name, email in LEARNERS:
        row = page.get_by_role("row").filter(has_text=email)
        assert row.get_by_role("link", name=name, exact=True).is_visible()
        assert row.get_by_text(f"{URN} v{VERSION}: {ASSESSOR.name}").is_visible()
        assert row.get_by_text(IQA.name).is_visible()
    assert page.get_by_role("main").get_by_text(BAD_ROW[0]).count() == 0, "the bad row was not added"
    axe(page)
    screenshot(page, "cohort-5-enrolled")

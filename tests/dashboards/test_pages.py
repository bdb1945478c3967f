"""The caseload, the learner's progress on landing, and the cohort dashboard as pages: content, access, CSV, SVG."""
import re
import xml.etree.ElementTree as ElementTree
from datetime import timedelta

from assessor.dashboards.snapshots import record_cohort_days
from assessor.dashboards.table_csv import BOM
from assessor.timeutil import today

from ..factories import login_as, make_cohort, make_user
from .support import add_learners, set_progress

SVG = "{http://www.w3.org/2000/svg}"


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_the_learner_sees_bars_numbers_and_what_to_do_next(client, db_session, world):
    set_progress(db_session, world.a.enrolment, pc_met=9, submitted=2, k_met=3)
    db_session.commit()
    login_as(client, world.a.learner)
    page = page_of(client, "/")
    assert "9 of 16 performance criteria met; 5 not started" in page and "3 of 14 knowledge items met" in page
    assert '<svg class="govuk-!-margin-bottom-1" width="100%" height="16"' in page and 'aria-hidden="true"' in page
    assert 'width="56.25" height="4" fill="#00703c"' in page  # 9 of 16 met
    assert f'/sign-offs/{world.a.portfolio.sign_off.id}/countersign' in page
    assert "Your assessor signed SKSCMGS11 off: countersign it" in page
    assert f"/learners/{world.a.learner.id}/standards/{world.a.enrolment.id}" in page
    assert "style=" not in page


def test_the_assessor_landing_shows_the_caseload_with_sorting_links(client, db_session, world):
    set_progress(db_session, world.a.enrolment, pc_met=15, awaiting=2, oldest=world.a.enrolment.created_at - timedelta(days=3))
    db_session.commit()
    login_as(client, world.a.assessor)
    page = page_of(client, "/")
    assert "50%" in page and "15/30" in page and 'href="/assessment/queue"' in page
    assert 'aria-sort="ascending"' in page and "/caseload?sort=progress&amp;dir=asc" in page


def test_the_caseload_page_sorts_as_asked(client, db_session, world):
    add_learners(db_session, world.a.provider, world.a.cohort, world.standard, 2, assessor=world.a.assessor, names="Zed", pc_met=12)
    db_session.commit()
    login_as(client, world.a.assessor)
    page = page_of(client, "/caseload?sort=progress&dir=desc")
    assert page.index("Zed 0000") < page.index(world.a.learner.name)
    assert 'aria-sort="descending"' in page and "/caseload?sort=progress&amp;dir=asc" in page
    assert f'/learners/{world.a.learner.id}/portfolio' in page
    login_as(client, world.a.learner)
    assert client.get("/caseload").status_code == 403


def halfway_cohort(db_session, world, **names_and_met):
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard], name="Medi 2026 / September",
                         start=today() - timedelta(days=50), end=today() + timedelta(days=50))
    for name, met in names_and_met.items():
        (enrolment,) = add_learners(db_session, world.a.provider, cohort, world.standard, 1, assessor=world.a.assessor, names=name, pc_met=met)
    record_cohort_days(db_session, [enrolment.id])
    db_session.commit()
    return cohort


def test_the_cohort_dashboard_shows_status_in_words_and_filters(client, db_session, world):
    cohort = halfway_cohort(db_session, world, Ahead=16, Behind=1)
    login_as(client, world.a.admin)
    page = page_of(client, f"/cohorts/{cohort.id}/dashboard")
    assert "Ahead 0000" in page and "Behind 0000" in page and ">Behind</strong>" in page and ">On track</strong>" in page
    assert f'href="/cohorts/{cohort.id}/learners/' in page and "/portfolio" in page
    filtered = page_of(client, f"/cohorts/{cohort.id}/dashboard?status=behind")
    assert "Behind 0000" in filtered and "Ahead 0000" not in filtered
    assert '<option value="behind" selected>' in filtered
    assert f"/cohorts/{cohort.id}/dashboard.csv?status=behind&amp;sort=name&amp;dir=asc" in filtered
    assert "style=" not in page


def test_the_chart_is_valid_svg_with_a_title_a_description_and_a_table(client, db_session, world):
    cohort = halfway_cohort(db_session, world, Ann=8)
    login_as(client, world.a.admin)
    page = page_of(client, f"/cohorts/{cohort.id}/dashboard")
    (svg,) = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', page, re.S)
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "chart-title chart-desc"
    assert root.find(f"{SVG}title").text == "Criteria met across the cohort, by day"
    assert "26% of the criteria were met" in root.find(f"{SVG}desc").text  # 8 of 30
    assert "50% would be met by today" in root.find(f"{SVG}desc").text
    assert 'class="govuk-details"' in page and "The chart's figures as a table" in page


def test_a_cohort_with_nothing_recorded_says_so(client, db_session, world):
    login_as(client, world.a.admin)
    assert "Nothing has been recorded yet." in page_of(client, f"/cohorts/{world.a.cohort.id}/dashboard")


def test_the_csv_download_is_excel_friendly_safe_and_complete(client, db_session, world):
    cohort = halfway_cohort(db_session, world, Ann=3)
    add_learners(db_session, world.a.provider, cohort, world.standard, 3, names='=HYPERLINK("http://evil")')
    db_session.commit()
    login_as(client, world.a.admin)
    response = client.get(f"/cohorts/{cohort.id}/dashboard.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="medi-2026-september-{today().isoformat()}.csv"'
    text = response.data.decode("utf-8")
    assert text.startswith(BOM) and text.count("\r\n") == 1 + 4
    assert "\"'=HYPERLINK(\"\"http://evil\"\") 0000\"" in text


def test_the_cohort_page_links_to_its_dashboard(client, world):
    login_as(client, world.a.admin)
    assert f'href="/cohorts/{world.a.cohort.id}/dashboard"' in page_of(client, f"/cohorts/{world.a.cohort.id}")


def test_another_provider_finds_nothing_and_other_roles_are_refused(client, db_session, world):
    for person, code in ((world.b.admin, 404), (world.a.assessor, 403), (world.a.learner, 403)):
        login_as(client, person)
        assert client.get(f"/cohorts/{world.a.cohort.id}/dashboard").status_code == code
        assert client.get(f"/cohorts/{world.a.cohort.id}/dashboard.csv").status_code == code


def test_the_dashboard_in_welsh(client, db_session, world):
    halfway_cohort(db_session, world, Ann=3)
    person = make_user(db_session, provider=world.a.provider, roles=["provider_admin"], language="cy")
    db_session.commit()
    login_as(client, person)
    page = page_of(client, f"/cohorts/{world.a.cohort.id}/dashboard")
    assert "Dangosfwrdd cynnydd" in page and "Hidlo a threfnu" in page

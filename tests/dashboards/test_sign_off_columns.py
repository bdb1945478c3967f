"""The cohort dashboard and its CSV with signed off, countersigned and verified; complete when verified; not enrolled."""
import csv
import io
from datetime import UTC, datetime, time, timedelta

import pytest

from assessor.cohorts.models import CohortMember
from assessor.dashboards.cohort import Filters, all_rows, cohort_dashboard
from assessor.dashboards.figures import COMPLETE, NOT_ENROLLED, ON_TRACK, Thresholds
from assessor.dashboards.table_csv import BOM, dashboard_csv
from assessor.timeutil import today

from ..factories import enrol, login_as, make_cohort, make_user
from .support import set_progress

THRESHOLDS = Thresholds(10, 25)
DAY = today()


@pytest.fixture
def signed_cohort(db_session, world):
    """Halfway through: Fay signed off, countersigned and verified on 10 of 30 criteria; Gus only signed off; Hal on nothing."""
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard], name="Signed",
                         start=DAY - timedelta(days=50), end=DAY + timedelta(days=50))
    now = datetime.combine(DAY, time(12), tzinfo=UTC)  # DAY's noon: the same day in UK time, whenever the test runs
    for name, moments in (("Fay", (now, now, now)), ("Gus", (now, None, None))):
        enrolment = enrol(db_session, cohort, make_user(db_session, provider=world.a.provider, name=name), world.standard)
        set_progress(db_session, enrolment, pc_met=10 if name == "Fay" else 15, k_met=14 if name == "Gus" else 0,
                     signed_off_at=moments[0], countersigned_at=moments[1], verified_at=moments[2])
    db_session.add(CohortMember(cohort=cohort, learner=make_user(db_session, provider=world.a.provider, name="Hal")))
    db_session.commit()
    return cohort


def rows_by_name(db_session, cohort, **filters):
    return {row.name: row for row in cohort_dashboard(db_session, cohort, Filters(**filters), THRESHOLDS, on=DAY).rows}


def test_signed_off_and_verified_is_complete_and_nothing_enrolled_is_not_enrolled(db_session, signed_cohort):
    rows = rows_by_name(db_session, signed_cohort)
    assert {name: row.status for name, row in rows.items()} == {"Fay": COMPLETE, "Gus": ON_TRACK, "Hal": NOT_ENROLLED}
    assert (rows["Hal"].met, rows["Hal"].total, rows["Hal"].enrolments) == (0, 0, 0)
    fay = rows["Fay"]
    assert (fay.enrolments, fay.signed_off, fay.countersigned, fay.verified) == (1, 1, 1, 1)
    assert (rows["Gus"].signed_off, rows["Gus"].countersigned, rows["Gus"].verified) == (1, 0, 0)


def test_the_status_filter_counts_complete_and_not_enrolled(db_session, signed_cohort):
    board = cohort_dashboard(db_session, signed_cohort, Filters(status=COMPLETE), THRESHOLDS, on=DAY)
    assert [row.name for row in board.rows] == ["Fay"] and board.status_counts[COMPLETE] == 1
    assert board.status_counts[NOT_ENROLLED] == 1
    assert list(rows_by_name(db_session, signed_cohort, status=NOT_ENROLLED)) == ["Hal"]


def test_the_csv_has_sign_off_columns(app, db_session, world, signed_cohort):
    rows = all_rows(db_session, signed_cohort, Filters(), THRESHOLDS, on=DAY)
    with app.test_request_context():
        text = dashboard_csv(rows, cohort_dashboard(db_session, signed_cohort, Filters(), THRESHOLDS, on=DAY).standards)
    header, *lines = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    urn = world.standard.urn
    assert header[8:14] == ["Standards signed off", "Standards countersigned", "Standards verified",
                            f"{urn} signed off", f"{urn} countersigned", f"{urn} verified"]
    by_name = {line[0]: line for line in lines}
    assert by_name["Fay"][2] == "Complete" and by_name["Fay"][8:14] == ["1", "1", "1", *[DAY.isoformat()] * 3]
    assert by_name["Gus"][8:14] == ["1", "0", "0", DAY.isoformat(), "", ""]
    assert by_name["Hal"][2] == "Not enrolled" and by_name["Hal"][8:14] == ["0", "0", "0", "", "", ""]


def test_the_page_says_it_in_words(client, db_session, world, signed_cohort):
    login_as(client, world.a.admin)
    page = client.get(f"/cohorts/{signed_cohort.id}/dashboard").get_data(as_text=True)
    assert ">Not enrolled</strong>" in page and ">Complete</strong>" in page and ">On track</strong>" in page
    assert ">Verified</strong>" in page and ">Signed off</strong>" in page and "1 of 1" in page
    assert '<option value="complete">Complete (1)</option>' in page and '<option value="not_enrolled">Not enrolled (1)</option>' in page


def test_the_page_in_welsh(client, db_session, world, signed_cohort):
    world.a.admin.language = "cy"
    db_session.commit()
    login_as(client, world.a.admin)
    page = client.get(f"/cohorts/{signed_cohort.id}/dashboard").get_data(as_text=True)
    assert ">Wedi'i dilysu</strong>" in page and "1 o 1" in page

"""The chart's geometry, and the CSV download's safety: formulas neutralised, a BOM for Excel, every row."""
import csv
import io
from datetime import date, timedelta

from assessor.dashboards.chart import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, progress_chart
from assessor.dashboards.cohort import Cell, LearnerRow, StandardColumn
from assessor.dashboards.figures import BEHIND, ON_TRACK
from assessor.dashboards.models import CohortProgressDay
from assessor.dashboards.table_csv import BOM, csv_text, dashboard_csv, neutralise
from assessor.standards.words import Words

START, TARGET = date(2027, 1, 1), date(2027, 1, 1) + timedelta(days=100)


def snapshot(offset: int, met: int, total: int = 100) -> CohortProgressDay:
    return CohortProgressDay(cohort_id=1, day=START + timedelta(days=offset), criteria_met=met, criteria_total=total, learners=4)


def test_the_expected_line_runs_from_nothing_at_the_start_to_everything_at_the_target():
    chart = progress_chart([snapshot(10, 5), snapshot(50, 40)], START, TARGET, START + timedelta(days=50))
    start, end = chart.expected
    assert (start.x, start.y) == (LEFT, HEIGHT - BOTTOM)
    assert (end.x, end.y) == (WIDTH - RIGHT, TOP)
    assert chart.expected_today == 50 and chart.today_x == (LEFT + WIDTH - RIGHT) / 2


def test_each_day_is_placed_by_its_date_and_share():
    chart = progress_chart([snapshot(0, 0), snapshot(50, 50)], START, TARGET, START + timedelta(days=60))
    first, second = chart.days
    assert (first.point.x, first.point.y) == (LEFT, HEIGHT - BOTTOM)
    assert second.point.x == (LEFT + WIDTH - RIGHT) / 2 and second.point.y == (TOP + HEIGHT - BOTTOM) / 2
    assert chart.line == f"{LEFT:.1f},{HEIGHT - BOTTOM:.1f} {second.point.x:.1f},{second.point.y:.1f}"
    assert chart.latest.percent == 50


def test_days_past_the_target_widen_the_chart_and_today_outside_it_is_not_marked():
    chart = progress_chart([snapshot(150, 90)], START, TARGET, START + timedelta(days=200))
    assert chart.days[0].point.x == WIDTH - RIGHT
    assert chart.expected[1].x < WIDTH - RIGHT
    assert chart.today_x is None and chart.expected_today == 100


def test_a_chart_with_no_days_still_has_its_expected_line():
    chart = progress_chart([], START, TARGET, START)
    assert chart.days == [] and chart.latest is None and chart.line == ""
    assert [when for _x, when in chart.date_ticks] == [START, TARGET]


def test_cells_that_spreadsheets_would_run_are_made_text():
    assert [neutralise(value) for value in ("=1+1", "+44 1234", "-3", "@SUM(A1)", "\tx", "\rx")] == [
        "'=1+1", "'+44 1234", "'-3", "'@SUM(A1)", "'\tx", "'\rx",
    ]
    assert [neutralise(value) for value in ("Ann", "a=b", 5, -5, "")] == ["Ann", "a=b", 5, -5, ""]


def test_the_csv_starts_with_a_bom_and_neutralises_the_header_too():
    text = csv_text(["=Name"], [["=HYPERLINK(\"http://x\")"]])
    assert text.startswith(BOM)
    assert list(csv.reader(io.StringIO(text[1:]))) == [["'=Name"], ["'=HYPERLINK(\"http://x\")"]]


def test_the_dashboard_csv_has_a_line_per_learner_with_each_standard(app):
    standards = [StandardColumn(1, "SKSCMGS11", Words("Teitl", "Title", "cy")), StandardColumn(2, "SKSPP06", Words("T", None, "cy"))]
    rows = [
        LearnerRow(1, 10, "=cmd|' /C calc'!A0", "x@example.org", "active", 3, 30, None, BEHIND, {1: Cell(3, 30)}),
        LearnerRow(2, 11, "Siân Ŵyn", "s@example.org", "on_break", 40, 56, None, ON_TRACK, {1: Cell(20, 30), 2: Cell(20, 26)}),
    ]
    with app.test_request_context():
        text = dashboard_csv(rows, standards)
    lines = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert lines[0][:6] == ["Learner", "Email address", "Status", "Progress (%)", "Criteria met", "Criteria in total"]
    assert lines[0][6:10] == ["SKSCMGS11 met", "SKSCMGS11 in total", "SKSPP06 met", "SKSPP06 in total"]
    assert lines[1][:6] == ["'=cmd|' /C calc'!A0", "x@example.org", "Behind", "10", "3", "30"]
    assert lines[1][6:10] == ["3", "30", "", ""]
    assert lines[2][0] == "Siân Ŵyn" and lines[2][-1] == "On a break"
    assert len(lines) == 3

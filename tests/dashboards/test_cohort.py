"""The cohort dashboard's rows: counts per standard, status, filters, sorting, pages, and a constant cost."""
from datetime import timedelta

import pytest

from assessor.accounts.models import ASSESSOR
from assessor.cohorts.models import ON_BREAK, WITHDRAWN
from assessor.dashboards.cohort import Filters, all_rows, cohort_dashboard
from assessor.dashboards.figures import BEHIND, COMPLETE, NOT_ENROLLED, ON_TRACK, SLIGHTLY_BEHIND, Thresholds
from assessor.dashboards.sorting import Sort
from assessor.timeutil import today, utcnow

from ..factories import enrol, make_cohort, make_user, shipped_standard
from ..queries import counted_queries
from .support import add_learners, set_progress

THRESHOLDS = Thresholds(10, 25)
DAY = today()


@pytest.fixture
def halfway(db_session, world):
    """A cohort halfway through its 100 days, on two standards (30 and 26 criteria), with four learners."""
    second = shipped_standard(db_session, "LOCAL-SKSPP06")
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard, second], name="Halfway",
                         start=DAY - timedelta(days=50), end=DAY + timedelta(days=50))
    other_assessor = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR], name="Other Assessor")
    people = {}
    for name, pc_met, assessor in (("Ann", 16, world.a.assessor), ("Bob", 12, world.a.assessor), ("Cai", 4, other_assessor), ("Dee", 0, None)):
        learner = make_user(db_session, provider=world.a.provider, name=name)
        people[name] = enrol(db_session, cohort, learner, world.standard, assessor=assessor)
        set_progress(db_session, people[name], pc_met=pc_met, k_met=14 if name == "Ann" else 0,
                     last_activity=utcnow() - timedelta(days=len(name) * ord(name[0]) % 7) if name != "Dee" else None)
    people["Bob second"] = enrol(db_session, cohort, people["Bob"].member.learner, second, assessor=world.a.assessor)
    set_progress(db_session, people["Bob second"], pc_met=11, k_met=15)
    return cohort, people, other_assessor, second


def board(db_session, cohort, **filters):
    return cohort_dashboard(db_session, cohort, Filters(**filters), THRESHOLDS, on=DAY)


def names(dashboard) -> list[str]:
    return [row.name for row in dashboard.rows]


def test_each_learner_has_their_counts_per_standard_and_overall(db_session, world, halfway):
    cohort, people, _other, second = halfway
    rows = {row.name: row for row in board(db_session, cohort).rows}
    ann, bob = rows["Ann"], rows["Bob"]
    assert (ann.met, ann.total, ann.percent, ann.status) == (30, 30, 100, COMPLETE)
    assert (bob.met, bob.total) == (12 + 26, 30 + 26)
    assert (bob.cells[world.standard.id].met, bob.cells[world.standard.id].total, bob.cells[second.id].percent) == (12, 30, 100)
    assert second.id not in ann.cells


def test_the_status_compares_progress_with_the_time_elapsed(db_session, halfway):
    rows = {row.name: row.status for row in board(db_session, halfway[0]).rows}
    assert rows == {"Ann": COMPLETE, "Bob": ON_TRACK, "Cai": BEHIND, "Dee": BEHIND}


def test_an_enrolment_with_no_counts_yet_has_nothing_met_of_all_its_criteria(db_session, world, halfway):
    cohort = halfway[0]
    enrol(db_session, cohort, make_user(db_session, provider=world.a.provider, name="Eve"), world.standard)
    (eve,) = [row for row in board(db_session, cohort).rows if row.name == "Eve"]
    assert (eve.met, eve.total, eve.last_activity) == (0, 30, None)


def test_learners_who_left_are_left_out_and_those_on_a_break_are_kept(db_session, halfway):
    cohort, people = halfway[0], halfway[1]
    people["Cai"].member.status = WITHDRAWN
    people["Dee"].member.status = ON_BREAK
    db_session.flush()
    assert names(board(db_session, cohort)) == ["Ann", "Bob", "Dee"]


def test_filters_by_status_assessor_and_standard(db_session, world, halfway):
    cohort, _people, other_assessor, second = halfway
    assert names(board(db_session, cohort, status=BEHIND)) == ["Cai", "Dee"]
    assert names(board(db_session, cohort, assessor=world.a.assessor.id)) == ["Ann", "Bob"]
    assert names(board(db_session, cohort, assessor=other_assessor.id)) == ["Cai"]
    assert names(board(db_session, cohort, standard=second.id)) == ["Bob"]
    assert names(board(db_session, cohort, status=BEHIND, assessor=other_assessor.id)) == ["Cai"]


def test_status_counts_follow_the_other_filters(db_session, world, halfway):
    cohort = halfway[0]
    assert board(db_session, cohort).status_counts == {NOT_ENROLLED: 0, BEHIND: 2, SLIGHTLY_BEHIND: 0, ON_TRACK: 1, COMPLETE: 1}
    assert board(db_session, cohort, assessor=world.a.assessor.id).status_counts[BEHIND] == 0


def test_the_filter_choices_are_the_cohorts_own(db_session, world, halfway):
    cohort, _people, other_assessor, second = halfway
    dashboard = board(db_session, cohort)
    assert dashboard.assessors == sorted([(world.a.assessor.id, world.a.assessor.name), (other_assessor.id, "Other Assessor")], key=lambda a: a[1])
    assert [standard.id for standard in dashboard.standards] == [world.standard.id, second.id]


@pytest.mark.parametrize(
    ("key", "ascending"),
    [
        ("name", ["Ann", "Bob", "Cai", "Dee"]),
        ("progress", ["Dee", "Cai", "Bob", "Ann"]),
        ("status", ["Cai", "Dee", "Bob", "Ann"]),
    ],
)
def test_sorting_both_ways(db_session, halfway, key, ascending):
    cohort = halfway[0]
    assert names(board(db_session, cohort, sort=Sort(key))) == ascending
    descending = names(board(db_session, cohort, sort=Sort(key, descending=True)))
    if key == "status":
        assert descending == ["Ann", "Bob", "Cai", "Dee"]  # equal statuses stay in name order
    else:
        assert descending == ascending[::-1]


def test_sorting_by_last_activity_puts_no_activity_first_then_the_longest_ago(db_session, halfway):
    cohort, people = halfway[0], halfway[1]
    for days, name in ((1, "Ann"), (9, "Bob"), (4, "Cai")):
        set_progress(db_session, people[name], pc_met=1, last_activity=utcnow() - timedelta(days=days))
    assert names(board(db_session, cohort, sort=Sort("last_activity"))) == ["Dee", "Bob", "Cai", "Ann"]
    assert names(board(db_session, cohort, sort=Sort("last_activity", descending=True))) == ["Ann", "Cai", "Bob", "Dee"]


def test_pages_split_the_learners_and_a_page_too_far_shows_the_last(db_session, halfway):
    cohort = halfway[0]
    first = cohort_dashboard(db_session, cohort, Filters(), THRESHOLDS, on=DAY, per_page=3)
    second = cohort_dashboard(db_session, cohort, Filters(page=2), THRESHOLDS, on=DAY, per_page=3)
    beyond = cohort_dashboard(db_session, cohort, Filters(page=9), THRESHOLDS, on=DAY, per_page=3)
    assert (first.total, first.pages, names(first), names(second)) == (4, 2, ["Ann", "Bob", "Cai"], ["Dee"])
    assert beyond.page == 2 and names(beyond) == ["Dee"]


def test_each_status_is_counted_on_a_full_page_and_on_an_empty_one(db_session, halfway):
    cohort = halfway[0]
    expected = {COMPLETE: 1, ON_TRACK: 1, SLIGHTLY_BEHIND: 0, BEHIND: 2, NOT_ENROLLED: 0}
    assert board(db_session, cohort).status_counts == expected
    nobody = board(db_session, cohort, status=SLIGHTLY_BEHIND)
    assert (nobody.rows, nobody.total, nobody.pages, nobody.status_counts) == ([], 0, 1, expected)
    beyond = cohort_dashboard(db_session, cohort, Filters(status=BEHIND, page=5), THRESHOLDS, on=DAY, per_page=1)
    assert (names(beyond), beyond.page, beyond.total, beyond.status_counts) == (["Dee"], 2, 2, expected)


def test_all_rows_has_every_learner_the_filters_select_with_cells(db_session, world, halfway):
    cohort = halfway[0]
    rows = all_rows(db_session, cohort, Filters(sort=Sort("progress", descending=True)), THRESHOLDS, on=DAY)
    assert [row.name for row in rows] == ["Ann", "Bob", "Cai", "Dee"]
    assert all(world.standard.id in row.cells for row in rows)
    assert [row.name for row in all_rows(db_session, cohort, Filters(status=BEHIND), THRESHOLDS, on=DAY)] == ["Cai", "Dee"]


def test_another_cohorts_learners_never_appear(db_session, world, halfway):
    assert world.a.learner.name not in names(board(db_session, halfway[0]))
    assert names(board(db_session, world.a.cohort)) == sorted([world.a.learner.name, world.a.other_learner.name])


def test_the_filters_read_from_the_query_string_ignore_nonsense():
    filters = Filters.from_args({"status": "purple", "assessor": "x1", "standard": "7", "sort": "email", "page": "-2"})
    assert filters == Filters(standard=7)
    chosen = Filters.from_args({"status": BEHIND, "assessor": "3", "sort": "progress", "dir": "desc", "page": "2"})
    assert chosen.link_args() == {"status": BEHIND, "assessor": 3, "sort": "progress", "dir": "desc"}


@pytest.mark.parametrize("size", [5, 50])
def test_a_page_costs_five_queries_whatever_the_cohort_size(db_session, engine, world, size):
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard], start=DAY - timedelta(days=200), end=DAY + timedelta(days=100))
    add_learners(db_session, world.a.provider, cohort, world.standard, size, assessor=world.a.assessor, pc_met=3)
    with counted_queries(engine) as statements:
        dashboard = cohort_dashboard(db_session, cohort, Filters(status=BEHIND, sort=Sort("progress")), THRESHOLDS, on=DAY, per_page=20)
    assert len(dashboard.rows) == min(size, 20)
    assert len(statements) == 4  # the cohort is loaded by the view: five in all

"""The assessor's caseload: one row per learner across the standards they assess, sorted and paged, at a constant cost."""
from datetime import timedelta

import pytest

from assessor.accounts.models import LEARNER
from assessor.cohorts.models import WITHDRAWN
from assessor.dashboards.caseload import caseload
from assessor.dashboards.sorting import Sort
from assessor.timeutil import utcnow

from ..factories import enrol, make_cohort, make_evidence, make_review, make_user, shipped_standard
from ..queries import counted_queries
from .support import add_learners, set_progress

NOW = utcnow()


@pytest.fixture
def learners(db_session, world):
    """Three learners of world A's assessor: Ann on two standards, Bob and Cai on one; and one of another assessor."""
    second = shipped_standard(db_session, "LOCAL-SKSPP06")
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard, second])
    made = {}
    for name in ("Ann", "Bob", "Cai"):
        made[name] = enrol(db_session, cohort, make_user(db_session, provider=world.a.provider, roles=[LEARNER], name=name), world.standard,
                           assessor=world.a.assessor)
    ann_second = enrol(db_session, cohort, made["Ann"].member.learner, second, assessor=world.a.assessor)
    set_progress(db_session, made["Ann"], pc_met=15, awaiting=2, oldest=NOW - timedelta(days=9), last_activity=NOW - timedelta(days=1))
    set_progress(db_session, ann_second, pc_met=11, k_met=15, awaiting=1, oldest=NOW - timedelta(days=3),
                 signed_off_at=NOW - timedelta(days=2), last_activity=NOW - timedelta(days=2))
    set_progress(db_session, made["Bob"], pc_met=3, awaiting=1, oldest=NOW - timedelta(days=20), last_activity=NOW - timedelta(days=5))
    enrol(db_session, cohort, make_user(db_session, provider=world.a.provider, roles=[LEARNER], name="Zoe"), world.standard)
    return made, ann_second


def rows_of(db_session, world, **options) -> list:
    return caseload(db_session, world.a.assessor, **options).rows


def names(rows) -> list[str]:
    return [row.name for row in rows]


def test_one_row_per_learner_summed_across_their_standards(db_session, world, learners):
    rows = {row.name: row for row in rows_of(db_session, world)}
    ann = rows["Ann"]
    assert (ann.met, ann.total, ann.percent) == (15 + 26, 30 + 26, 73)
    assert (ann.awaiting, ann.oldest_awaiting_at, ann.to_countersign) == (3, NOW - timedelta(days=9), 1)
    assert ann.last_activity == NOW - timedelta(days=1)
    assert sorted(standard.urn for standard in ann.standards) == ["LOCAL-SKSPP06", "SKSCMGS11"]
    assert (rows["Cai"].met, rows["Cai"].total, rows["Cai"].oldest_awaiting_at, rows["Cai"].last_activity) == (0, 30, None, None)
    assert "Zoe" not in rows


def test_a_countersigned_sign_off_no_longer_waits(db_session, world, learners):
    set_progress(db_session, learners[1], pc_met=11, k_met=15, signed_off_at=NOW, countersigned_at=NOW)
    assert {row.name: row.to_countersign for row in rows_of(db_session, world)}["Ann"] == 0


def test_learners_who_left_are_not_in_the_caseload(db_session, world, learners):
    learners[0]["Bob"].member.status = WITHDRAWN
    db_session.flush()
    assert "Bob" not in names(rows_of(db_session, world))


@pytest.mark.parametrize(
    ("key", "ascending", "descending"),
    [
        ("progress", ["Cai", "Bob", "Ann"], ["Ann", "Bob", "Cai"]),
        ("awaiting", ["Cai", "Bob", "Ann"], ["Ann", "Bob", "Cai"]),
        ("oldest", ["Bob", "Ann", "Cai"], ["Cai", "Ann", "Bob"]),
        ("countersign", ["Bob", "Cai", "Ann"], ["Ann", "Bob", "Cai"]),  # equal counts stay in name order
        ("last_activity", ["Cai", "Bob", "Ann"], ["Ann", "Bob", "Cai"]),
    ],
)
def test_sorting_by_each_column_both_ways(db_session, world, learners, key, ascending, descending):
    def ordered(sort: Sort) -> list[str]:
        return [name for name in names(rows_of(db_session, world, sort=sort)) if name in ascending]

    assert ordered(Sort(key)) == ascending
    assert ordered(Sort(key, descending=True)) == descending


def test_pages(db_session, world, learners):
    first, second = (caseload(db_session, world.a.assessor, page=page, per_page=2) for page in (1, 2))
    assert (first.total, first.pages, len(first.rows), len(second.rows)) == (4, 2, 2, 2)
    assert not set(names(first.rows)) & set(names(second.rows))


def queries(db_session, engine, assessor) -> int:
    with counted_queries(engine) as statements:
        caseload(db_session, assessor, sort=Sort("oldest"), per_page=10)
    return len(statements)


def test_the_cost_does_not_grow_with_learners(db_session, engine, world):
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard])
    add_learners(db_session, world.a.provider, cohort, world.standard, 5, assessor=world.a.assessor)
    few = queries(db_session, engine, world.a.assessor)
    add_learners(db_session, world.a.provider, cohort, world.standard, 45, assessor=world.a.assessor, names="More")
    assert queries(db_session, engine, world.a.assessor) == few == 3


def test_the_cost_does_not_grow_with_decisions(db_session, engine, world):
    from assessor.assessment.progress import refresh_progress

    few = queries(db_session, engine, world.a.assessor)
    refs = [f"P{number}" for number in range(1, 11)]
    for _ in range(20):
        evidence = make_evidence(db_session, world.a.learner, world.a.enrolment, refs)
        make_review(db_session, evidence, world.a.enrolment, dict.fromkeys(refs, "met"))
    refresh_progress(db_session, {world.a.enrolment.id})
    assert queries(db_session, engine, world.a.assessor) == few
    (row,) = rows_of(db_session, world)
    assert row.met == 10

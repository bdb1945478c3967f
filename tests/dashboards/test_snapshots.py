"""The daily snapshot: every progress refresh upserts today's figures for the cohorts it touched."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from assessor.assessment.progress import refresh_progress
from assessor.cohorts.models import WITHDRAWN
from assessor.dashboards.models import CohortProgressDay
from assessor.dashboards.snapshots import cohort_days, record_cohort_days
from assessor.timeutil import today

from ..factories import make_cohort, make_evidence, make_review
from ..queries import counted_queries
from .support import add_learners, set_progress


def days_of(db_session, cohort) -> list[tuple]:
    return [(d.day, d.criteria_met, d.criteria_total, d.learners) for d in cohort_days(db_session, cohort.id)]


def test_a_refresh_records_today_for_the_cohort(db_session, world):
    refresh_progress(db_session, {world.a.enrolment.id})
    assert days_of(db_session, world.a.cohort) == [(today(), 1, 60, 2)]
    assert days_of(db_session, world.b.cohort) == []


def test_a_second_refresh_the_same_day_updates_the_day(db_session, world):
    refresh_progress(db_session, {world.a.enrolment.id})
    evidence = make_evidence(db_session, world.a.learner, world.a.enrolment, ("P5", "P6"))
    make_review(db_session, evidence, world.a.enrolment, {"P5": "met", "P6": "met"})
    refresh_progress(db_session, {world.a.enrolment.id})
    assert days_of(db_session, world.a.cohort) == [(today(), 3, 60, 2)]


def test_earlier_days_are_kept(db_session, world):
    yesterday = today() - timedelta(days=1)
    db_session.add(CohortProgressDay(cohort_id=world.a.cohort.id, day=yesterday, criteria_met=0, criteria_total=60, learners=2))
    db_session.flush()
    refresh_progress(db_session, {world.a.enrolment.id})
    assert [row[:2] for row in days_of(db_session, world.a.cohort)] == [(yesterday, 0), (today(), 1)]


def test_learners_who_left_are_not_counted(db_session, world):
    world.a.cohort.members[1].status = WITHDRAWN
    db_session.flush()
    refresh_progress(db_session, {world.a.enrolment.id})
    assert days_of(db_session, world.a.cohort) == [(today(), 1, 30, 1)]


def test_every_cohort_touched_is_recorded_and_an_empty_one_as_zeros(db_session, world):
    for member in world.b.cohort.members:
        member.status = WITHDRAWN
    db_session.flush()
    record_cohort_days(db_session, [world.a.enrolment.id, world.b.enrolment.id])
    assert days_of(db_session, world.b.cohort) == [(today(), 0, 0, 0)]
    assert len(days_of(db_session, world.a.cohort)) == 1


def test_nothing_to_record_for_no_enrolments(db_session, world):
    record_cohort_days(db_session, [])
    record_cohort_days(db_session, [987654])
    assert db_session.scalars(select(CohortProgressDay)).all() == []


def test_the_row_is_upserted_not_duplicated_when_recorded_twice(db_session, world):
    record_cohort_days(db_session, {world.a.enrolment.id})
    set_progress(db_session, world.a.enrolment, pc_met=9)
    record_cohort_days(db_session, {world.a.enrolment.id})
    assert days_of(db_session, world.a.cohort) == [(today(), 9, 60, 2)]


@pytest.mark.parametrize("size", [5, 50])
def test_recording_costs_three_queries_whatever_the_cohort_size(db_session, engine, world, size):
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard], start=date(2026, 1, 1))
    enrolments = add_learners(db_session, world.a.provider, cohort, world.standard, size, pc_met=2)
    with counted_queries(engine) as statements:
        record_cohort_days(db_session, [enrolment.id for enrolment in enrolments])
    assert len(statements) == 3
    assert days_of(db_session, cohort) == [(today(), 2 * size, 30 * size, size)]

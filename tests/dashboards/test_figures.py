"""The red/amber/green rule: shares of criteria met against the share of time elapsed, in Python and in SQL alike."""
from datetime import date, timedelta
from fractions import Fraction

import pytest
from sqlalchemy import literal, select

from assessor.dashboards.figures import (
    BEHIND,
    COMPLETE,
    ON_TRACK,
    RAG_STATUSES,
    SLIGHTLY_BEHIND,
    Pace,
    Thresholds,
    elapsed_share,
    percent,
    rag_rank,
    rag_status,
)

START, TARGET = date(2027, 1, 1), date(2027, 1, 1) + timedelta(days=100)
HALFWAY = Pace.on(START, TARGET, START + timedelta(days=50))
THRESHOLDS = Thresholds(amber_gap=10, red_gap=25)


def test_the_time_elapsed_runs_from_nothing_at_the_start_to_all_at_the_target():
    assert elapsed_share(START, TARGET, START - timedelta(days=5)) == 0
    assert elapsed_share(START, TARGET, START) == 0
    assert elapsed_share(START, TARGET, START + timedelta(days=25)) == Fraction(1, 4)
    assert elapsed_share(START, TARGET, TARGET) == 1
    assert elapsed_share(START, TARGET, TARGET + timedelta(days=30)) == 1


@pytest.mark.parametrize(
    ("met", "status"),
    [
        (51, ON_TRACK),  # ahead of time
        (50, ON_TRACK),  # level with time
        (41, ON_TRACK),  # 9 points behind
        (40, SLIGHTLY_BEHIND),  # exactly the amber gap
        (26, SLIGHTLY_BEHIND),  # 24 points behind
        (25, BEHIND),  # exactly the red gap
        (0, BEHIND),
        (100, COMPLETE),
    ],
)
def test_the_status_at_halfway_with_gaps_of_10_and_25_points(met, status):
    assert rag_status(met, 100, HALFWAY, THRESHOLDS) == status


def test_the_boundaries_hold_with_shares_that_are_not_whole_percents():
    """30 criteria, a third of the time gone (33.3 %): 7 met is 23.3 %, exactly 10 points behind."""
    third = Pace.on(START, START + timedelta(days=99), START + timedelta(days=33))
    assert rag_status(7, 30, third, THRESHOLDS) == SLIGHTLY_BEHIND
    assert rag_status(8, 30, third, THRESHOLDS) == ON_TRACK


def test_before_the_start_everyone_is_on_track():
    before = Pace.on(START, TARGET, START - timedelta(days=1))
    assert rag_status(0, 30, before, THRESHOLDS) == ON_TRACK


def test_after_the_target_date_anyone_not_complete_is_behind():
    after = Pace.on(START, TARGET, TARGET + timedelta(days=1))
    assert rag_status(29, 30, after, THRESHOLDS) == BEHIND
    assert rag_status(30, 30, after, THRESHOLDS) == COMPLETE
    on_the_day = Pace.on(START, TARGET, TARGET)
    assert rag_status(29, 30, on_the_day, THRESHOLDS) == ON_TRACK


def test_a_learner_with_no_criteria_counts_as_nothing_met():
    assert rag_status(0, 0, HALFWAY, THRESHOLDS) == BEHIND
    assert rag_status(0, 0, Pace.on(START, TARGET, START), THRESHOLDS) == ON_TRACK


def test_the_thresholds_are_configurable():
    assert rag_status(45, 100, HALFWAY, Thresholds(amber_gap=5, red_gap=8)) == SLIGHTLY_BEHIND
    assert rag_status(42, 100, HALFWAY, Thresholds(amber_gap=5, red_gap=8)) == BEHIND
    assert Thresholds.from_config({"RAG_AMBER_GAP": "15", "RAG_RED_GAP": "30"}) == Thresholds(15, 30)


def test_the_configuration_has_defaults(app):
    assert Thresholds.from_config(app.config) == Thresholds(10, 25)


@pytest.mark.parametrize("met", [0, 7, 8, 15, 22, 23, 29, 30])
@pytest.mark.parametrize("day", [-1, 0, 33, 50, 99, 100, 130])
def test_sql_and_python_agree(db_session, met, day):
    pace = Pace.on(START, START + timedelta(days=100), START + timedelta(days=day))
    rank = db_session.scalar(select(rag_rank(literal(met), literal(30), pace, THRESHOLDS)))
    assert RAG_STATUSES[rank] == rag_status(met, 30, pace, THRESHOLDS)


def test_sql_and_python_agree_on_no_criteria(db_session):
    rank = db_session.scalar(select(rag_rank(literal(0), literal(0), HALFWAY, THRESHOLDS)))
    assert RAG_STATUSES[rank] == rag_status(0, 0, HALFWAY, THRESHOLDS)


def test_percent_rounds_down_so_that_100_means_done():
    assert [percent(0, 0), percent(1, 3), percent(29, 30), percent(30, 30)] == [0, 33, 96, 100]

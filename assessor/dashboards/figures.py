"""The figures every dashboard shows: criteria totals, shares met, time elapsed, and the red/amber/green status.

The status is worked out in SQL (to filter, sort and page big cohorts in the database) and in
Python (for one learner); both use `_behind`, so the two cannot disagree.
"""
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql import Subquery

from ..assessment.models import EnrolmentProgress
from ..cohorts.models import ACTIVE, ON_BREAK
from ..standards.models import KNOWLEDGE, PERFORMANCE, Criterion

#: learners a dashboard counts: those still in the cohort
CURRENT_MEMBERS = (ACTIVE, ON_BREAK)

BEHIND = "behind"
SLIGHTLY_BEHIND = "slightly_behind"
ON_TRACK = "on_track"
COMPLETE = "complete"
#: a learner enrolled on no standard: nothing to be on track with
NOT_ENROLLED = "not_enrolled"
#: worst first (enrolled on nothing before behind): the order of the status sort
RAG_STATUSES = (NOT_ENROLLED, BEHIND, SLIGHTLY_BEHIND, ON_TRACK, COMPLETE)
RANK = {status: rank for rank, status in enumerate(RAG_STATUSES)}


@dataclass(frozen=True)
class Thresholds:
    """How many percentage points behind the time elapsed a learner is amber, and red."""

    amber_gap: int
    red_gap: int

    @classmethod
    def from_config(cls, config) -> "Thresholds":
        """RAG_AMBER_GAP and RAG_RED_GAP (assessor/config.py)."""
        return cls(int(config["RAG_AMBER_GAP"]), int(config["RAG_RED_GAP"]))


def criteria_totals() -> Subquery:
    """Per standard: how many performance criteria and knowledge items are judged one by one (sub-items excluded)."""
    assessable = Criterion.parent_id.is_(None) & Criterion.kind.in_((PERFORMANCE, KNOWLEDGE))
    return (
        select(
            Criterion.standard_id,
            func.count().filter(Criterion.kind == PERFORMANCE).label("pc_total"),
            func.count().filter(Criterion.kind == KNOWLEDGE).label("k_total"),
            func.count().label("total"),
        )
        .where(assessable)
        .group_by(Criterion.standard_id)
        .subquery("criteria_totals")
    )


def criteria_met():
    """Performance criteria and knowledge items an enrolment has met (0 before its counts are first made)."""
    return func.coalesce(EnrolmentProgress.pc_met, 0) + func.coalesce(EnrolmentProgress.k_met, 0)


def percent(met: int, total: int) -> int:
    """Whole percent met, rounded down, so that 100 means every criterion is met."""
    return 100 * met // total if total else 0


def elapsed_share(start: date, target: date, today: date) -> Fraction:
    """How much of the time from the cohort's start to its target date has passed, from 0 to 1."""
    if today <= start:
        return Fraction(0)
    if today >= target:
        return Fraction(1)
    return Fraction((today - start).days, (target - start).days)


@dataclass(frozen=True)
class Pace:
    """How far through its time a cohort is on a given day."""

    elapsed: Fraction
    #: the target date has passed: anyone not complete is behind, however close
    overdue: bool

    @classmethod
    def on(cls, start: date, target: date, today: date) -> "Pace":
        return cls(elapsed_share(start, target, today), today > target)


def _behind(met, total, elapsed: Fraction, gap: int):
    """met/total is at least `gap` points behind `elapsed`: on numbers a bool, on SQL columns a condition."""
    return 100 * elapsed.denominator * met <= (100 * elapsed.numerator - gap * elapsed.denominator) * total


def rag_status(met: int, total: int, pace: Pace, thresholds: Thresholds) -> str:
    """Complete, or how far the share of criteria met is behind the share of time elapsed."""
    if total and met >= total:
        return COMPLETE
    if _behind(met, total or 1, pace.elapsed, 0 if pace.overdue else thresholds.red_gap):
        return BEHIND
    if _behind(met, total or 1, pace.elapsed, thresholds.amber_gap):
        return SLIGHTLY_BEHIND
    return ON_TRACK


def rag_rank(met, total, pace: Pace, thresholds: Thresholds):
    """The same status as `rag_status`, in SQL, as its place in RAG_STATUSES."""
    total_or_one = case((total == 0, 1), else_=total)
    return case(
        (and_(total > 0, met >= total), RANK[COMPLETE]),
        (_behind(met, total_or_one, pace.elapsed, 0 if pace.overdue else thresholds.red_gap), RANK[BEHIND]),
        (_behind(met, total_or_one, pace.elapsed, thresholds.amber_gap), RANK[SLIGHTLY_BEHIND]),
        else_=RANK[ON_TRACK],
    )


def standard_done():
    """1 for an enrolment whose standard is done: every criterion met, or signed off and verified by the IQA; else 0."""
    met_all = and_(func.coalesce(EnrolmentProgress.pc_total + EnrolmentProgress.k_total, 0) > 0, criteria_met() >= EnrolmentProgress.pc_total + EnrolmentProgress.k_total)
    verified = and_(EnrolmentProgress.signed_off_at.is_not(None), EnrolmentProgress.verified_at.is_not(None))
    return case((or_(verified, met_all), 1), else_=0)


def learner_rank(enrolments, done, met, total, pace: Pace, thresholds: Thresholds):
    """A learner's place in RAG_STATUSES over all their enrolments: none is not enrolled, every one done is complete."""
    return case(
        (enrolments == 0, RANK[NOT_ENROLLED]),
        (done == enrolments, RANK[COMPLETE]),
        else_=rag_rank(met, total, pace, thresholds),
    )

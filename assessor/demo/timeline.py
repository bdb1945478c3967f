"""When each step of a demo story happens, so the demo's queues, ages and chart look like weeks of use."""
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from ..cohorts.models import Cohort
from ..dashboards.snapshots import cohort_figures, upsert_days
from ..timeutil import today, utcnow
from .script import Check, Correct, Countersign, Item, Respond, Review, Revise, SignOff, Step, Submit

#: each kind of step: how many days after the story's previous step it follows, and at what time of day
#: (an item is written up at the end of the day of its activity, and only its day varies)
PACE = {
    Item: (0, time(16, 30)),
    Submit: (1, time(9, 15)),
    Revise: (3, time(14, 0)),
    Review: (4, time(11, 0)),
    Correct: (2, time(15, 20)),
    SignOff: (2, time(10, 40)),
    Countersign: (1, time(13, 10)),
    Check: (5, time(10, 5)),
    Respond: (2, time(15, 45)),
}


def step_moments(steps: tuple[Step, ...], activity_day, now: datetime) -> list[datetime]:
    """A moment for each step, in order: an item when its activity is written up, each other step some days
    after the one before; none later than an hour before `now`. A story starts with an item."""
    latest = now - timedelta(hours=1)
    moments: list[datetime] = []
    day = None
    for step in steps:
        days, at = PACE[type(step)]
        if isinstance(step, Item):
            day = activity_day(step) if day is None else max(day, activity_day(step))
        else:
            day += timedelta(days=days)
        moment = max([datetime.combine(day, at, UTC), *moments[-1:]])
        moments.append(min(moment, latest))
    return moments


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def record_history(session: Session, cohort: Cohort, learners_met: list[dict[date, int]]) -> None:
    """The cohort's chart over the days the stories took: each day, the criteria every learner had met by then.

    A learner's progress depends only on their own steps, so telling the stories one after another
    and adding up each learner's figures day by day gives the figures the cohort had on each day.
    """
    row = session.execute(cohort_figures([cohort.id])).one()
    rows = [
        {
            "cohort_id": cohort.id, "day": day, "criteria_met": sum(met_by(day, met) for met in learners_met),
            "criteria_total": row.total, "learners": row.learners,
            "updated_at": min(datetime.combine(day, time(23, 59), UTC), utcnow()),
        }
        for day in days_between(cohort.start_date, today())
    ]
    session.execute(upsert_days(session, rows))


def met_by(day: date, met_by_day: dict[date, int]) -> int:
    """Criteria met at the end of `day`: the figure of the last day a step was taken on or before it."""
    earlier = [taken for taken in met_by_day if taken <= day]
    return met_by_day[max(earlier)] if earlier else 0

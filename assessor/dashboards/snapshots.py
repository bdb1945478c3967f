"""The cohort's progress day by day: recorded by the progress hook, read by the dashboard's chart."""
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..assessment.models import EnrolmentProgress
from ..cohorts.models import CohortMember, Enrolment
from ..timeutil import today, utcnow
from .figures import CURRENT_MEMBERS, criteria_met, criteria_totals
from .models import CohortProgressDay

FIGURES = ("criteria_met", "criteria_total", "learners", "updated_at")


def record_cohort_days(session: Session, enrolment_ids: Iterable[int]) -> None:
    """Today's figures for every cohort these enrolments belong to, in the caller's transaction (three queries)."""
    ids = set(enrolment_ids)
    if not ids:
        return
    cohort_ids = set(
        session.scalars(
            select(CohortMember.cohort_id).join(Enrolment, Enrolment.member_id == CohortMember.id).where(Enrolment.id.in_(ids))
        )
    )
    if not cohort_ids:
        return
    figures = {cohort_id: (0, 0, 0) for cohort_id in cohort_ids} | {
        row.cohort_id: (row.met, row.total, row.learners) for row in session.execute(cohort_figures(cohort_ids))
    }
    day, now = today(), utcnow()
    rows = [
        {"cohort_id": cohort_id, "day": day, "criteria_met": met, "criteria_total": total, "learners": learners, "updated_at": now}
        for cohort_id, (met, total, learners) in sorted(figures.items())
    ]
    session.execute(upsert_days(session, rows))


def cohort_figures(cohort_ids: Iterable[int]):
    """Per cohort: criteria met and assessable over its current learners' enrolments, and how many learners."""
    totals = criteria_totals()
    return (
        select(
            CohortMember.cohort_id,
            func.coalesce(func.sum(criteria_met()), 0).label("met"),
            func.coalesce(func.sum(totals.c.total), 0).label("total"),
            func.count(func.distinct(CohortMember.id)).label("learners"),
        )
        .select_from(CohortMember)
        .outerjoin(Enrolment, Enrolment.member_id == CohortMember.id)
        .outerjoin(EnrolmentProgress, EnrolmentProgress.enrolment_id == Enrolment.id)
        .outerjoin(totals, totals.c.standard_id == Enrolment.standard_id)
        .where(CohortMember.cohort_id.in_(list(cohort_ids)), CohortMember.status.in_(CURRENT_MEMBERS))
        .group_by(CohortMember.cohort_id)
    )


def upsert_days(session: Session, rows: list[dict]):
    """INSERT … ON CONFLICT (cohort, day) DO UPDATE: two transactions recording the same day never collide."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(CohortProgressDay).values(rows)
    return statement.on_conflict_do_update(
        index_elements=["cohort_id", "day"], set_={name: statement.excluded[name] for name in FIGURES}
    )


def cohort_days(session: Session, cohort_id: int) -> list[CohortProgressDay]:
    query = select(CohortProgressDay).where(CohortProgressDay.cohort_id == cohort_id).order_by(CohortProgressDay.day)
    return list(session.scalars(query))

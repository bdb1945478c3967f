"""The assessor's caseload: one row per learner across the standards they assess, from the per-enrolment counts."""
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Float, cast, func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..assessment.models import EnrolmentProgress
from ..cohorts.models import Cohort, CohortMember, Enrolment
from ..standards.models import Standard
from ..timeutil import aware
from .figures import CURRENT_MEMBERS, criteria_met, criteria_totals, percent
from .services import Page, StandardRef, standard_columns, standard_ref
from .sorting import Sort

PER_PAGE = 25
SORT_KEYS = ("name", "progress", "awaiting", "oldest", "countersign", "last_activity")
DEFAULT_SORT = Sort("name")


@dataclass
class CaseloadRow:
    learner_id: int
    name: str
    met: int
    total: int
    #: submissions waiting for this assessor's decision, and when the oldest was made
    awaiting: int
    oldest_awaiting_at: datetime | None
    #: standards signed off and waiting for the learner's countersignature
    to_countersign: int
    last_activity: datetime | None
    standards: list[StandardRef] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return percent(self.met, self.total)


def caseload(session: Session, assessor: User, *, sort: Sort = DEFAULT_SORT, page: int = 1, per_page: int = PER_PAGE) -> Page:
    """A page of the assessor's current learners, sorted (three queries whatever the number of learners or decisions)."""
    learners = _learners(assessor).subquery("caseload")
    total = session.scalar(select(func.count()).select_from(learners)) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    query = select(learners).order_by(*_ordering(learners, sort)).offset((page - 1) * per_page).limit(per_page)
    rows = {row.learner_id: _row(row) for row in session.execute(query)}
    if rows:
        _add_standards(session, assessor, rows)
    return Page(list(rows.values()), total, page, pages)


def _assessed_by(assessor: User):
    """The assessor's enrolments of current learners in their own provider, with their learner."""
    return (
        select()
        .select_from(Enrolment)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .join(Cohort, Cohort.id == CohortMember.cohort_id)
        .join(User, User.id == CohortMember.learner_id)
        .where(
            Enrolment.assessor_id == assessor.id,
            Cohort.provider_id == assessor.provider_id,
            CohortMember.status.in_(CURRENT_MEMBERS),
        )
    )


def _learners(assessor: User):
    totals = criteria_totals()
    waiting_countersignature = EnrolmentProgress.signed_off_at.is_not(None) & EnrolmentProgress.countersigned_at.is_(None)
    return (
        _assessed_by(assessor)
        .add_columns(
            User.id.label("learner_id"),
            User.name,
            func.coalesce(func.sum(criteria_met()), 0).label("met"),
            func.coalesce(func.sum(totals.c.total), 0).label("total"),
            func.coalesce(func.sum(EnrolmentProgress.awaiting_decision), 0).label("awaiting"),
            func.min(EnrolmentProgress.oldest_awaiting_at).label("oldest"),
            func.count(EnrolmentProgress.enrolment_id).filter(waiting_countersignature).label("countersign"),
            func.max(EnrolmentProgress.last_activity_at).label("last_activity"),
        )
        .outerjoin(EnrolmentProgress, EnrolmentProgress.enrolment_id == Enrolment.id)
        .outerjoin(totals, totals.c.standard_id == Enrolment.standard_id)
        .group_by(User.id, User.name)
    )


def _ordering(learners, sort: Sort) -> list:
    name = func.lower(learners.c.name)
    keys = {
        "name": [name],
        "progress": [func.coalesce(cast(learners.c.met, Float) / func.nullif(learners.c.total, 0), 0)],
        "awaiting": [learners.c.awaiting],
        #: the longest wait first in ascending order; learners with nothing waiting after them
        "oldest": [learners.c.oldest.is_(None), learners.c.oldest],
        "countersign": [learners.c.countersign],
        #: no activity at all first in ascending order (the most stuck)
        "last_activity": [learners.c.last_activity.is_not(None), learners.c.last_activity],
    }
    return [*sort.order(*keys[sort.key]), name, learners.c.learner_id]


def _row(row) -> CaseloadRow:
    def moment(value):
        return aware(value) if value else None

    return CaseloadRow(
        row.learner_id, row.name, row.met, row.total, row.awaiting, moment(row.oldest), row.countersign, moment(row.last_activity)
    )


def _add_standards(session: Session, assessor: User, rows: dict[int, CaseloadRow]) -> None:
    query = (
        _assessed_by(assessor)
        .add_columns(User.id.label("learner_id"), *standard_columns())
        .join(Standard, Standard.id == Enrolment.standard_id)
        .where(User.id.in_(list(rows)))
        .order_by(Standard.urn, Enrolment.id)
    )
    for row in session.execute(query):
        standard = standard_ref(row)
        if standard not in rows[row.learner_id].standards:
            rows[row.learner_id].standards.append(standard)

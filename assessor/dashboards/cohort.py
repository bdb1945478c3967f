"""The cohort dashboard: learners down the side, standards across, each learner's status against the time elapsed.

Everything is read from the per-enrolment counts; filtering, sorting and paging happen in SQL, so a
page costs the same few queries whether the cohort has 20 learners or 2,000, and whatever the number
of decisions behind the counts.
"""
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Float, Select, case, cast, exists, func, select
from sqlalchemy.orm import Session, aliased

from ..accounts.models import User
from ..assessment.models import EnrolmentProgress
from ..cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment
from ..standards.models import Standard
from ..standards.words import Words, standard_words
from ..timeutil import aware, today
from .figures import (
    CURRENT_MEMBERS,
    RAG_STATUSES,
    RANK,
    Pace,
    Thresholds,
    criteria_met,
    criteria_totals,
    learner_rank,
    percent,
    standard_done,
)
from .sorting import Sort

PER_PAGE = 100
SORT_KEYS = ("name", "progress", "status", "last_activity")
DEFAULT_SORT = Sort("name")
Assessor = aliased(User, name="assessor")


@dataclass(frozen=True)
class Filters:
    """What the dashboard's GET form asks for; anything unknown is ignored."""

    assessor: int | None = None
    status: str = ""
    standard: int | None = None
    sort: Sort = DEFAULT_SORT
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping) -> "Filters":
        status = args.get("status", "")
        return cls(
            _number(args.get("assessor")), status if status in RAG_STATUSES else "", _number(args.get("standard")),
            Sort.parse(args, SORT_KEYS, DEFAULT_SORT), _number(args.get("page")) or 1,
        )

    def query_args(self) -> dict:
        """The filters as query-string arguments (the sort links add their own sort)."""
        chosen = {"assessor": self.assessor, "status": self.status, "standard": self.standard}
        return {name: value for name, value in chosen.items() if value}

    def link_args(self) -> dict:
        """The filters and the sort, for links that keep both."""
        return self.query_args() | self.sort.args()


def _number(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


@dataclass(frozen=True)
class Cell:
    met: int
    total: int
    signed_off_at: datetime | None = None
    countersigned_at: datetime | None = None
    verified_at: datetime | None = None

    @property
    def percent(self) -> int:
        return percent(self.met, self.total)


@dataclass(frozen=True)
class StandardColumn:
    id: int
    urn: str
    title: Words


@dataclass
class LearnerRow:
    member_id: int
    learner_id: int
    name: str
    email: str
    member_status: str
    met: int
    total: int
    last_activity: datetime | None
    status: str
    #: {standard id: Cell}; a standard the learner is not enrolled on has none
    cells: dict[int, Cell] = field(default_factory=dict)
    #: how many standards the learner is enrolled on, and how many of them are signed off, countersigned, verified
    enrolments: int = 0
    signed_off: int = 0
    countersigned: int = 0
    verified: int = 0

    @property
    def percent(self) -> int:
        return percent(self.met, self.total)


@dataclass
class Dashboard:
    cohort: Cohort
    standards: list[StandardColumn]
    assessors: list[tuple[int, str]]
    pace: Pace
    #: learners in each status, with the assessor and standard filters applied
    status_counts: dict[str, int]
    rows: list[LearnerRow]
    total: int
    page: int
    pages: int


def cohort_dashboard(
    session: Session, cohort: Cohort, filters: Filters, thresholds: Thresholds, *, on: date | None = None, per_page: int = PER_PAGE
) -> Dashboard:
    """One page of the cohort's learners as filtered and sorted (five queries whatever the size).

    The page's rows carry the learners in each status, so the cohort is aggregated once; only an
    empty page (a status nobody has, a page past the end) counts them apart.
    """
    chosen = _Selection.of(cohort, filters, thresholds, on)
    page = max(filters.page, 1)
    rows = chosen.page(session, filters.sort, page, per_page)
    counts = chosen.counts_on(rows[0]) if rows else chosen.count(session)
    total = counts[filters.status] if filters.status else sum(counts.values())
    pages = max(1, -(-total // per_page))
    if page > pages:
        page = pages
        rows = chosen.page(session, filters.sort, page, per_page)
    found = [_row(row) for row in rows]
    _fill_cells(session, found, Enrolment.member_id.in_([row.member_id for row in found]))
    return Dashboard(
        cohort, cohort_standards(session, cohort.id), cohort_assessors(session, cohort.id), chosen.pace, counts, found, total, page, pages,
    )


def all_rows(session: Session, cohort: Cohort, filters: Filters, thresholds: Thresholds, *, on: date | None = None) -> list[LearnerRow]:
    """Every learner the filters select, sorted, with their cells: the CSV download (two queries)."""
    chosen = _Selection.of(cohort, filters, thresholds, on)
    found = [_row(row) for row in session.execute(chosen.ordered(filters.sort))]
    _fill_cells(session, found, Enrolment.member_id.in_(select(CohortMember.id).where(CohortMember.cohort_id == cohort.id)))
    return found


@dataclass(frozen=True)
class _Selection:
    """The learners the filters select, each with their status's rank and the learners in each status, as SQL still to run."""

    pace: Pace
    learners: object
    rows: Select

    @classmethod
    def of(cls, cohort: Cohort, filters: Filters, thresholds: Thresholds, on: date | None) -> "_Selection":
        pace = Pace.on(cohort.start_date, cohort.target_end_date, on or today())
        grouped = _learners(cohort.id, filters).subquery("grouped")
        rank = learner_rank(grouped.c.enrolments, grouped.c.done, grouped.c.met, grouped.c.total, pace, thresholds)
        ranked = select(grouped, rank.label("rank")).subquery("ranked")
        in_status = [func.sum(case((ranked.c.rank == RANK[status], 1), else_=0)).over().label(f"in_{status}") for status in RAG_STATUSES]
        learners = select(ranked, *in_status).subquery("learners")
        rows = select(learners)
        if filters.status:
            rows = rows.where(learners.c.rank == RANK[filters.status])
        return cls(pace, learners, rows)

    def ordered(self, sort: Sort) -> Select:
        name = func.lower(self.learners.c.name)
        keys = {
            "name": [name],
            "progress": [func.coalesce(cast(self.learners.c.met, Float) / func.nullif(self.learners.c.total, 0), 0)],
            "status": [self.learners.c.rank],
            #: no activity at all comes first in ascending order (the most stuck) and last in descending
            "last_activity": [self.learners.c.last_activity.is_not(None), self.learners.c.last_activity],
        }
        return self.rows.order_by(*sort.order(*keys[sort.key]), name, self.learners.c.member_id)

    def page(self, session: Session, sort: Sort, page: int, per_page: int) -> list:
        return list(session.execute(self.ordered(sort).offset((page - 1) * per_page).limit(per_page)))

    @staticmethod
    def counts_on(row) -> dict[str, int]:
        """The learners in each status, as every row of the page carries them."""
        return {status: int(getattr(row, f"in_{status}")) for status in RAG_STATUSES}

    def count(self, session: Session) -> dict[str, int]:
        """The learners in each status, counted on their own (when there is no row to read them from)."""
        learners = self.learners
        found = dict(session.execute(select(learners.c.rank, func.count()).group_by(learners.c.rank)).tuples().all())
        return {status: found.get(RANK[status], 0) for status in RAG_STATUSES}


def _learners(cohort_id: int, filters: Filters) -> Select:
    """One row per current learner: criteria met and assessable over their enrolments, and their last activity."""
    totals = criteria_totals()
    query = (
        select(
            CohortMember.id.label("member_id"),
            User.id.label("learner_id"),
            User.name,
            User.email,
            CohortMember.status,
            func.coalesce(func.sum(criteria_met()), 0).label("met"),
            func.coalesce(func.sum(totals.c.total), 0).label("total"),
            func.max(EnrolmentProgress.last_activity_at).label("last_activity"),
            func.count(Enrolment.id).label("enrolments"),
            func.coalesce(func.sum(standard_done()), 0).label("done"),
            func.count(EnrolmentProgress.signed_off_at).label("signed_off"),
            func.count(EnrolmentProgress.countersigned_at).label("countersigned"),
            func.count(EnrolmentProgress.verified_at).label("verified"),
        )
        .select_from(CohortMember)
        .join(User, User.id == CohortMember.learner_id)
        .outerjoin(Enrolment, Enrolment.member_id == CohortMember.id)
        .outerjoin(EnrolmentProgress, EnrolmentProgress.enrolment_id == Enrolment.id)
        .outerjoin(totals, totals.c.standard_id == Enrolment.standard_id)
        .where(CohortMember.cohort_id == cohort_id, CohortMember.status.in_(CURRENT_MEMBERS))
        .group_by(CohortMember.id, User.id, User.name, User.email, CohortMember.status)
    )
    chosen = aliased(Enrolment, name="chosen")
    if filters.assessor:
        query = query.where(exists().where(chosen.member_id == CohortMember.id, chosen.assessor_id == filters.assessor))
    if filters.standard:
        query = query.where(exists().where(chosen.member_id == CohortMember.id, chosen.standard_id == filters.standard))
    return query


def _row(row) -> LearnerRow:
    last = aware(row.last_activity) if row.last_activity else None
    return LearnerRow(
        row.member_id, row.learner_id, row.name, row.email, row.status, row.met, row.total, last, RAG_STATUSES[row.rank],
        enrolments=row.enrolments, signed_off=row.signed_off, countersigned=row.countersigned, verified=row.verified,
    )


def _fill_cells(session: Session, rows: list[LearnerRow], which) -> None:
    if not rows:
        return
    totals = criteria_totals()
    query = (
        select(
            Enrolment.member_id, Enrolment.standard_id, criteria_met().label("met"), func.coalesce(totals.c.total, 0).label("total"),
            EnrolmentProgress.signed_off_at, EnrolmentProgress.countersigned_at, EnrolmentProgress.verified_at,
        )
        .outerjoin(EnrolmentProgress, EnrolmentProgress.enrolment_id == Enrolment.id)
        .outerjoin(totals, totals.c.standard_id == Enrolment.standard_id)
        .where(which)
    )
    cells: dict[int, dict[int, Cell]] = defaultdict(dict)
    for member_id, standard_id, met, total, *moments in session.execute(query):
        cells[member_id][standard_id] = Cell(met, total, *(aware(moment) if moment else None for moment in moments))
    for row in rows:
        row.cells = cells[row.member_id]


def cohort_standards(session: Session, cohort_id: int) -> list[StandardColumn]:
    query = (
        select(Standard).join(CohortStandard, CohortStandard.standard_id == Standard.id)
        .where(CohortStandard.cohort_id == cohort_id).order_by(CohortStandard.id)
    )
    return [StandardColumn(standard.id, standard.urn, standard_words(standard)) for standard in session.scalars(query)]


def cohort_assessors(session: Session, cohort_id: int) -> list[tuple[int, str]]:
    """(id, name) of everyone assessing an enrolment in the cohort, by name."""
    query = (
        select(Assessor.id, Assessor.name).distinct()
        .join(Enrolment, Enrolment.assessor_id == Assessor.id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .where(CohortMember.cohort_id == cohort_id)
        .order_by(Assessor.name, Assessor.id)
    )
    return [tuple(row) for row in session.execute(query)]

"""The assessor's queue: submitted evidence from their learners waiting for their review, oldest first.

The queue can be narrowed to one learner, cohort or standard, to items waiting more than a number of
days, and by a search of the evidence's title or reference and the learner's name. Whatever is asked,
only the assessor's own enrolments are ever read (`waiting_pairs`).
"""
import re
from collections.abc import Mapping as ArgMapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session, lazyload

from ..accounts.models import User
from ..cohorts.models import Cohort, CohortMember, Enrolment
from ..core.pages import Page
from ..evidence.models import Evidence, Mapping, Submission
from ..standards.models import Standard
from ..timeutil import aware, utcnow
from .models import Review

#: the longest wait a filter may ask about, in days (ten years)
MAX_WAITING_DAYS = 3650
TEXT_MAX = 200
#: a search for an evidence reference: "E-007", "e7", "E 7"
REFERENCE = re.compile(r"^e[-\s]?0*(\d{1,6})$", re.IGNORECASE)


@dataclass(frozen=True)
class QueueItem:
    """One submission waiting for one enrolment's review."""

    submission: Submission
    enrolment: Enrolment
    evidence: Evidence
    learner: User
    standard: Standard

    @property
    def submitted_at(self) -> datetime:
        return aware(self.submission.submitted_at)

    @property
    def age_days(self) -> int:
        return max(0, (utcnow() - self.submitted_at).days)


@dataclass(frozen=True)
class QueueFilters:
    """What the queue's GET form asks for; ids that are not numbers are ignored, a bad number of days is reported."""

    learner: int | None = None
    cohort: int | None = None
    standard: int | None = None
    #: only items waiting more than this many whole days
    waiting: int | None = None
    text: str = ""
    page: int = 1
    #: the number of days as typed, when it is not a whole number from 0 to MAX_WAITING_DAYS
    bad_waiting: str = ""

    @classmethod
    def from_args(cls, args: ArgMapping) -> "QueueFilters":
        typed = (args.get("waiting") or "").strip()
        waiting = _number(typed)
        bad = typed if typed and (waiting is None or waiting > MAX_WAITING_DAYS) else ""
        return cls(
            _number(args.get("learner")), _number(args.get("cohort")), _number(args.get("standard")),
            None if bad else waiting, " ".join((args.get("q") or "").split())[:TEXT_MAX], _number(args.get("page")) or 1, bad,
        )

    def query_args(self) -> dict:
        """The filters as query-string arguments, for the pages' links."""
        chosen = {"learner": self.learner, "cohort": self.cohort, "standard": self.standard, "waiting": self.waiting, "q": self.text}
        return {name: value for name, value in chosen.items() if value not in (None, "")}

    @property
    def active(self) -> bool:
        return bool(self.query_args() or self.bad_waiting)

    def on_page(self, page: int) -> "QueueFilters":
        return replace(self, page=page)


def _number(value) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


def waiting_pairs(assessor_id: int) -> Select:
    """(submission id, enrolment id) of open submissions claiming criteria of this assessor's enrolments, not yet reviewed."""
    reviewed = exists().where(Review.submission_id == Submission.id, Review.enrolment_id == Enrolment.id)
    return (
        select(Submission.id.label("submission_id"), Enrolment.id.label("enrolment_id"))
        .join(Mapping, Mapping.evidence_id == Submission.evidence_id)
        .join(Enrolment, Enrolment.id == Mapping.enrolment_id)
        .where(Submission.closed_at.is_(None), Enrolment.assessor_id == assessor_id, ~reviewed)
        .distinct()
    )


def awaiting_count(session: Session, assessor: User) -> int:
    return session.scalar(select(func.count()).select_from(waiting_pairs(assessor.id).subquery())) or 0


def queue_for(session: Session, assessor: User, page: int = 1, per_page: int = 25, filters: QueueFilters | None = None) -> Page:
    """The assessor's waiting items the filters select, oldest submission first, a page at a time (two queries)."""
    chosen = _selected(assessor, filters or QueueFilters())
    total = session.scalar(select(func.count()).select_from(chosen.subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    query = (
        chosen.options(lazyload(User.roles))
        .order_by(Submission.submitted_at, Submission.id, Enrolment.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    items = [QueueItem(*row) for row in session.execute(query).tuples()]
    return Page(items, total, page, pages)


def _selected(assessor: User, filters: QueueFilters) -> Select:
    """The waiting items with what each page row shows, narrowed by the filters."""
    pairs = waiting_pairs(assessor.id).subquery()
    query = (
        select(Submission, Enrolment, Evidence, User, Standard)
        .join(pairs, pairs.c.submission_id == Submission.id)
        .join(Enrolment, Enrolment.id == pairs.c.enrolment_id)
        .join(Evidence, Evidence.id == Submission.evidence_id)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .join(User, User.id == CohortMember.learner_id)
        .join(Standard, Standard.id == Enrolment.standard_id)
    )
    chosen = ((CohortMember.learner_id, filters.learner), (CohortMember.cohort_id, filters.cohort), (Enrolment.standard_id, filters.standard))
    for column, value in chosen:
        if value is not None:
            query = query.where(column == value)
    if filters.waiting is not None:
        query = query.where(Submission.submitted_at <= utcnow() - timedelta(days=filters.waiting + 1))
    return query.where(_search(filters.text)) if filters.text else query


def _search(text: str):
    """The evidence's title or the learner's name contains the text, or the text is the evidence's reference."""
    found = [Evidence.title.icontains(text, autoescape=True), User.name.icontains(text, autoescape=True)]
    reference = REFERENCE.match(text)
    if reference:
        found.append(Evidence.number == int(reference.group(1)))
    return or_(*found)


@dataclass(frozen=True)
class QueueChoices:
    """What the filters offer: the assessor's own learners, cohorts and standards, by name."""

    learners: list[tuple[int, str]]
    cohorts: list[tuple[int, str]]
    standards: list[Standard]


def queue_choices(session: Session, assessor: User) -> QueueChoices:
    """Everyone and everything among the assessor's enrolments (one query)."""
    rows = session.execute(
        select(User.id, User.name, Cohort.id, Cohort.name, Standard)
        .join(CohortMember, CohortMember.learner_id == User.id)
        .join(Cohort, Cohort.id == CohortMember.cohort_id)
        .join(Enrolment, Enrolment.member_id == CohortMember.id)
        .join(Standard, Standard.id == Enrolment.standard_id)
        .where(Enrolment.assessor_id == assessor.id)
    ).tuples().all()
    learners = sorted({(row[0], row[1]) for row in rows}, key=lambda pair: (pair[1].lower(), pair[0]))
    cohorts = sorted({(row[2], row[3]) for row in rows}, key=lambda pair: (pair[1].lower(), pair[0]))
    standards = sorted({row[4] for row in rows}, key=lambda standard: (standard.urn, standard.version))
    return QueueChoices(learners, cohorts, standards)

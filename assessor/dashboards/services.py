"""What each role sees on landing: plain queries on an explicit session, aggregated in SQL."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from ..accounts.models import User
from ..cohorts.models import ACTIVE, Cohort, CohortMember, Enrolment
from ..standards.models import Standard

Learner = aliased(User, name="learner")
AssessorUser = aliased(User, name="assessor_user")


@dataclass(frozen=True)
class StandardRef:
    urn: str
    version: str
    title: str
    title_en: str | None
    language: str

    def title_for(self, reading: str) -> tuple[str, str]:
        """(title, its language) for a reader of `reading`: the English rendering when there is one."""
        if reading == "en" and self.title_en:
            return self.title_en, "en"
        return self.title, self.language


@dataclass(frozen=True)
class LearnerEnrolment:
    id: int
    standard: StandardRef
    cohort: str
    start_date: date
    target_end_date: date
    assessor: str | None
    status: str


@dataclass
class AssessedLearner:
    """A learner in a cohort, with the standards on which this assessor or IQA covers them."""

    learner: str
    cohort: str
    status: str
    standards: list[StandardRef] = field(default_factory=list)


@dataclass
class Page:
    rows: list
    total: int
    page: int
    pages: int


@dataclass
class AssessorGroup:
    """An assessor an IQA covers (None: enrolments with no assessor yet), and their learners."""

    assessor: str | None
    enrolment_count: int
    learners: list[AssessedLearner]


@dataclass(frozen=True)
class CohortSummary:
    id: int
    name: str
    start_date: date
    target_end_date: date
    active_learners: int


def standard_columns():
    return (Standard.urn, Standard.version, Standard.title, Standard.title_en, Standard.language)


def standard_ref(row) -> StandardRef:
    return StandardRef(row.urn, row.version, row.title, row.title_en, row.language)


def _enrolments_in_provider(user: User) -> Select:
    """Enrolments joined to their member, cohort, learner and standard, within the user's provider."""
    return (
        select(Learner.name.label("learner_name"), Cohort.name.label("cohort_name"), CohortMember.status, *standard_columns())
        .select_from(Enrolment)
        .join(CohortMember, Enrolment.member_id == CohortMember.id)
        .join(Cohort, CohortMember.cohort_id == Cohort.id)
        .join(Learner, CohortMember.learner_id == Learner.id)
        .join(Standard, Enrolment.standard_id == Standard.id)
        .where(Cohort.provider_id == user.provider_id)
    )


def learner_enrolments(session: Session, user: User) -> list[LearnerEnrolment]:
    """The person's own enrolments, newest cohort first."""
    query = (
        _enrolments_in_provider(user)
        .add_columns(Enrolment.id, Cohort.start_date, Cohort.target_end_date, AssessorUser.name.label("assessor_name"))
        .outerjoin(AssessorUser, Enrolment.assessor_id == AssessorUser.id)
        .where(CohortMember.learner_id == user.id)
        .order_by(Cohort.start_date.desc(), Cohort.name, Standard.title, Enrolment.id)
    )
    return [
        LearnerEnrolment(row.id, standard_ref(row), row.cohort_name, row.start_date, row.target_end_date, row.assessor_name, row.status)
        for row in session.execute(query)
    ]


def iqa_coverage(session: Session, user: User) -> list[AssessorGroup]:
    """The assessors and learners this person quality-assures, grouped by assessor."""
    query = (
        _enrolments_in_provider(user)
        .add_columns(Enrolment.assessor_id, AssessorUser.name.label("assessor_name"), CohortMember.id.label("member_id"))
        .outerjoin(AssessorUser, Enrolment.assessor_id == AssessorUser.id)
        .where(Enrolment.iqa_id == user.id)
        .order_by(AssessorUser.name.is_(None), AssessorUser.name, Enrolment.assessor_id, Learner.name, CohortMember.id, Standard.title)
    )
    groups: dict[int | None, AssessorGroup] = {}
    learners: dict[tuple[int | None, int], AssessedLearner] = {}
    for row in session.execute(query):
        group = groups.setdefault(row.assessor_id, AssessorGroup(row.assessor_name, 0, []))
        group.enrolment_count += 1
        key = (row.assessor_id, row.member_id)
        if key not in learners:
            learners[key] = AssessedLearner(row.learner_name, row.cohort_name, row.status)
            group.learners.append(learners[key])
        learners[key].standards.append(standard_ref(row))
    return list(groups.values())


def provider_cohorts(session: Session, user: User, *, limit: int = 10) -> tuple[list[CohortSummary], int]:
    """The provider's most recent cohorts with their active learners, and how many cohorts there are."""
    active = func.count(CohortMember.id).filter(CohortMember.status == ACTIVE)
    query = (
        select(Cohort.id, Cohort.name, Cohort.start_date, Cohort.target_end_date, active.label("active_learners"))
        .outerjoin(CohortMember, CohortMember.cohort_id == Cohort.id)
        .where(Cohort.provider_id == user.provider_id)
        .group_by(Cohort.id, Cohort.name, Cohort.start_date, Cohort.target_end_date)
        .order_by(Cohort.start_date.desc(), Cohort.name)
        .limit(limit)
    )
    total = session.scalar(select(func.count(Cohort.id)).where(Cohort.provider_id == user.provider_id)) or 0
    return [CohortSummary(*row) for row in session.execute(query)], total

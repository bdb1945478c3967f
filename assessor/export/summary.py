"""The cohort summary PDF: learners down the side, standards across, plain figures and sign-off states."""
from dataclasses import dataclass, field
from datetime import datetime

from flask import render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..assessment.models import EnrolmentProgress, SignOff
from ..cohorts.labels import STATUS_LABELS
from ..cohorts.models import ACTIVE, ON_BREAK, WITHDRAWN, Cohort, CohortMember, CohortStandard
from ..i18n import format_date, format_datetime
from ..organisations.models import Provider
from ..standards.models import KNOWLEDGE, PERFORMANCE, Criterion
from ..timeutil import utcnow
from .labels import standard_title_in
from .render import render_pdf

#: members whose portfolios an export holds: everyone but those transferred out (their new cohort has them)
EXPORTED_STATUSES = (ACTIVE, ON_BREAK, WITHDRAWN)

NOT_SIGNED_OFF = "not_signed_off"
SIGNED_OFF = "signed_off"
COUNTERSIGNED = "countersigned"
VERIFIED = "verified"
SIGN_OFF_LABELS = {
    NOT_SIGNED_OFF: _l("Not signed off"),
    SIGNED_OFF: _l("Signed off, awaiting the learner's countersignature"),
    COUNTERSIGNED: _l("Signed off and countersigned"),
    VERIFIED: _l("Signed off and verified by the IQA"),
}


@dataclass
class Cell:
    """One learner on one standard."""

    met: int
    total: int
    state: str

    @property
    def percent(self) -> int:
        return round(100 * self.met / self.total) if self.total else 0


@dataclass
class Row:
    learner: User
    status: str
    #: standard id -> the learner's cell, absent where they are not enrolled on it
    cells: dict[int, Cell]


@dataclass
class Total:
    """A standard's column added up."""

    enrolled: int = 0
    met: int = 0
    total: int = 0
    states: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        return round(100 * self.met / self.total) if self.total else 0

    @property
    def signed_off(self) -> int:
        return sum(count for state, count in self.states.items() if state != NOT_SIGNED_OFF)


@dataclass
class CohortSummary:
    cohort: Cohort
    provider_name: str
    pinned: list[CohortStandard]
    rows: list[Row]
    totals: dict[int, Total]
    generated_at: datetime = field(default_factory=utcnow)


def exported_members(session: Session, cohort_id: int) -> list[CohortMember]:
    """The cohort's learners an export holds, by name, with their enrolments."""
    query = (
        select(CohortMember)
        .join(User, User.id == CohortMember.learner_id)
        .where(CohortMember.cohort_id == cohort_id, CohortMember.status.in_(EXPORTED_STATUSES))
        .options(selectinload(CohortMember.learner), selectinload(CohortMember.enrolments))
        .order_by(User.name, User.id)
    )
    return list(session.scalars(query))


def cohort_summary(session: Session, cohort_id: int) -> CohortSummary:
    cohort = session.scalars(
        select(Cohort).where(Cohort.id == cohort_id).options(selectinload(Cohort.standards).selectinload(CohortStandard.standard))
    ).one()
    members = exported_members(session, cohort_id)
    enrolment_ids = [enrolment.id for member in members for enrolment in member.enrolments]
    progress_rows = session.scalars(select(EnrolmentProgress).where(EnrolmentProgress.enrolment_id.in_(enrolment_ids)))
    progress = {row.enrolment_id: row for row in progress_rows}
    signed = _active_sign_offs(session, enrolment_ids)
    sizes = _criteria_counts(session, [pinned.standard_id for pinned in cohort.standards])
    rows = []
    for member in members:
        cells = {e.standard_id: _cell(progress.get(e.id), signed.get(e.id), sizes.get(e.standard_id, 0)) for e in member.enrolments}
        rows.append(Row(member.learner, member.status, cells))
    provider = session.get(Provider, cohort.provider_id)
    return CohortSummary(cohort, provider.name if provider else "", list(cohort.standards), rows, _totals(cohort.standards, rows))


def _active_sign_offs(session: Session, enrolment_ids: list[int]) -> dict[int, SignOff]:
    """Each enrolment's latest sign-off that stands (not withdrawn)."""
    query = select(SignOff).where(SignOff.enrolment_id.in_(enrolment_ids), SignOff.withdrawn_at.is_(None)).order_by(SignOff.sequence)
    return {row.enrolment_id: row for row in session.scalars(query)}


def _criteria_counts(session: Session, standard_ids: list[int]) -> dict[int, int]:
    query = (
        select(Criterion.standard_id, func.count())
        .where(Criterion.standard_id.in_(standard_ids), Criterion.parent_id.is_(None), Criterion.kind.in_((PERFORMANCE, KNOWLEDGE)))
        .group_by(Criterion.standard_id)
    )
    return dict(session.execute(query).all())


def _cell(progress: EnrolmentProgress | None, sign_off: SignOff | None, size: int) -> Cell:
    met = (progress.pc_met + progress.k_met) if progress else 0
    total = (progress.pc_total + progress.k_total) if progress and (progress.pc_total + progress.k_total) else size
    if sign_off is None:
        state = NOT_SIGNED_OFF
    elif progress is not None and progress.verified_at:
        state = VERIFIED
    else:
        state = COUNTERSIGNED if sign_off.learner_signed_at else SIGNED_OFF
    return Cell(met, total, state)


def _totals(pinned: list[CohortStandard], rows: list[Row]) -> dict[int, Total]:
    totals = {standard.standard_id: Total() for standard in pinned}
    for row in rows:
        for standard_id, cell in row.cells.items():
            total = totals.setdefault(standard_id, Total())
            total.enrolled += 1
            total.met += cell.met
            total.total += cell.total
            total.states[cell.state] = total.states.get(cell.state, 0) + 1
    return totals


def summary_html(summary: CohortSummary, language: str) -> str:
    """The summary as HTML in `language`; needs an app context, never a request."""
    with force_locale(language):
        return render_template(
            "export/summary.html",
            summary=summary,
            lang=language,
            standard_title_in=standard_title_in,
            sign_off_labels=SIGN_OFF_LABELS,
            member_status_labels=STATUS_LABELS,
            format_date=format_date,
            format_datetime=format_datetime,
            verified=VERIFIED,
        )


def summary_pdf(session: Session, cohort_id: int, language: str) -> bytes:
    return render_pdf(summary_html(cohort_summary(session, cohort_id), language))

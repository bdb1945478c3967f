"""How a learner stands on each standard: counts per standard, and the matrix of criteria against evidence."""
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..cohorts.labels import STATUS_LABELS
from ..cohorts.models import ACTIVE, Enrolment
from ..evidence.mapping import learner_enrolments
from ..evidence.models import Evidence, Mapping
from ..standards.criteria import CriterionLine, assessable_criteria, criterion_lines
from ..standards.models import KNOWLEDGE, PERFORMANCE, Standard
from ..standards.words import Words, standard_words
from .models import MET, NOT_YET, EnrolmentProgress
from .moves import Revisions, revisions
from .progress import (
    AWAITING,
    IN_PROGRESS,
    MET_STATUS,
    NOT_STARTED,
    criterion_statuses,
    current_decisions,
    times_required,
)
from .sign_off_status import SignOffStatus, sign_off_statuses


@dataclass(frozen=True)
class Counts:
    total: int = 0
    met: int = 0
    submitted: int = 0
    in_progress: int = 0
    not_started: int = 0


def counts_of(statuses: dict[int, str], kinds: dict[int, str], kind: str) -> Counts:
    mine = [status for criterion_id, status in statuses.items() if kinds.get(criterion_id) == kind]
    tally = {status: mine.count(status) for status in (MET_STATUS, AWAITING, IN_PROGRESS, NOT_STARTED)}
    return Counts(len(mine), tally[MET_STATUS], tally[AWAITING], tally[IN_PROGRESS], tally[NOT_STARTED])


def _progress_counts(progress: EnrolmentProgress, prefix: str) -> Counts:
    values = [getattr(progress, f"{prefix}_{name}") for name in ("total", "met", "submitted", "in_progress", "not_started")]
    return Counts(*values)


@dataclass(frozen=True)
class StandardSummary:
    enrolment_id: int
    standard: Standard
    title: Words
    cohort: str
    active: bool
    #: what the learner's place in that cohort is called, when it is no longer active
    member_status: object
    performance: Counts
    knowledge: Counts
    #: the standing sign-off, if the standard is signed off
    sign_off: SignOffStatus | None = None


def progress_rows(session: Session, enrolment_ids: list[int]) -> dict[int, EnrolmentProgress]:
    query = select(EnrolmentProgress).where(EnrolmentProgress.enrolment_id.in_(enrolment_ids))
    return {progress.enrolment_id: progress for progress in session.scalars(query)}


def standard_summaries(session: Session, learner: User) -> list[StandardSummary]:
    """Per enrolment of the learner: the standard and how many of its criteria are met, awaiting, in progress, not started."""
    enrolments = learner_enrolments(session, learner.id)
    stored = progress_rows(session, [enrolment.id for enrolment in enrolments])
    signed = sign_off_statuses(session, [enrolment.id for enrolment in enrolments])
    return [_summary(session, enrolment, stored.get(enrolment.id), signed.get(enrolment.id)) for enrolment in enrolments]


def _summary(session: Session, enrolment: Enrolment, progress: EnrolmentProgress | None, sign_off: SignOffStatus | None) -> StandardSummary:
    if progress is not None:
        performance, knowledge = _progress_counts(progress, "pc"), _progress_counts(progress, "k")
    else:
        statuses = criterion_statuses(session, enrolment)
        kinds = {criterion.id: criterion.kind for criterion in assessable_criteria(session, enrolment.standard_id)}
        performance, knowledge = counts_of(statuses, kinds, PERFORMANCE), counts_of(statuses, kinds, KNOWLEDGE)
    member = enrolment.member
    active = member.status == ACTIVE
    return StandardSummary(
        enrolment.id, enrolment.standard, standard_words(enrolment.standard), member.cohort.name, active,
        None if active else STATUS_LABELS.get(member.status, member.status), performance, knowledge, sign_off,
    )


@dataclass(frozen=True)
class CriteriaSection:
    """One standard on the mapping page: its criteria and each one's status for the learner."""

    enrolment: Enrolment
    title: Words
    lines: list[CriterionLine]
    statuses: dict[int, str]


def criteria_sections(session: Session, enrolments: list[Enrolment]) -> list[CriteriaSection]:
    stored = progress_rows(session, [enrolment.id for enrolment in enrolments])
    sections = []
    for enrolment in enrolments:
        progress = stored.get(enrolment.id)
        statuses = {int(k): v for k, v in progress.statuses.items()} if progress else criterion_statuses(session, enrolment)
        lines = criterion_lines(session, enrolment.standard)
        sections.append(CriteriaSection(enrolment, standard_words(enrolment.standard), lines, statuses))
    return sections



@dataclass(frozen=True)
class Column:
    evidence_id: int
    number: int
    reference: str
    title: str
    status: str


@dataclass(frozen=True)
class Cell:
    """One evidence item against one criterion: claimed (with the learner's note) and the current outcome, if judged."""

    claimed: bool
    note: str = ""
    #: MET, NOT_YET, or None before a decision
    outcome: str | None = None


@dataclass(frozen=True)
class Row:
    line: CriterionLine
    status: str
    #: one per column; None where the evidence neither claims nor was judged against the criterion
    cells: tuple[Cell | None, ...]
    #: how many evidence items were judged to meet the criterion
    met_evidence: int


@dataclass(frozen=True)
class Matrix:
    enrolment: Enrolment
    title: Words
    times_required: int
    columns: list[Column]
    rows: list[Row]
    performance: Counts
    knowledge: Counts
    sign_off: SignOffStatus | None = None
    #: after a move to a new version: criteria changed or new in it and not decided since, and those removed
    revised: Revisions = field(default_factory=Revisions)

    @property
    def not_started(self) -> list[Row]:
        return [row for row in self.rows if row.status == NOT_STARTED]

    @property
    def notes(self) -> list[tuple[Row, Column, str]]:
        """Every note, by criterion then evidence."""
        return [
            (row, column, cell.note) for row in self.rows for column, cell in zip(self.columns, row.cells, strict=False) if cell and cell.note
        ]


def build_matrix(session: Session, enrolment: Enrolment) -> Matrix:
    """Criteria down the side, the evidence claiming them across; a fixed number of queries whatever the size."""
    lines = criterion_lines(session, enrolment.standard)
    statuses = criterion_statuses(session, enrolment)
    claims = session.execute(
        select(Mapping.criterion_id, Mapping.note, Evidence)
        .join(Evidence, Evidence.id == Mapping.evidence_id)
        .where(Mapping.enrolment_id == enrolment.id)
    ).all()
    notes = {(row.Evidence.id, row.criterion_id): row.note for row in claims}
    decisions = [d for d in current_decisions(session, enrolment.id) if d.criterion_id in statuses]
    outcomes = _outcomes(decisions)
    evidence = {row.Evidence.id: row.Evidence for row in claims}
    missing = {evidence_id for evidence_id, _criterion in outcomes} - set(evidence)
    if missing:
        evidence |= {item.id: item for item in session.scalars(select(Evidence).where(Evidence.id.in_(missing)))}
    columns = [Column(e.id, e.number, e.reference, e.title, e.status) for e in sorted(evidence.values(), key=lambda e: e.number)]
    rows = [_row(line, statuses[line.id], columns, notes, outcomes) for line in lines]
    kinds = {line.id: line.kind for line in lines}
    return Matrix(
        enrolment, standard_words(enrolment.standard), times_required(session, enrolment), columns, rows,
        counts_of(statuses, kinds, PERFORMANCE), counts_of(statuses, kinds, KNOWLEDGE),
        sign_off_statuses(session, [enrolment.id]).get(enrolment.id),
        revisions(session, enrolment, {d.criterion_id for d in decisions if d.carried_from_id is None}),
    )


def _outcomes(decisions) -> dict[tuple[int, int], str]:
    """{(evidence id, criterion id): outcome}: met when any current decision on it is met."""
    outcomes: dict[tuple[int, int], str] = {}
    for decision in decisions:
        key = (decision.evidence_id, decision.criterion_id)
        if outcomes.get(key) != MET:
            outcomes[key] = MET if decision.outcome == MET else NOT_YET
    return outcomes


def _row(line: CriterionLine, status: str, columns: list[Column], notes: dict, outcomes: dict) -> Row:
    cells = []
    for column in columns:
        key = (column.evidence_id, line.id)
        claimed, outcome = key in notes, outcomes.get(key)
        cells.append(Cell(claimed, notes.get(key, ""), outcome) if claimed or outcome else None)
    met = sum(1 for cell in cells if cell and cell.outcome == MET)
    return Row(line, status, tuple(cells), met)

"""Everything a learner's portfolio document shows, read in a fixed number of queries."""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..assessment.models import MET, Decision, EnrolmentProgress, Review, SignOff
from ..assessment.progress import MET_STATUS, counting
from ..cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment
from ..evidence.models import Evidence, EvidenceFile, Mapping, Submission
from ..evidence.snapshot import FrozenFile, Judged, latest_judged
from ..evidence.witness_models import SIGNED, WitnessRequest
from ..iqa.models import Sample
from ..scenarios.models import Attempt
from ..standards.criteria import assessable_criteria
from ..standards.models import Criterion, Standard
from ..timeutil import aware, utcnow
from .transcripts import attach_attempts


@dataclass
class CriterionRow:
    criterion: Criterion
    status: str
    met_on: datetime | None
    assessor: str | None
    evidence_refs: list[str]


@dataclass
class StandardSection:
    enrolment: Enrolment
    standard: Standard
    cohort: Cohort
    times_required: int
    progress: EnrolmentProgress | None
    rows: list[CriterionRow]
    sign_offs: list[SignOff]
    samples: list[Sample]


@dataclass
class EvidenceEntry:
    #: the version last submitted (what was judged, or is waiting to be), or the draft never submitted
    evidence: Evidence | Judged
    files: list[EvidenceFile] | list[FrozenFile]
    #: (standard URN, criterion) claimed, with the learner's note
    claims: list[tuple[str, Criterion, str]]
    #: every decision, corrections included, oldest first
    decisions: list[Decision]
    #: the witness's signed confirmations of the statement, oldest first
    confirmations: list[WitnessRequest] = field(default_factory=list)
    #: the scenario attempt the version shown names (scenario transcripts only; finished attempts never change)
    attempt: Attempt | None = None


@dataclass
class PortfolioData:
    learner: User
    provider_name: str
    sections: list[StandardSection]
    evidence: list[EvidenceEntry]
    generated_at: datetime = field(default_factory=utcnow)
    users: dict[int, User] = field(default_factory=dict)

    @property
    def cohorts(self) -> list[Cohort]:
        return list({section.cohort.id: section.cohort for section in self.sections}.values())

    @property
    def first_start(self) -> date | None:
        return min((cohort.start_date for cohort in self.cohorts), default=None)

    @property
    def last_target(self) -> date | None:
        return max((cohort.target_end_date for cohort in self.cohorts), default=None)

    def name_of(self, user_id: int | None) -> str | None:
        user = self.users.get(user_id) if user_id is not None else None
        return user.name if user else None


def portfolio_data(session: Session, learner: User) -> PortfolioData:
    enrolments = _enrolments(session, learner.id)
    enrolment_ids = [enrolment.id for enrolment in enrolments]
    evidence = list(
        session.scalars(
            select(Evidence)
            .where(Evidence.learner_id == learner.id)
            .options(selectinload(Evidence.files), selectinload(Evidence.mappings).selectinload(Mapping.criterion),
                     selectinload(Evidence.submissions).selectinload(Submission.files))
            .order_by(Evidence.number)
        )
    )
    decisions = list(
        session.scalars(
            select(Decision)
            .where(Decision.enrolment_id.in_(enrolment_ids))
            .options(selectinload(Decision.review).selectinload(Review.submission), selectinload(Decision.criterion))
            .order_by(Decision.decided_at, Decision.id)
        )
    )
    sign_offs = _grouped(session, SignOff, SignOff.enrolment_id, enrolment_ids, SignOff.sequence)
    samples = _grouped(session, Sample, Sample.enrolment_id, enrolment_ids, Sample.selected_at)
    progress = {row.enrolment_id: row for row in session.scalars(select(EnrolmentProgress).where(EnrolmentProgress.enrolment_id.in_(enrolment_ids)))}
    users = _people(session, decisions, sign_offs, samples, enrolments)
    sections = [
        _section(session, enrolment, decisions, evidence, progress.get(enrolment.id), sign_offs[enrolment.id], samples[enrolment.id], users)
        for enrolment in enrolments
    ]
    criteria = _frozen_criteria(session, evidence)
    confirmations = _grouped(session, WitnessRequest, WitnessRequest.evidence_id, [item.id for item in evidence], WitnessRequest.id, SIGNED)
    entries = [_entry(item, decisions, enrolments, criteria, confirmations[item.id]) for item in evidence]
    attach_attempts(session, learner.id, entries)
    provider_name = learner.provider.name if learner.provider else ""
    return PortfolioData(learner, provider_name, sections, entries, users=users)


def _enrolments(session: Session, learner_id: int) -> list[Enrolment]:
    query = (
        select(Enrolment)
        .join(CohortMember, CohortMember.id == Enrolment.member_id)
        .where(CohortMember.learner_id == learner_id)
        .options(selectinload(Enrolment.standard), selectinload(Enrolment.member).selectinload(CohortMember.cohort))
        .order_by(Enrolment.id)
    )
    return list(session.scalars(query))


def _grouped(session: Session, model, column, ids: list[int], order, statuses=None) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    query = select(model).where(column.in_(ids))
    if statuses is not None:
        query = query.where(model.status.in_(statuses))
    for row in session.scalars(query.order_by(order)):
        grouped[getattr(row, column.key)].append(row)
    return grouped


def _people(session: Session, decisions, sign_offs, samples, enrolments) -> dict[int, User]:
    ids = {decision.decided_by_id for decision in decisions}
    ids |= {row.assessor_id for rows in sign_offs.values() for row in rows}
    ids |= {row.decided_by_id for rows in samples.values() for row in rows if row.decided_by_id}
    ids |= {e.assessor_id for e in enrolments if e.assessor_id} | {e.iqa_id for e in enrolments if e.iqa_id}
    return {user.id: user for user in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}


def current_only(decisions: list[Decision]) -> list[Decision]:
    """The decisions that count: each review's latest, less those a later submission of the evidence decided again."""
    latest: dict[tuple[int, int], Decision] = {}
    for decision in decisions:
        key = (decision.review_id, decision.criterion_id)
        if key not in latest or decision.sequence > latest[key].sequence:
            latest[key] = decision
    return counting(list(latest.values()), lambda decision: decision.review.submission.number)


def _section(session, enrolment, decisions, evidence, progress, sign_offs, samples, users) -> StandardSection:
    needed = session.scalar(
        select(CohortStandard.times_required).where(
            CohortStandard.cohort_id == enrolment.member.cohort_id, CohortStandard.standard_id == enrolment.standard_id
        )
    ) or 1
    mine = [decision for decision in current_only(decisions) if decision.enrolment_id == enrolment.id]
    met = defaultdict(list)
    for decision in sorted(mine, key=lambda d: aware(d.decided_at)):
        if decision.outcome == MET:
            met[decision.criterion_id].append(decision)
    references = {item.id: item.reference for item in evidence}
    claimed = defaultdict(set)
    for item in evidence:
        for mapping in item.mappings:
            if mapping.enrolment_id == enrolment.id:
                claimed[mapping.criterion_id].add(item.reference)
    statuses = (progress.statuses if progress else {}) or {}
    rows = [
        _row(criterion, met[criterion.id], needed, statuses, claimed[criterion.id], references, users)
        for criterion in assessable_criteria(session, enrolment.standard_id)
    ]
    return StandardSection(enrolment, enrolment.standard, enrolment.member.cohort, needed, progress, rows, sign_offs, samples)


def _row(criterion, met: list[Decision], needed: int, statuses: dict, claimed: set[str], references, users) -> CriterionRow:
    """A criterion's line: met on the date its n-th met decision was made (n = times required)."""
    deciding = met[needed - 1] if len(met) >= needed else None
    status = statuses.get(str(criterion.id), MET_STATUS if deciding else "not_started")
    refs = sorted(claimed | {references[d.evidence_id] for d in met if d.evidence_id in references})
    assessor = users.get(deciding.decided_by_id) if deciding else None
    return CriterionRow(criterion, status, deciding.decided_at if deciding else None, assessor.name if assessor else None, refs)


def _frozen_criteria(session: Session, evidence: list[Evidence]) -> dict[int, Criterion]:
    """The criteria the last submitted versions claim, by id, in one query."""
    ids = {claim.criterion_id for item in evidence if item.submissions for claim in latest_judged(item).claims}
    return {criterion.id: criterion for criterion in session.scalars(select(Criterion).where(Criterion.id.in_(ids)))} if ids else {}


def _entry(item: Evidence, decisions: list[Decision], enrolments: list[Enrolment], criteria: dict[int, Criterion],
           confirmations: list[WitnessRequest]) -> EvidenceEntry:
    urns = {enrolment.id: enrolment.standard.urn for enrolment in enrolments}
    own = [decision for decision in decisions if decision.evidence_id == item.id]
    version = latest_judged(item)
    if version is None:
        claims = [(urns.get(mapping.enrolment_id, ""), mapping.criterion, mapping.note) for mapping in item.mappings]
        return EvidenceEntry(item, list(item.files), claims, own, confirmations)
    claims = [(urns.get(c.enrolment_id, ""), criteria[c.criterion_id], c.note) for c in version.claims if c.criterion_id in criteria]
    return EvidenceEntry(version, version.files, claims, own, confirmations)

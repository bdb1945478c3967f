"""Loading a learner or an evidence item for a page: 404 when missing or another provider's, 403 when not allowed."""
from dataclasses import dataclass, field

from flask import abort
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..cohorts.models import Enrolment
from ..core.pages import Page, paginate
from ..db import get_session
from ..permissions import belongs_to, can_view_learner, is_learner
from ..standards.references import reference
from ..standards.words import Words, standard_words
from .mapping import learner_enrolments
from .models import EVIDENCE_STATUSES, Evidence, EvidenceFile


def assigned_ids(session: Session, learner_id: int) -> tuple[set[int], set[int]]:
    """(assessor ids, IQA ids) assigned to any of the learner's enrolments."""
    enrolments = learner_enrolments(session, learner_id)
    assessors = {enrolment.assessor_id for enrolment in enrolments if enrolment.assessor_id}
    iqas = {enrolment.iqa_id for enrolment in enrolments if enrolment.iqa_id}
    return assessors, iqas


def may_view(session: Session, user: User, learner: User) -> bool:
    return can_view_learner(user, learner, *assigned_ids(session, learner.id))


def learner_or_404(learner_id: int) -> User:
    """A learner of the signed-in person's provider (404 for anyone else's or for no such learner)."""
    learner = get_session().get(User, learner_id)
    if learner is None or not is_learner(learner) or not belongs_to(current_user, learner.provider_id):
        abort(404)
    return learner


def viewable_learner_or_abort(learner_id: int) -> User:
    """A learner the signed-in person may look at: themself, or as their administrator, assessor or IQA."""
    learner = learner_or_404(learner_id)
    if not may_view(get_session(), current_user, learner):
        abort(403)
    return learner


def evidence_or_abort(learner_id: int, number: int) -> Evidence:
    """The learner's item E-<number>, for someone who may view the learner."""
    learner = viewable_learner_or_abort(learner_id)
    query = select(Evidence).where(Evidence.learner_id == learner.id, Evidence.number == number)
    evidence = get_session().scalar(query)
    if evidence is None:
        abort(404)
    return evidence


def file_or_404(evidence: Evidence, file_id: int) -> EvidenceFile:
    file = get_session().get(EvidenceFile, file_id)
    if file is None or file.evidence_id != evidence.id:
        abort(404)
    return file


# -- what the portfolio and item pages show ---------------------------------------------------


def portfolio_page(session: Session, learner_id: int, *, status: str = "", page: int = 1, per_page: int = 20) -> Page:
    """The learner's evidence, newest first, optionally of one status."""
    query = select(Evidence).where(Evidence.learner_id == learner_id)
    if status in EVIDENCE_STATUSES:
        query = query.where(Evidence.status == status)
    return paginate(session, query.order_by(Evidence.number.desc()), page, per_page)


def status_counts(session: Session, learner_id: int) -> dict[str, int]:
    rows = session.execute(select(Evidence.status, func.count()).where(Evidence.learner_id == learner_id).group_by(Evidence.status))
    return dict.fromkeys(EVIDENCE_STATUSES, 0) | dict(rows.tuples().all())


@dataclass
class Claim:
    code: str
    words: Words
    #: how the evidence shows the criterion, in the learner's words
    note: str


@dataclass
class ClaimGroup:
    enrolment: Enrolment
    title: Words
    claims: list[Claim] = field(default_factory=list)


def claims_by_standard(evidence: Evidence) -> list[ClaimGroup]:
    """The criteria the item claims, grouped by the enrolment they count for, in each standard's order."""
    groups: dict[int, ClaimGroup] = {}
    for mapping in sorted(evidence.mappings, key=lambda mapping: (mapping.enrolment_id, mapping.criterion.position)):
        standard, criterion = mapping.enrolment.standard, mapping.criterion
        group = groups.setdefault(mapping.enrolment_id, ClaimGroup(mapping.enrolment, standard_words(standard)))
        group.claims.append(Claim(reference(criterion), Words(criterion.text, criterion.text_en, standard.language), mapping.note))
    return list(groups.values())

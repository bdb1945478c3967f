"""Builders the IQA tests share: a fresh enrolment, reviews, audit counts."""
from sqlalchemy import func, select

from assessor.accounts.models import LEARNER
from assessor.audit.models import AuditEntry

from ..factories import enrol, make_cohort, make_evidence, make_review, make_user


def fresh_enrolment(session, side, standard, *, assessor=None, iqa=None):
    """A new cohort of the side's provider with one learner enrolled, so review counts start from nothing."""
    cohort = make_cohort(session, side.provider, standards=[standard])
    learner = make_user(session, provider=side.provider, roles=[LEARNER])
    return enrol(session, cohort, learner, standard, assessor=assessor or side.assessor, iqa=iqa or side.iqa)


def add_review(session, enrolment, refs=("P1",), outcome="met", assessor=None):
    """Submitted evidence of the enrolment's learner claiming `refs`, and a review deciding each."""
    learner = enrolment.member.learner
    evidence = make_evidence(session, learner, enrolment, refs)
    return make_review(session, evidence, enrolment, dict.fromkeys(refs, outcome), assessor=assessor)


def audit_count(session, entity: str, entity_id: int, action: str | None = None) -> int:
    query = select(func.count(AuditEntry.id)).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return session.scalar(query)

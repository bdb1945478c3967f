"""Withdrawals, breaks in learning and transfers: each dated, reasoned and kept in the learner's history."""
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..core.acts import Refused
from ..i18n import lazy_date
from .enrolments import enrol
from .models import (
    ACTIVE,
    BREAK_ENDED,
    BREAK_STARTED,
    ON_BREAK,
    TRANSFERRED,
    TRANSFERRED_IN,
    TRANSFERRED_OUT,
    WITHDRAWN,
    WITHDREW,
    Cohort,
    CohortMember,
)
from .services import find_member, record_event

#: the events that change a learner's status within a cohort; a later change cannot be dated before them
STATUS_EVENTS = (BREAK_STARTED, BREAK_ENDED, TRANSFERRED_IN)
STILL_HERE = (ACTIVE, ON_BREAK)


def withdraw(session: Session, actor: User, member: CohortMember, *, effective_on: date | None, reason: str) -> None:
    _require_status(member, STILL_HERE)
    _move(session, actor, member, WITHDRAWN, WITHDREW, effective_on, reason)


def start_break(session: Session, actor: User, member: CohortMember, *, effective_on: date | None, reason: str) -> None:
    if member.status == ON_BREAK:
        raise Refused(_("%(name)s is already on a break in learning.", name=member.learner.name))
    _require_status(member, (ACTIVE,))
    _move(session, actor, member, ON_BREAK, BREAK_STARTED, effective_on, reason)


def end_break(session: Session, actor: User, member: CohortMember, *, effective_on: date | None, reason: str) -> None:
    if member.status == ACTIVE:
        raise Refused(_("%(name)s is not on a break in learning.", name=member.learner.name))
    _require_status(member, (ON_BREAK,))
    _move(session, actor, member, ACTIVE, BREAK_ENDED, effective_on, reason)


def other_cohorts(session: Session, cohort: Cohort) -> list[Cohort]:
    """The provider's other cohorts, by name: where a learner of this one may transfer to."""
    query = select(Cohort).where(Cohort.provider_id == cohort.provider_id, Cohort.id != cohort.id).order_by(Cohort.name)
    return list(session.scalars(query))


def transfer(
    session: Session, actor: User, member: CohortMember, target: Cohort | None, *, effective_on: date | None, reason: str
) -> CohortMember:
    """Move the learner to another cohort of the provider, re-enrolling them on the standards both cohorts share."""
    _require_status(member, STILL_HERE)
    source = member.cohort
    if target is None or target.provider_id != source.provider_id:
        raise Refused(_("Choose the cohort to transfer to."), "target")
    if target.id == source.id or find_member(session, target, member.learner_id) is not None:
        raise Refused(_("%(name)s is already in %(cohort)s.", name=member.learner.name, cohort=target.name), "target")
    _move(session, actor, member, TRANSFERRED, TRANSFERRED_OUT, effective_on, reason, cohort_id=target.id, cohort=target.name)
    arrival = CohortMember(cohort=target, learner=member.learner, status=ACTIVE)
    session.add(arrival)
    record_event(session, actor, arrival, TRANSFERRED_IN, effective_on, reason.strip(), cohort_id=source.id, cohort=source.name)
    shared = {pinned.standard_id for pinned in target.standards}
    for enrolment in member.enrolments:
        if enrolment.standard_id in shared:
            enrol(session, actor, arrival, enrolment.standard, enrolment.assessor, enrolment.iqa, effective_on)
    session.flush()
    return arrival


def _require_status(member: CohortMember, allowed: tuple[str, ...]) -> None:
    if member.status in allowed:
        return
    if member.status == WITHDRAWN:
        raise Refused(_("%(name)s has withdrawn from this cohort.", name=member.learner.name))
    if member.status == TRANSFERRED:
        raise Refused(_("%(name)s has transferred to another cohort.", name=member.learner.name))
    raise Refused(_("%(name)s is on a break in learning. End the break first.", name=member.learner.name))


def _move(
    session: Session, actor: User, member: CohortMember, status: str, kind: str, effective_on: date | None, reason: str, **details
) -> None:
    _check_date_and_reason(member, effective_on, reason)
    member.status = status
    record_event(session, actor, member, kind, effective_on, reason.strip(), **details)
    session.flush()


def _check_date_and_reason(member: CohortMember, effective_on: date | None, reason: str) -> None:
    if effective_on is None:
        raise Refused(_("Enter the date it takes effect."), "effective_on")
    if effective_on < member.cohort.start_date:
        started = lazy_date(member.cohort.start_date)
        raise Refused(_("The date cannot be before the cohort started, on %(date)s.", date=started), "effective_on")
    last_change = max((event.effective_on for event in member.events if event.kind in STATUS_EVENTS), default=None)
    if last_change is not None and effective_on < last_change:
        raise Refused(
            _("The date cannot be before the last change to this learner's status, on %(date)s.", date=lazy_date(last_change)),
            "effective_on",
        )
    if not (reason or "").strip():
        raise Refused(_("Enter the reason."), "reason")

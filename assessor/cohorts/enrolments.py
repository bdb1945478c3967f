"""Enrolling a cohort's learners on its standards, with the assessor and IQA of each enrolment."""
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import ASSESSOR, IQA, User, UserRole
from ..core.acts import Problem, Refused
from ..standards.models import Standard
from ..timeutil import today
from .models import ACTIVE, ASSIGNMENT_CHANGED, ENROLLED, ON_BREAK, Cohort, CohortMember, Enrolment
from .services import record_event


def assignable_people(session: Session, provider_id: int, role: str) -> list[User]:
    """The provider's people who hold this role, by name."""
    query = (
        select(User)
        .join(UserRole)
        .where(User.provider_id == provider_id, User.active.is_(True), UserRole.role == role)
        .order_by(User.name, User.email)
    )
    return list(session.scalars(query))


def unenrolled_active_members(cohort: Cohort) -> list[CohortMember]:
    """Active learners not yet enrolled on every one of the cohort's standards."""
    urns = {pinned.standard.urn for pinned in cohort.standards}
    return [member for member in cohort.members if member.status == ACTIVE and not urns <= enrolled_urns(member)]


def enrolled_urns(member: CohortMember) -> set[str]:
    """The standards the member is enrolled on, whatever the version (one signed off on an earlier version counts)."""
    return {enrolment.standard.urn for enrolment in member.enrolments}


@dataclass(frozen=True)
class Assignment:
    """Who assesses a standard and who quality-assures it, as chosen in a form."""

    assessor_id: int | None
    iqa_id: int | None


@dataclass
class EnrolOutcome:
    enrolled: list[Enrolment] = field(default_factory=list)
    #: (member, standard) pairs that were enrolled already and were left as they were
    unchanged: list[tuple[CohortMember, Standard]] = field(default_factory=list)
    #: learners not active (on a break, withdrawn or transferred), left as they were
    not_active: list[CohortMember] = field(default_factory=list)


def enrol_learners(
    session: Session,
    actor: User,
    cohort: Cohort,
    member_ids: list[int],
    assignments: dict[int, Assignment],
    *,
    all_unenrolled: bool = False,
) -> EnrolOutcome:
    """Enrol the chosen learners (or every active one not yet enrolled) on every standard of the cohort.

    Existing enrolments are reported and left as they were.
    """
    if not cohort.standards:
        raise Refused(_("This cohort has no standards yet. Add one to the cohort first."))
    if all_unenrolled:
        member_ids = [member.id for member in unenrolled_active_members(cohort)]
        if not member_ids:
            raise Refused(_("Every active learner is already enrolled on all the cohort's standards."), "learners")
    if not member_ids:
        raise Refused(_("Choose at least one learner."), "learners")
    pairs = checked_pairs(session, cohort, assignments)
    members = {member.id: member for member in cohort.members}
    if not set(member_ids) <= members.keys():
        raise Refused(_("Someone you chose is no longer in this cohort. Reload the page and choose again."), "learners")
    outcome = EnrolOutcome()
    for member_id in dict.fromkeys(member_ids):
        enrol_member(session, actor, members[member_id], cohort, pairs, outcome)
    session.flush()
    return outcome


def enrol_member(
    session: Session, actor: User, member: CohortMember, cohort: Cohort, pairs: dict, outcome: EnrolOutcome
) -> None:
    """Enrol an active member on each of the cohort's standards they are not yet on, with that standard's (assessor, IQA)."""
    if member.status != ACTIVE:
        outcome.not_active.append(member)
        return
    enrolled_on = enrolled_urns(member)
    for pinned in cohort.standards:
        if pinned.standard.urn in enrolled_on:
            outcome.unchanged.append((member, pinned.standard))
            continue
        assessor, iqa = pairs[pinned.standard_id]
        outcome.enrolled.append(enrol(session, actor, member, pinned.standard, assessor, iqa, today()))


def enrol(
    session: Session, actor: User, member: CohortMember, standard: Standard, assessor: User | None, iqa: User | None, on: date
) -> Enrolment:
    """One new enrolment, recorded in the learner's history."""
    enrolment = Enrolment(member=member, standard=standard, assessor=assessor, iqa=iqa)
    session.add(enrolment)
    details = {"standard": _standard_label(standard), "assessor": _name(assessor), "iqa": _name(iqa)}
    record_event(session, actor, member, ENROLLED, on, **details)
    return enrolment


def change_assignment(session: Session, actor: User, enrolment: Enrolment, assignment: Assignment, reason: str = "") -> bool:
    """Change the assessor or IQA of one enrolment; False when nothing changed."""
    member = enrolment.member
    if member.status not in (ACTIVE, ON_BREAK):
        raise Refused(_("%(name)s has left this cohort, so their enrolments cannot change.", name=member.learner.name))
    assessor, iqa = _checked_pair(session, member.cohort.provider_id, enrolment.standard, assignment)
    changes = {
        role: {"before": _name(before), "after": _name(after)}
        for role, before, after in (("assessor", enrolment.assessor, assessor), ("iqa", enrolment.iqa, iqa))
        if before != after
    }
    if not changes:
        return False
    enrolment.assessor, enrolment.iqa = assessor, iqa
    label = _standard_label(enrolment.standard)
    record_event(session, actor, member, ASSIGNMENT_CHANGED, today(), reason.strip(), standard=label, **changes)
    session.flush()
    return True


def checked_pairs(session: Session, cohort: Cohort, assignments: dict[int, Assignment]) -> dict[int, tuple[User, User]]:
    """{standard id: (assessor, IQA)} for each of the cohort's standards, or every problem with the choices at once."""
    pairs, problems = {}, []
    for pinned in cohort.standards:
        try:
            pairs[pinned.standard_id] = _checked_pair(session, cohort.provider_id, pinned.standard, assignments.get(pinned.standard_id))
        except Refused as refused:
            problems += refused.problems
    if problems:
        raise Refused.listing(problems)
    return pairs


def _checked_pair(session: Session, provider_id: int, standard: Standard, assignment: Assignment | None) -> tuple[User, User]:
    """The assessor and IQA of an enrolment: both chosen, from the provider, in their roles, and two people."""
    label = _standard_label(standard)
    assessor = _person(session, provider_id, assignment.assessor_id if assignment else None, ASSESSOR)
    iqa = _person(session, provider_id, assignment.iqa_id if assignment else None, IQA)
    problems: list[Problem] = []
    if assessor is None:
        problems.append((f"assessor_{standard.id}", _("Choose an assessor for %(standard)s.", standard=label)))
    if iqa is None:
        problems.append((f"iqa_{standard.id}", _("Choose an IQA for %(standard)s.", standard=label)))
    elif assessor is not None and assessor.id == iqa.id:
        message = _(
            "%(name)s cannot be both the assessor and the IQA for %(standard)s: an IQA never verifies their own decisions.",
            name=assessor.name,
            standard=label,
        )
        problems.append((f"iqa_{standard.id}", message))
    if problems:
        raise Refused.listing(problems)
    return assessor, iqa


def _person(session: Session, provider_id: int, user_id: int | None, role: str) -> User | None:
    user = session.get(User, user_id) if user_id else None
    if user is None or user.provider_id != provider_id or not user.active or not user.has_role(role):
        return None
    return user


def _standard_label(standard: Standard) -> str:
    return f"{standard.urn} v{standard.version}"


def _name(user: User | None) -> str | None:
    return user.name if user else None

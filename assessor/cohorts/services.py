"""Cohorts and the learners in them: creating and changing cohorts, adding learners one by one or from a file."""
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import LEARNER, User
from ..accounts.services import AccountError, LinkBuilder, find_user_by_email, invite_user, normalise_email
from ..core.acts import Problem, Refused
from ..core.pages import Page, paginate
from ..mail.services import MailSettings
from ..organisations.models import Provider
from ..standards.models import Standard
from ..timeutil import today
from .models import ACTIVE, JOINED, MEMBER_STATUSES, Cohort, CohortMember, CohortStandard, Enrolment, MemberEvent
from .roster import RosterRow

NAME_MAX = 200
EMAIL_MAX = 254


def record_event(
    session: Session, actor: User, member: CohortMember, kind: str, effective_on: date, reason: str = "", **details
) -> MemberEvent:
    event = MemberEvent(member=member, kind=kind, effective_on=effective_on, reason=reason, details=details, actor=actor)
    session.add(event)
    return event


# -- cohorts ----------------------------------------------------------------------------------


def list_cohorts(session: Session, provider_id: int, *, page: int = 1, per_page: int = 20) -> Page:
    query = (
        select(Cohort)
        .where(Cohort.provider_id == provider_id)
        .options(selectinload(Cohort.standards).selectinload(CohortStandard.standard))
        .order_by(Cohort.start_date.desc(), Cohort.name)
    )
    return paginate(session, query, page, per_page)


def active_counts(session: Session, cohort_ids: list[int]) -> dict[int, int]:
    """The number of active learners in each cohort."""
    rows = session.execute(
        select(CohortMember.cohort_id, func.count())
        .where(CohortMember.cohort_id.in_(cohort_ids), CohortMember.status == ACTIVE)
        .group_by(CohortMember.cohort_id)
    )
    return {cohort_id: 0 for cohort_id in cohort_ids} | dict(rows.tuples().all())


def loaded_standards(session: Session) -> list[Standard]:
    """Every standard a cohort may work towards, each version separately."""
    return list(session.scalars(select(Standard).order_by(Standard.title, Standard.urn, Standard.version)))


def create_cohort(
    session: Session, actor: User, *, name: str, start_date: date | None, target_end_date: date | None, standard_ids: Iterable[int]
) -> Cohort:
    provider_id = actor.provider_id
    if provider_id is None:
        raise Refused(_("Only a provider's administrator can create cohorts."))
    name, standards = check_cohort(
        session, provider_id, name=name, start_date=start_date, target_end_date=target_end_date, standard_ids=standard_ids
    )
    cohort = Cohort(provider_id=provider_id, name=name, start_date=start_date, target_end_date=target_end_date)
    cohort.standards = [CohortStandard(standard=standard) for standard in standards]
    session.add(cohort)
    session.flush()
    return cohort


def update_cohort(
    session: Session,
    actor: User,
    cohort: Cohort,
    *,
    name: str,
    start_date: date | None,
    target_end_date: date | None,
    standard_ids: Iterable[int],
) -> None:
    """Change the details and standards; a standard with learners enrolled on it cannot be removed."""
    name, standards = check_cohort(
        session, cohort.provider_id, name=name, start_date=start_date, target_end_date=target_end_date,
        standard_ids=standard_ids, cohort_id=cohort.id,
    )
    chosen = {standard.id: standard for standard in standards}
    removed = [pinned for pinned in cohort.standards if pinned.standard_id not in chosen]
    for pinned in removed:
        _refuse_if_enrolled(session, cohort, pinned.standard)
    for pinned in removed:
        cohort.standards.remove(pinned)
    pinned_ids = {pinned.standard_id for pinned in cohort.standards}
    cohort.standards += [CohortStandard(standard=standard) for sid, standard in chosen.items() if sid not in pinned_ids]
    cohort.name, cohort.start_date, cohort.target_end_date = name, start_date, target_end_date
    session.flush()


def check_cohort(
    session: Session, provider_id: int, *, name: str, start_date: date | None, target_end_date: date | None,
    standard_ids: Iterable[int], cohort_id: int | None = None,
) -> tuple[str, list[Standard]]:
    """The tidied name and the chosen standards; raises Refused listing every problem at once."""
    name = " ".join((name or "").split())
    standards, problems = _chosen_standards(session, standard_ids)
    problems = _detail_problems(session, provider_id, name, start_date, target_end_date, cohort_id) + problems
    if problems:
        raise Refused.listing(problems)
    return name, standards


def _detail_problems(session: Session, provider_id: int, name: str, start: date | None, end: date | None, cohort_id: int | None) -> list[Problem]:
    problems: list[Problem] = []
    if not name:
        problems.append(("name", _("Enter a name for the cohort.")))
    elif len(name) > NAME_MAX:
        problems.append(("name", _("The name must be 200 characters or fewer.")))
    others = session.execute(select(Cohort.id, Cohort.name).where(Cohort.provider_id == provider_id))
    if name and any(other_name.casefold() == name.casefold() and other_id != cohort_id for other_id, other_name in others):
        problems.append(("name", _("There is already a cohort called “%(name)s”. Choose another name.", name=name)))
    if start is None:
        problems.append(("start_date", _("Enter the start date.")))
    if end is None:
        problems.append(("target_end_date", _("Enter the target end date.")))
    elif start is not None and end <= start:
        problems.append(("target_end_date", _("The target end date must be after the start date.")))
    return problems


def _chosen_standards(session: Session, standard_ids: Iterable[int]) -> tuple[list[Standard], list[Problem]]:
    ids = sorted(set(standard_ids))
    if not ids:
        return [], [("standards", _("Choose at least one standard."))]
    standards = list(session.scalars(select(Standard).where(Standard.id.in_(ids)).order_by(Standard.id)))
    if len(standards) != len(ids):
        return [], [("standards", _("A standard you chose is no longer loaded. Reload the page and choose again."))]
    urns = [standard.urn for standard in standards]
    repeated = sorted({urn for urn in urns if urns.count(urn) > 1})
    if repeated:
        return [], [("standards", _("Choose only one version of %(urn)s.", urn=repeated[0]))]
    return standards, []


def _refuse_if_enrolled(session: Session, cohort: Cohort, standard: Standard) -> None:
    enrolled = session.scalar(
        select(func.count())
        .select_from(Enrolment)
        .join(CohortMember)
        .where(CohortMember.cohort_id == cohort.id, Enrolment.standard_id == standard.id)
    )
    if enrolled:
        raise Refused(
            _(
                "%(urn)s version %(version)s cannot be removed: learners in this cohort are enrolled on it (%(count)d).",
                urn=standard.urn,
                version=standard.version,
                count=enrolled,
            ),
            "standards",
        )


# -- the learners of a cohort -----------------------------------------------------------------


def list_members(session: Session, cohort: Cohort, *, status: str = "", page: int = 1, per_page: int = 50) -> Page:
    """The cohort's learners by name, optionally of one status, with their enrolments."""
    query = (
        select(CohortMember)
        .join(CohortMember.learner)
        .where(CohortMember.cohort_id == cohort.id)
        .options(
            selectinload(CohortMember.learner),
            selectinload(CohortMember.enrolments).selectinload(Enrolment.standard),
            selectinload(CohortMember.enrolments).selectinload(Enrolment.assessor),
            selectinload(CohortMember.enrolments).selectinload(Enrolment.iqa),
        )
        .order_by(User.name, User.email)
    )
    if status in MEMBER_STATUSES:
        query = query.where(CohortMember.status == status)
    return paginate(session, query, page, per_page)


def status_counts(session: Session, cohort: Cohort) -> dict[str, int]:
    rows = session.execute(
        select(CohortMember.status, func.count()).where(CohortMember.cohort_id == cohort.id).group_by(CohortMember.status)
    )
    return {status: 0 for status in MEMBER_STATUSES} | dict(rows.tuples().all())


def find_member(session: Session, cohort: Cohort, learner_id: int) -> CohortMember | None:
    return session.scalar(select(CohortMember).where(CohortMember.cohort_id == cohort.id, CohortMember.learner_id == learner_id))


@dataclass
class AddedLearner:
    member: CohortMember
    #: they were in the cohort already and nothing changed
    already: bool = False
    #: an invitation to set a password was mailed
    invited: bool = False


def add_learner(
    session: Session, mail: MailSettings, actor: User, cohort: Cohort, *, name: str, email: str, link_for: LinkBuilder
) -> AddedLearner:
    """Invite the person as a learner of the cohort's provider (or give them the role) and add them to the cohort."""
    problems = learner_problems(session, name=name, email=email)
    if problems:
        raise Refused.listing(problems)
    name, email = _tidy_name(name), normalise_email(email)
    existing = find_user_by_email(session, email)
    member = find_member(session, cohort, existing.id) if existing else None
    if member is not None:
        return AddedLearner(member, already=True)
    return _join(session, mail, actor, cohort, name or existing.name, email, link_for)


def learner_problems(session: Session, *, name: str, email: str) -> list[Problem]:
    """What is wrong with a learner's name and email as typed, every problem at once (nothing is changed)."""
    try:
        email = _checked_email(email)
    except Refused as refused:
        return refused.problems
    name = _tidy_name(name)
    if not name and find_user_by_email(session, email) is None:
        return [("name", _("Enter the learner's name."))]
    if len(name) > NAME_MAX:
        return [("name", _("The name must be 200 characters or fewer."))]
    return []


def _tidy_name(name: str) -> str:
    return " ".join((name or "").split())


def _checked_email(email: str) -> str:
    email = normalise_email(email or "")
    if not email:
        raise Refused(_("Enter the learner's email address."), "email")
    if len(email) > EMAIL_MAX or not _valid_email(email):
        raise Refused(_("Enter an email address like name@example.com."), "email")
    return email


def _valid_email(email: str) -> bool:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def _join(
    session: Session, mail: MailSettings, actor: User, cohort: Cohort, name: str, email: str, link_for: LinkBuilder
) -> AddedLearner:
    """Invite (or give the learner role to) the person and make them a member of the cohort."""
    provider = session.get(Provider, cohort.provider_id)
    try:
        learner = invite_user(
            session, mail, provider=provider, email=email, name=name, roles={LEARNER}, link_for=link_for, invited_by=actor
        )
    except AccountError as error:
        raise Refused(str(error), "email") from None
    invited = learner.password_hash is None
    member = CohortMember(cohort=cohort, learner=learner, status=ACTIVE)
    session.add(member)
    record_event(session, actor, member, JOINED, today(), invited=invited)
    session.flush()
    return AddedLearner(member, invited=invited)


# -- a file of learners -----------------------------------------------------------------------

INVITE_NEW = "invite"
ADD_EXISTING = "add"


@dataclass
class RowCheck:
    """One row of an uploaded file: its problems, or what confirming will do."""

    row: RosterRow
    problems: list[str] = field(default_factory=list)
    #: INVITE_NEW or ADD_EXISTING when the row has no problems
    action: str | None = None
    #: the name on the existing account, when the person has one
    existing_name: str | None = None


def check_roster(session: Session, cohort: Cohort, rows: list[RosterRow]) -> list[RowCheck]:
    """What would happen to each row, without changing anything."""
    emails = {normalise_email(row.email) for row in rows}
    people = {user.email: user for user in session.scalars(select(User).where(User.email.in_(emails)))}
    in_cohort = set(session.scalars(select(CohortMember.learner_id).where(CohortMember.cohort_id == cohort.id)))
    seen: dict[str, int] = {}
    return [_check_row(row, cohort, people, in_cohort, seen) for row in rows]


def _check_row(row: RosterRow, cohort: Cohort, people: dict[str, User], in_cohort: set[int], seen: dict[str, int]) -> RowCheck:
    check, email = RowCheck(row), normalise_email(row.email)
    if not row.name:
        check.problems.append(_("The name is missing."))
    elif len(row.name) > NAME_MAX:
        check.problems.append(_("The name is longer than 200 characters."))
    if not email:
        check.problems.append(_("The email address is missing."))
        return check
    if len(email) > EMAIL_MAX or not _valid_email(email):
        check.problems.append(_("“%(email)s” is not a valid email address.", email=row.email))
        return check
    if email in seen:
        check.problems.append(_("The same email address is on row %(number)d.", number=seen[email]))
        return check
    seen[email] = row.number
    person = people.get(email)
    if person is not None and person.provider_id != cohort.provider_id:
        check.problems.append(_("This person has an account with another organisation."))
    elif person is not None and person.id in in_cohort:
        check.problems.append(_("This person is already in this cohort."))
    if not check.problems:
        check.action = ADD_EXISTING if person else INVITE_NEW
        check.existing_name = person.name if person else None
    return check


@dataclass
class RosterOutcome:
    added: list[AddedLearner]
    skipped: list[RowCheck]

    @property
    def invited(self) -> int:
        return sum(1 for added in self.added if added.invited)


def confirm_roster(
    session: Session, mail: MailSettings, actor: User, cohort: Cohort, rows: list[RosterRow], link_for: LinkBuilder
) -> RosterOutcome:
    """Check the rows again, then invite and add every row without a problem; the others are skipped."""
    outcome = RosterOutcome([], [])
    for check in check_roster(session, cohort, rows):
        if check.problems:
            outcome.skipped.append(check)
            continue
        name = check.row.name
        outcome.added.append(_join(session, mail, actor, cohort, name, normalise_email(check.row.email), link_for))
    return outcome

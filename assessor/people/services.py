"""The people of a provider: finding them, their roles, deactivating and reactivating them."""
from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..accounts.models import ASSESSOR, IQA, PROVIDER_ADMIN, ROLES, User, UserRole
from ..accounts.services import AccountError, revoke_tokens
from ..cohorts.models import ACTIVE, ON_BREAK, CohortMember, Enrolment

PER_PAGE = 25


@dataclass(frozen=True)
class PeoplePage:
    people: list[User]
    total: int
    page: int
    pages: int


def list_people(session: Session, provider_id: int, *, role: str = "", text: str = "", page: int = 1, per_page: int = PER_PAGE) -> PeoplePage:
    """The provider's people by name, optionally with one role or matching a name or email."""
    query = select(User).where(User.provider_id == provider_id)
    if role in ROLES:
        query = query.where(User.roles.any(UserRole.role == role))
    if text.strip():
        query = query.where(or_(User.name.icontains(text.strip(), autoescape=True), User.email.icontains(text.strip(), autoescape=True)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    people = session.scalars(query.order_by(func.lower(User.name), User.id).limit(per_page).offset((page - 1) * per_page)).all()
    return PeoplePage(list(people), total, page, pages)


def find_person(session: Session, provider_id: int | None, user_id: int) -> User | None:
    """The person if they belong to this provider (None otherwise, so other providers' people stay unseen)."""
    person = session.get(User, user_id)
    if person is None or provider_id is None or person.provider_id != provider_id:
        return None
    return person


def set_roles(session: Session, actor: User, person: User, roles: Iterable[str]) -> None:
    """Give the person exactly these roles, keeping the provider's last administrator and assigned work."""
    chosen = set(roles)
    if not chosen or chosen.difference(ROLES):
        raise AccountError(_("Choose at least one role."))
    removed = person.role_names - chosen
    if PROVIDER_ADMIN in removed and _is_last_administrator(session, person):
        raise AccountError(_("%(name)s is the provider's only administrator. Make someone else an administrator first.", name=person.name))
    for role, column in ((ASSESSOR, Enrolment.assessor_id), (IQA, Enrolment.iqa_id)):
        if role in removed and _assigned_enrolments(session, person, column):
            raise AccountError(_("%(name)s is still assigned to learners in that role. Assign someone else to them first.", name=person.name))
    person.roles = [role for role in person.roles if role.role in chosen]
    person.roles += [UserRole(role=role) for role in sorted(chosen - person.role_names)]
    session.flush()


def deactivate(session: Session, actor: User, person: User) -> None:
    """The person can no longer sign in; everything they did stays. Their sessions and links end."""
    if person.id == actor.id:
        raise AccountError(_("You cannot deactivate yourself. Ask another administrator to do it."))
    if not person.active:
        return
    if person.has_role(PROVIDER_ADMIN) and _is_last_administrator(session, person):
        raise AccountError(_("%(name)s is the provider's only administrator. Make someone else an administrator first.", name=person.name))
    person.active = False
    person.session_version += 1
    revoke_tokens(session, person)
    session.flush()


def reactivate(session: Session, actor: User, person: User) -> None:
    """The person can sign in again (or, if they never set a password, be sent a new invitation)."""
    person.active = True
    session.flush()


def _is_last_administrator(session: Session, person: User) -> bool:
    others = session.scalar(
        select(func.count(User.id)).where(
            User.provider_id == person.provider_id,
            User.id != person.id,
            User.active.is_(True),
            User.password_hash.is_not(None),
            User.roles.any(UserRole.role == PROVIDER_ADMIN),
        )
    )
    return not others


def _assigned_enrolments(session: Session, person: User, column) -> int:
    query = select(func.count(Enrolment.id)).join(CohortMember).where(column == person.id, CohortMember.status.in_((ACTIVE, ON_BREAK)))
    return session.scalar(query) or 0

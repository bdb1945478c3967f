"""Training providers, as the site administrator manages them."""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import PROVIDER_ADMIN, User, UserRole
from ..accounts.services import AccountError, invite_user, normalise_email
from ..cohorts.models import Cohort
from ..mail.services import MailSettings
from ..organisations.models import Provider
from ..core.acts import Conflict, Refused


@dataclass(frozen=True)
class ProviderSummary:
    id: int
    name: str
    active: bool
    people: int
    cohorts: int


@dataclass
class ProviderPage:
    rows: list[ProviderSummary]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class Creation:
    provider: Provider
    created: bool


def provider_page(session: Session, *, page: int = 1, per_page: int = 25) -> ProviderPage:
    """Providers by name with their numbers of people and cohorts, counted in one query."""
    people = select(User.provider_id, func.count(User.id).label("n")).group_by(User.provider_id).subquery()
    cohorts = select(Cohort.provider_id, func.count(Cohort.id).label("n")).group_by(Cohort.provider_id).subquery()
    total = session.scalar(select(func.count(Provider.id))) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    query = (
        select(Provider.id, Provider.name, Provider.active, func.coalesce(people.c.n, 0), func.coalesce(cohorts.c.n, 0))
        .outerjoin(people, people.c.provider_id == Provider.id)
        .outerjoin(cohorts, cohorts.c.provider_id == Provider.id)
        .order_by(func.lower(Provider.name), Provider.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    return ProviderPage([ProviderSummary(*row) for row in session.execute(query)], total, page, pages)


def provider_administrators(session: Session, provider: Provider) -> list[User]:
    query = (
        select(User)
        .join(UserRole, UserRole.user_id == User.id)
        .where(User.provider_id == provider.id, UserRole.role == PROVIDER_ADMIN)
        .order_by(User.name, User.id)
    )
    return list(session.scalars(query))


def find_provider_by_name(session: Session, name: str) -> Provider | None:
    return session.scalar(select(Provider).where(func.lower(Provider.name) == name.strip().lower()))


def create_provider(
    session: Session,
    mail: MailSettings,
    *,
    name: str,
    admin_name: str,
    admin_email: str,
    link_for: Callable[[str], str],
    acting: User,
) -> Creation:
    """A new provider with its first administrator, who is mailed an invitation.

    The same request again (same name, same administrator) changes nothing.
    """
    existing = find_provider_by_name(session, name)
    if existing is not None:
        if _has_administrator(session, existing, admin_email):
            return Creation(existing, created=False)
        raise Refused(_("There is already a provider called %(name)s. Choose another name.", name=existing.name), "name")
    try:
        with session.begin_nested():
            provider = Provider(name=name.strip())
            session.add(provider)
            session.flush()
            invite_user(
                session, mail, provider=provider, email=admin_email, name=admin_name,
                roles={PROVIDER_ADMIN}, link_for=link_for, invited_by=acting,
            )
    except AccountError as error:
        raise Refused(str(error), field="admin_email") from error
    return Creation(provider, created=True)


def _has_administrator(session: Session, provider: Provider, email: str) -> bool:
    return any(user.email == normalise_email(email) for user in provider_administrators(session, provider))


def rename_provider(session: Session, provider: Provider, *, name: str, expected_name: str) -> bool:
    """Rename; False when the name is already this. Refused when someone renamed it meanwhile."""
    name = name.strip()
    if provider.name == name:
        return False
    if provider.name != expected_name:
        raise Conflict(
            _("Someone else has renamed this provider to %(name)s since you opened the page. Check the name and try again.", name=provider.name),
            "name",
        )
    clash = find_provider_by_name(session, name)
    if clash is not None and clash.id != provider.id:
        raise Refused(_("There is already a provider called %(name)s. Choose another name.", name=clash.name), "name")
    provider.name = name
    session.flush()
    return True


def set_provider_open(provider: Provider, is_open: bool) -> bool:
    """Close or reopen; False when it already is. Nobody in a closed provider can sign in."""
    if provider.active == is_open:
        return False
    provider.active = is_open
    return True

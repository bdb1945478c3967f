"""Accounts: sign-in, passwords, single-use links, invitations."""
import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..mail.services import MailSettings, send_mail
from ..organisations.models import Provider
from ..timeutil import aware, utcnow
from .emails import invitation_email, reset_email
from .models import INVITE, RESET, ROLES, AuthToken, User, UserRole
from .passwords import hash_password, password_matches, password_problem
from .sessions import end_all_sessions
from .throttle import SignInThrottle

RESET_LIFETIME = timedelta(hours=2)
INVITE_LIFETIME = timedelta(days=14)
_DUMMY_HASH = hash_password("a password nobody has, for timing")

LinkBuilder = Callable[[str], str]


class AccountError(Exception):
    """A request about an account that cannot be granted; the message is for the person."""


class WrongPassword(AccountError):
    """The current password given to change it is not right."""


def normalise_email(email: str) -> str:
    return email.strip().casefold()


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with this email and password, or None (taking as long either way)."""
    user = find_user_by_email(session, email)
    if user is None:
        password_matches(_DUMMY_HASH, password)
        return None
    if not password_matches(user.password_hash, password) or not user.is_active:
        return None
    user.last_sign_in_at = utcnow()
    return user


def sign_in(session: Session, throttle: SignInThrottle, email: str, password: str, address: str) -> User:
    """The signed-in user; refused while the account has failed too often, slowed while the address has."""
    email = normalise_email(email)
    throttle.slow_down(address)
    if not throttle.allowed(email, address):
        raise AccountError(_("Too many failed attempts to sign in. Wait 15 minutes and try again, or reset your password."))
    user = authenticate(session, email, password)
    if user is None:
        throttle.failed(email, address)
        raise AccountError(_("The email address or password is not right."))
    throttle.clear(email, address)
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """Set a new password after checking it; ends every session of the person, remember-me included."""
    problem = password_problem(password, (user.email, user.email.split("@")[0], *user.name.split()))
    if problem:
        raise AccountError(problem)
    user.password_hash = hash_password(password)
    end_all_sessions(session, user)


def change_password(session: Session, user: User, current: str, new: str) -> None:
    if not password_matches(user.password_hash, current):
        raise WrongPassword(_("Your current password is not right."))
    set_password(session, user, new)


def issue_token(session: Session, user: User, purpose: str) -> str:
    """A new single-use link token; only its hash is stored, and earlier links for the purpose stop working."""
    revoke_tokens(session, user, purpose)
    raw = secrets.token_urlsafe(32)
    lifetime = INVITE_LIFETIME if purpose == INVITE else RESET_LIFETIME
    session.add(AuthToken(user=user, purpose=purpose, token_hash=_digest(raw), expires_at=utcnow() + lifetime))
    session.flush()
    return raw


def revoke_tokens(session: Session, user: User, purpose: str | None = None) -> None:
    """End every unused link of this person (of one purpose, or all)."""
    query = select(AuthToken).where(AuthToken.user_id == user.id, AuthToken.used_at.is_(None))
    if purpose is not None:
        query = query.where(AuthToken.purpose == purpose)
    now = utcnow()
    for token in session.scalars(query):
        if aware(token.expires_at) > now:
            token.expires_at = now


def usable_token(session: Session, raw: str, purpose: str) -> AuthToken | None:
    """The token if it is for this purpose, unused, unexpired, and its person is not deactivated."""
    token = session.scalar(select(AuthToken).where(AuthToken.token_hash == _digest(raw), AuthToken.purpose == purpose))
    if token is None or token.used_at is not None or aware(token.expires_at) <= utcnow() or not token.user.active:
        return None
    return token


def has_live_invitation(session: Session, user: User) -> bool:
    token = session.scalar(
        select(AuthToken).where(AuthToken.user_id == user.id, AuthToken.purpose == INVITE, AuthToken.used_at.is_(None)).order_by(AuthToken.id.desc())
    )
    return token is not None and aware(token.expires_at) > utcnow()


def redeem_token(session: Session, raw: str, purpose: str, new_password: str) -> User:
    """Set the password through a link; the link then stops working."""
    token = usable_token(session, raw, purpose)
    if token is None:
        raise AccountError(_("This link has expired or has already been used. Ask for a new one."))
    set_password(session, token.user, new_password)
    token.used_at = utcnow()
    return token.user


def request_password_reset(session: Session, mail: MailSettings, email: str, link_for: LinkBuilder) -> None:
    """Mail a reset link if the address has an account; say nothing either way (no account probing)."""
    user = find_user_by_email(session, email)
    if user is None or not user.active or user.password_hash is None:
        return
    message = reset_email(user, link_for(issue_token(session, user, RESET)))
    send_mail(session, mail, to=user.email, subject=message.subject, body=message.body)


def invite_user(
    session: Session,
    mail: MailSettings,
    *,
    provider: Provider,
    email: str,
    name: str,
    roles: Iterable[str],
    link_for: LinkBuilder,
    invited_by: User | None = None,
) -> User:
    """Create the person in the provider with these roles and mail them a link to set a password.

    Someone already in this provider gains the roles; they are mailed only if they have no
    password and no live invitation, so inviting twice sends one message. Someone in another
    provider, or deactivated, cannot be invited.
    """
    roles = _checked_roles(roles)
    user = find_user_by_email(session, email)
    if user is not None and user.provider_id != provider.id:
        raise AccountError(_("%(email)s already has an account with another organisation.", email=normalise_email(email)))
    if user is not None and not user.active:
        raise AccountError(_("%(email)s has been deactivated. Reactivate them from their page first.", email=user.email))
    if user is None:
        user = User(email=normalise_email(email), name=name.strip(), provider=provider)
        session.add(user)
    for role in sorted(roles.difference(user.role_names)):
        user.roles.append(UserRole(role=role))
    session.flush()
    if user.password_hash is None and not has_live_invitation(session, user):
        send_invitation(session, mail, user, link_for, invited_by)
    return user


def resend_invitation(session: Session, mail: MailSettings, user: User, link_for: LinkBuilder, invited_by: User | None) -> None:
    """A new invitation link for someone who has not set a password; the old link stops working."""
    if user.password_hash is not None:
        raise AccountError(_("%(name)s has already accepted their invitation.", name=user.name))
    if not user.active:
        raise AccountError(_("%(name)s has been deactivated. Reactivate them before inviting them again.", name=user.name))
    send_invitation(session, mail, user, link_for, invited_by)


def send_invitation(session: Session, mail: MailSettings, user: User, link_for: LinkBuilder, invited_by: User | None) -> None:
    link = link_for(issue_token(session, user, INVITE))
    message = invitation_email(user, user.provider, link, invited_by)
    send_mail(session, mail, to=user.email, subject=message.subject, body=message.body)


def _checked_roles(roles: Iterable[str]) -> set[str]:
    chosen = set(roles)
    if not chosen or chosen.difference(ROLES):
        raise AccountError(_("Choose at least one role."))
    return chosen


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()

"""Accounts: sign-in, passwords, single-use links, invitations."""
import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..mail.services import MailSettings, send_mail
from ..organisations.models import Provider
from ..timeutil import aware, utcnow
from .models import INVITE, RESET, ROLES, AuthToken, User, UserRole
from .passwords import hash_password, password_matches, password_problem

RESET_LIFETIME = timedelta(hours=2)
INVITE_LIFETIME = timedelta(days=14)
_DUMMY_HASH = hash_password("a password nobody has, for timing")

LinkBuilder = Callable[[str], str]


class AccountError(Exception):
    """A request about an account that cannot be granted; the message is for the person."""


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


def set_password(user: User, password: str) -> None:
    """Set a new password after checking it; signs out the person's other sessions."""
    problem = password_problem(password, (user.email, user.email.split("@")[0], *user.name.split()))
    if problem:
        raise AccountError(problem)
    user.password_hash = hash_password(password)
    user.session_version += 1


def change_password(user: User, current: str, new: str) -> None:
    if not password_matches(user.password_hash, current):
        raise AccountError(_("Your current password is not right."))
    set_password(user, new)


def issue_token(session: Session, user: User, purpose: str) -> str:
    """A new single-use link token; only its hash is stored."""
    raw = secrets.token_urlsafe(32)
    lifetime = INVITE_LIFETIME if purpose == INVITE else RESET_LIFETIME
    session.add(AuthToken(user=user, purpose=purpose, token_hash=_digest(raw), expires_at=utcnow() + lifetime))
    session.flush()
    return raw


def usable_token(session: Session, raw: str, purpose: str) -> AuthToken | None:
    """The token if it exists for this purpose, has not been used and has not expired."""
    token = session.scalar(select(AuthToken).where(AuthToken.token_hash == _digest(raw), AuthToken.purpose == purpose))
    if token is None or token.used_at is not None or aware(token.expires_at) <= utcnow():
        return None
    return token


def redeem_token(session: Session, raw: str, purpose: str, new_password: str) -> User:
    """Set the password through a link; the link then stops working."""
    token = usable_token(session, raw, purpose)
    if token is None:
        raise AccountError(_("This link has expired or has already been used. Ask for a new one."))
    set_password(token.user, new_password)
    token.used_at = utcnow()
    return token.user


def request_password_reset(session: Session, mail: MailSettings, email: str, link_for: LinkBuilder) -> None:
    """Mail a reset link if the address has an account; say nothing either way (no account probing)."""
    user = find_user_by_email(session, email)
    if user is None or not user.active or user.password_hash is None:
        return
    link = link_for(issue_token(session, user, RESET))
    with force_locale(user.language or "en"):
        subject = _("Reset your Assessor password")
        body = _(
            "Someone asked to reset the password for %(email)s.\n\nTo choose a new password, open this link "
            "within 2 hours:\n%(link)s\n\nIf it was not you, ignore this message: your password has not changed.",
            email=user.email,
            link=link,
        )
    send_mail(session, mail, to=user.email, subject=subject, body=body)


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

    Someone already in this provider gains the roles (and is sent no new link if they have a
    password); someone in another provider cannot be invited.
    """
    roles = set(roles)
    unknown = roles.difference(ROLES)
    if unknown or not roles:
        raise AccountError(_("Choose at least one role."))
    user = find_user_by_email(session, email)
    if user is not None and user.provider_id != provider.id:
        raise AccountError(_("%(email)s already has an account with another organisation.", email=normalise_email(email)))
    if user is None:
        user = User(email=normalise_email(email), name=name.strip(), provider=provider)
        session.add(user)
    for role in sorted(roles.difference(user.role_names)):
        user.roles.append(UserRole(role=role))
    session.flush()
    if user.password_hash is None:
        _mail_invitation(session, mail, user, provider, link_for(issue_token(session, user, INVITE)), invited_by)
    return user


def _mail_invitation(session: Session, mail: MailSettings, user: User, provider: Provider, link: str, invited_by: User | None) -> None:
    with force_locale(user.language or "en"):
        subject = _("You are invited to Assessor by %(provider)s", provider=provider.name)
        body = _(
            "Hello %(name)s,\n\n%(inviter)s has invited you to Assessor, where %(provider)s keeps its learners' "
            "evidence and assessments.\n\nTo set your password and sign in, open this link within 14 days:\n"
            "%(link)s\n\nYour sign-in email is %(email)s.",
            name=user.name,
            inviter=invited_by.name if invited_by else provider.name,
            provider=provider.name,
            link=link,
            email=user.email,
        )
    send_mail(session, mail, to=user.email, subject=subject, body=body)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()

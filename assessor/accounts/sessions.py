"""Signed-in sessions kept on the server: started at sign-in, kept alive by use, ended by sign-out or expiry."""
import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..timeutil import aware, utcnow
from .lifetimes import Device, Lifetimes
from .models import User, UserSession

#: last_seen_at is written at most this often per session
TOUCH_EVERY = timedelta(minutes=1)


def start_session(session: Session, user: User, lifetimes: Lifetimes, device: Device, remember: bool = False) -> str:
    """A new session for the person; returns the token for the cookie (only its hash is kept)."""
    remove_expired(session, user)
    token, now = secrets.token_urlsafe(32), utcnow()
    idle, absolute = lifetimes.of(remember)
    session.add(
        UserSession(
            user_id=user.id, token_hash=token_digest(token), remember=remember, user_agent=device.user_agent[:300],
            address=device.address[:45], created_at=now, last_seen_at=now,
            expires_at=min(now + idle, now + absolute), absolute_expires_at=now + absolute,
        )
    )
    session.flush()
    return token


def live_session(session: Session, token: str) -> UserSession | None:
    """The unexpired session of this token, or None."""
    found = session.scalar(select(UserSession).where(UserSession.token_hash == token_digest(token)))
    if found is None or aware(found.expires_at) <= utcnow():
        return None
    return found


def touch(user_session: UserSession, lifetimes: Lifetimes) -> bool:
    """Note the session was used and move its idle expiry on; False (nothing to write) within a minute of the last."""
    now = utcnow()
    if now - aware(user_session.last_seen_at) < TOUCH_EVERY:
        return False
    idle, _absolute = lifetimes.of(user_session.remember)
    user_session.last_seen_at = now
    user_session.expires_at = min(now + idle, aware(user_session.absolute_expires_at))
    return True


def sessions_of(session: Session, user: User) -> list[UserSession]:
    """The person's unexpired sessions, most recently used first."""
    query = select(UserSession).where(UserSession.user_id == user.id, UserSession.expires_at > utcnow())
    return list(session.scalars(query.order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())))


def end_session(session: Session, user_session: UserSession) -> None:
    session.delete(user_session)
    session.flush()


def end_own_session(session: Session, actor: User, session_id: int) -> bool:
    """End one of the actor's own sessions; False when there is no such session of theirs."""
    found = session.get(UserSession, session_id)
    if found is None or found.user_id != actor.id:
        return False
    end_session(session, found)
    return True


def end_all_sessions(session: Session, user: User) -> int:
    """Sign the person out everywhere, remember-me included; how many sessions ended."""
    return session.execute(delete(UserSession).where(UserSession.user_id == user.id)).rowcount


def remove_expired(session: Session, user: User | None = None) -> int:
    """Delete expired sessions (of one person, or everyone's); how many went."""
    statement = delete(UserSession).where(UserSession.expires_at <= utcnow())
    if user is not None:
        statement = statement.where(UserSession.user_id == user.id)
    return session.execute(statement, execution_options={"synchronize_session": False}).rowcount


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()

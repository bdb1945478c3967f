"""People, their roles within a provider, their signed-in sessions, and the single-use tokens of reset and invitation links."""
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, one_of
from ..organisations.models import Provider
from ..timeutil import utcnow

PROVIDER_ADMIN = "provider_admin"
ASSESSOR = "assessor"
IQA = "iqa"
LEARNER = "learner"
#: writes, publishes and retires the provider's own scenarios (provider administrators may too)
SCENARIO_AUTHOR = "scenario_author"
ROLES = (PROVIDER_ADMIN, ASSESSOR, IQA, LEARNER, SCENARIO_AUTHOR)

RESET = "reset"
INVITE = "invite"
TOKEN_PURPOSES = (RESET, INVITE)


class User(UserMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: stored lower-case; the sign-in name
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    #: None until an invited person sets a password
    password_hash: Mapped[str | None] = mapped_column(String(255))
    #: None for site administrators, who belong to no provider
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id"), index=True)
    is_site_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the interface language this person chose ("cy" or "en"), or None to follow the browser
    language: Mapped[str | None] = mapped_column(String(2))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: no longer read: sessions end on the server (UserSession); kept so the schema needs no table rebuild
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    provider: Mapped[Provider | None] = relationship()
    roles: Mapped[list["UserRole"]] = relationship(back_populates="user", cascade="all, delete-orphan", lazy="selectin")

    @property
    def is_active(self) -> bool:  # Flask-Login
        provider_open = self.provider is None or self.provider.active
        return self.active and provider_open and self.password_hash is not None

    @property
    def role_names(self) -> frozenset[str]:
        return frozenset(role.role for role in self.roles)

    def has_role(self, *names: str) -> bool:
        return bool(self.role_names.intersection(names))


class UserRole(Base):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"), one_of("role", ROLES))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))

    user: Mapped[User] = relationship(back_populates="roles")


class AuthToken(Base):
    """A password-reset or invitation link: stored as a hash, usable once, until it expires."""

    __tablename__ = "auth_tokens"
    __table_args__ = (one_of("purpose", TOKEN_PURPOSES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class UserSession(Base):
    """One signed-in browser: the cookie holds a random token, the row only its hash; ending the row signs it out."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: SHA-256 of the token in the session and remember-me cookies
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: "keep me signed in": the longer idle and absolute lifetimes apply
    remember: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the browser's User-Agent when it signed in, cut to fit
    user_agent: Mapped[str] = mapped_column(String(300), default="")
    #: the address it signed in from
    address: Mapped[str] = mapped_column(String(45), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: updated at most once a minute, so reads stay cheap
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: the sooner of the idle and the absolute limit; moved on when last_seen_at is
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    #: never moved: no session outlives it however often it is used
    absolute_expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()

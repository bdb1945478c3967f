"""Telling people: a notice in the app and, as each person chose for the kind, an email at once or in the daily digest.

"Off" means neither: no notice and no email. "At once" and "daily" both keep the notice in the app;
they differ in when the email goes (now, queued after the event's transaction commits, or in the
next daily digest). Everything is written in the caller's transaction, so an event rolled back
tells nobody anything.
"""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..accounts.emails import Email, in_language_of
from ..accounts.models import User
from ..core.acts import Refused
from ..core.pages import Page, paginate
from ..mail.services import MailSettings, send_mail
from ..timeutil import utcnow
from .kinds import KINDS, email_subject, kinds_for, notice_text
from .models import AT_ONCE, OFF, Notice, Preference

PREFERENCES_ENDPOINT = "notifications.preferences"


@dataclass(frozen=True)
class Delivery:
    mail: MailSettings
    #: (endpoint, arguments) -> an absolute URL, for the links in emails
    url: Callable[[str, dict], str]


def preferences_of(session: Session, user: User) -> dict[str, str]:
    """{kind: delivery} for every kind, the person's choice or the kind's default."""
    rows = session.execute(select(Preference.kind, Preference.delivery).where(Preference.user_id == user.id))
    chosen = {kind: delivery for kind, delivery in rows}
    return {name: chosen.get(name, kind.default) for name, kind in KINDS.items()}


def notify(session: Session, delivery: Delivery, recipient: User | None, kind: str, params: dict, endpoint: str,
           **endpoint_args) -> Notice | None:
    """Tell the recipient, as they chose for this kind; None when they turned it off (or there is no one to tell)."""
    if recipient is None or not recipient.active:
        return None
    chosen = preferences_of(session, recipient)[kind]
    if chosen == OFF:
        return None
    notice = Notice(user_id=recipient.id, kind=kind, params=params, endpoint=endpoint, endpoint_args=endpoint_args, delivery=chosen)
    session.add(notice)
    if chosen == AT_ONCE:
        email = in_language_of(recipient, lambda: _notice_email(delivery, notice))
        notice.message = send_mail(session, delivery.mail, to=recipient.email, subject=email.subject, body=email.body)
    session.flush()
    return notice


def _notice_email(delivery: Delivery, notice: Notice) -> Email:
    body = "\n\n".join((
        notice_text(notice.kind, notice.params),
        _("Open it in Assessor:") + "\n" + delivery.url(notice.endpoint, notice.endpoint_args),
        footer(delivery),
    ))
    return Email(subject=email_subject(notice.kind, notice.params), body=body)


def footer(delivery: Delivery) -> str:
    return _("You can choose which emails Assessor sends you:") + "\n" + delivery.url(PREFERENCES_ENDPOINT, {})


# -- the person's own notices ---------------------------------------------------------------------


def unread_count(session: Session, user: User) -> int:
    """How many of the person's notices are unread: one indexed count."""
    return session.scalar(select(func.count(Notice.id)).where(Notice.user_id == user.id, Notice.read_at.is_(None))) or 0


def notices_page(session: Session, user: User, page: int, per_page: int) -> Page:
    query = select(Notice).where(Notice.user_id == user.id).order_by(Notice.created_at.desc(), Notice.id.desc())
    return paginate(session, query, page, per_page)


def mark_read(session: Session, user: User, notice: Notice) -> None:
    if notice.user_id != user.id:
        raise Refused(_("This notice is not yours."))
    if notice.read_at is None:
        notice.read_at = utcnow()
        session.flush()


def mark_all_read(session: Session, user: User) -> int:
    query = update(Notice).where(Notice.user_id == user.id, Notice.read_at.is_(None)).values(read_at=utcnow())
    return session.execute(query).rowcount


def save_preferences(session: Session, user: User, chosen: dict[str, str | None]) -> None:
    """The person's delivery for each kind open to them; every problem named beside its kind."""
    kinds = kinds_for(user)
    problems = [(kind.name, _("Choose how you want to hear about this.")) for kind in kinds if chosen.get(kind.name) not in kind.choices]
    if problems:
        raise Refused.listing(problems)
    rows = {row.kind: row for row in session.scalars(select(Preference).where(Preference.user_id == user.id))}
    for kind in kinds:
        row = rows.get(kind.name) or Preference(user_id=user.id, kind=kind.name)
        row.delivery = chosen[kind.name]
        session.add(row)
    session.flush()

"""The daily digest: one email per person per day listing their daily notices and, for assessors, evidence waiting too long.

A digest is written with a `digest_runs` row unique per person and day, in the same transaction as its
outbox message; a second run that day (a retry, cron on another machine) finds the row and sends
nothing. Each person's digest commits on its own, so one failure stops no one else's.
"""
from datetime import date, datetime, timedelta

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..accounts.emails import Email, in_language_of
from ..accounts.models import ASSESSOR, User, UserRole
from ..assessment.queue import waiting_pairs
from ..evidence.models import Evidence, Submission
from ..mail.models import OutboxMessage
from ..mail.services import send_mail
from ..timeutil import aware
from .kinds import WAITING, notice_text
from .models import DAILY, DigestRun, Notice
from .services import Delivery, footer, preferences_of


def digest_candidates(session: Session) -> list[int]:
    """Everyone with daily notices not yet sent, and every active assessor (who may have evidence waiting)."""
    pending = select(Notice.user_id).where(Notice.delivery == DAILY, Notice.message_id.is_(None))
    assessors = select(UserRole.user_id).join(User, User.id == UserRole.user_id).where(UserRole.role == ASSESSOR, User.active.is_(True))
    return sorted(set(session.scalars(pending)) | set(session.scalars(assessors)))


def waiting_items(session: Session, assessor: User, now: datetime, days: int) -> list[tuple[Evidence, datetime]]:
    """The evidence waiting for this assessor's review since more than `days` days, oldest first."""
    waiting = select(waiting_pairs(assessor.id).subquery().c.submission_id)
    query = (
        select(Evidence, Submission.submitted_at)
        .join(Submission, Submission.evidence_id == Evidence.id)
        .where(Submission.id.in_(waiting), Submission.submitted_at <= now - timedelta(days=days))
        .order_by(Submission.submitted_at, Submission.id)
    )
    return list(session.execute(query).tuples())


def send_digest(session: Session, delivery: Delivery, user: User, day: date, now: datetime, days: int) -> OutboxMessage | None:
    """The person's digest for `day`, once: None when it was already sent (or claimed) today, or there is nothing to tell."""
    run = DigestRun(user_id=user.id, day=day)
    try:
        with session.begin_nested():
            session.add(run)
            session.flush()
    except IntegrityError:
        return None
    notices = list(session.scalars(
        select(Notice).where(Notice.user_id == user.id, Notice.delivery == DAILY, Notice.message_id.is_(None)).order_by(Notice.created_at)
    ))
    wants_waiting = user.has_role(ASSESSOR) and preferences_of(session, user)[WAITING] == DAILY
    waiting = waiting_items(session, user, now, days) if wants_waiting else []
    if not notices and not waiting:
        return None
    email = in_language_of(user, lambda: _digest_email(delivery, notices, waiting, now, days))
    run.message = send_mail(session, delivery.mail, to=user.email, subject=email.subject, body=email.body)
    for notice in notices:
        notice.message = run.message
    session.flush()
    return run.message


def _digest_email(delivery: Delivery, notices: list[Notice], waiting: list, now: datetime, days: int) -> Email:
    parts = []
    if notices:
        lines = [_("Here is what happened in Assessor since your last daily email.")]
        lines += ["- " + notice_text(n.kind, n.params) + "\n  " + delivery.url(n.endpoint, n.endpoint_args) for n in notices]
        parts.append("\n".join(lines))
    if waiting:
        lines = [ngettext("%(num)d item has waited more than %(days)d days for your review:",
                          "%(num)d items have waited more than %(days)d days for your review:", len(waiting), days=days)]
        lines += ["- " + _("%(reference)s “%(title)s” by %(learner)s, waiting %(age)d days", reference=evidence.reference,
                           title=evidence.title, learner=evidence.learner.name, age=(now - aware(submitted_at)).days)
                  for evidence, submitted_at in waiting]
        parts += ["\n".join(lines), _("Your assessment queue:") + "\n" + delivery.url("assessment.queue", {})]
    parts.append(footer(delivery))
    return Email(subject=_("Your daily email from Assessor"), body="\n\n".join(parts))


def send_all_digests(make_session, delivery: Delivery, day: date, now: datetime, days: int) -> tuple[int, int]:
    """Every candidate's digest for `day`, each in a transaction of its own; (emails sent, people looked at)."""
    with make_session() as session:
        candidates = digest_candidates(session)
    sent = 0
    for user_id in candidates:
        with make_session() as session:
            user = session.get(User, user_id)
            if user is not None and user.active and send_digest(session, delivery, user, day, now, days) is not None:
                sent += 1
            session.commit()
    return sent, len(candidates)

"""Asking a witness to confirm a statement: naming them and sending the link, sending it again, withdrawing it.

Each link is a row of its own; a resend closes the old row and sends a new link. The witness's side
(opening the link and signing) is in witness_signing.py.
"""
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..accounts.sessions import token_digest
from ..audit.services import record
from ..core.acts import Locked, Refused
from ..mail.services import MailSettings, send_mail
from ..permissions import can_ask_witness, can_withdraw_witness_request
from ..timeutil import utcnow
from .access import assigned_ids
from .models import ASSESSED, EDITABLE_STATUSES, WITNESS, Evidence
from .witness_emails import witness_email
from .witness_models import PENDING, REPLACED, WITHDRAWN, WitnessRequest

#: links one item may send in any 24 hours (requests and resends together), and one person across all items
MAX_LINKS_PER_DAY = 5
MAX_LINKS_PER_PERSON_PER_DAY = 20
LIMITS = {"witness_name": 200, "witness_role": 200, "witness_email": 254}
ENTITY = "witness_request"


@dataclass(frozen=True)
class Sending:
    """What sending a link needs besides the item: the mail settings, the token's URL, and how long it works."""

    mail: MailSettings
    link_for: Callable[[str], str]
    lifetime: timedelta


def may_ask(session: Session, user: User, evidence: Evidence) -> bool:
    assessors = assigned_ids(session, evidence.learner_id)[0]
    editable, assessed = evidence.status in EDITABLE_STATUSES, evidence.status == ASSESSED
    return evidence.kind == WITNESS and can_ask_witness(user, evidence.learner, editable, assessed, assessors)


def may_withdraw(session: Session, user: User, evidence: Evidence) -> bool:
    return evidence.kind == WITNESS and can_withdraw_witness_request(user, evidence.learner, assigned_ids(session, evidence.learner_id)[0])


def requests_of(session: Session, evidence: Evidence) -> list[WitnessRequest]:
    """Every link sent for the item, newest first."""
    query = select(WitnessRequest).where(WitnessRequest.evidence_id == evidence.id).order_by(WitnessRequest.id.desc())
    return list(session.scalars(query))


def request_witness(session: Session, actor: User, evidence: Evidence, sending: Sending, *, name: str, role: str, email: str) -> WitnessRequest:
    """Name the witness and email them a link to confirm the item's statement."""
    if not may_ask(session, actor, evidence):
        raise Refused(_("Only the learner, while they can change this evidence, or their assessor can ask the witness to confirm it."))
    fields = checked_witness(evidence, actor, name, role, email)
    current = next(iter(requests_of(session, evidence)), None)
    if current is not None and current.live:
        raise Locked(_("%(name)s has already been asked to confirm this statement. Send the link again or withdraw it first.",
                       name=current.witness_name))
    _check_not_too_many(session, evidence, actor)
    if current is None or current.status != PENDING:
        return _send(session, actor, evidence, sending, fields, "requested")
    _close(session, current, REPLACED, actor)
    return _send(session, actor, evidence, sending, fields, "requested", replaces=current.id)


def resend(session: Session, actor: User, evidence: Evidence, request_id: int, sending: Sending) -> WitnessRequest:
    """A new link to the same witness; the old link stops working."""
    if not may_ask(session, actor, evidence):
        raise Refused(_("Only the learner, while they can change this evidence, or their assessor can send the link again."))
    current = _waiting(session, evidence, request_id)
    _check_not_too_many(session, evidence, actor)
    _close(session, current, REPLACED, actor)
    fields = {name: getattr(current, name) for name in LIMITS}
    return _send(session, actor, evidence, sending, fields, "resent", replaces=current.id)


def withdraw(session: Session, actor: User, evidence: Evidence, request_id: int) -> WitnessRequest:
    """The link stops working; the witness can no longer confirm the statement through it."""
    if not may_withdraw(session, actor, evidence):
        raise Refused(_("Only the learner or their assessor can withdraw the request."))
    current = _waiting(session, evidence, request_id)
    _close(session, current, WITHDRAWN, actor)
    record(session, actor, "withdrawn", ENTITY, current.id, learner_id=evidence.learner_id,
           before={"status": PENDING}, after={"status": WITHDRAWN, "reference": evidence.reference, "witness_name": current.witness_name})
    return current


def checked_witness(evidence: Evidence, actor: User, name: str, role: str, email: str) -> dict:
    """The witness's name, role and email, tidied; raises Refused listing every problem."""
    values = {"witness_name": " ".join((name or "").split()), "witness_role": " ".join((role or "").split()),
              "witness_email": (email or "").strip()}
    problems = [(field, str(message)) for field, message in _missing(values)]
    problems += [(field, str(_("Use %(limit)s characters or fewer.", limit=str(limit)))) for field, limit in LIMITS.items() if len(values[field]) > limit]
    address = values["witness_email"].casefold()
    if address and unusable_email(address):
        problems.append(("witness_email", str(_("Enter an email address like name@example.com."))))
    elif address in {evidence.learner.email.casefold(), actor.email.casefold()}:
        problems.append(("witness_email", str(_("The witness must be someone else: enter their own email address."))))
    if problems:
        raise Refused.listing(problems)
    return values


def _missing(values: dict):
    messages = {"witness_name": _("Enter the witness's name."), "witness_role": _("Enter the witness's role."),
                "witness_email": _("Enter the witness's email address.")}
    return [(field, message) for field, message in messages.items() if not values[field]]


def unusable_email(email: str) -> bool:
    """True when the address is not one mail can be sent to (the network is never asked)."""
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return True
    return False


def _waiting(session: Session, evidence: Evidence, request_id: int) -> WitnessRequest:
    """The item's latest link, when it is the one named and still waiting (even past its expiry)."""
    current = next(iter(requests_of(session, evidence)), None)
    if current is None or current.id != request_id or current.status != PENDING:
        raise Locked(_("That request is no longer waiting for the witness: it has been answered, withdrawn or sent again."))
    return current


def _check_not_too_many(session: Session, evidence: Evidence, actor: User) -> None:
    since = utcnow() - timedelta(days=1)
    recent = select(func.count()).where(WitnessRequest.sent_at > since)
    if (session.scalar(recent.where(WitnessRequest.evidence_id == evidence.id)) or 0) >= MAX_LINKS_PER_DAY:
        raise Refused(_("This statement has been sent to a witness %(count)d times in the last day. Try again tomorrow.",
                        count=MAX_LINKS_PER_DAY))
    if (session.scalar(recent.where(WitnessRequest.requested_by_id == actor.id)) or 0) >= MAX_LINKS_PER_PERSON_PER_DAY:
        raise Refused(_("You have sent %(count)d links to witnesses in the last day. Try again tomorrow.", count=MAX_LINKS_PER_PERSON_PER_DAY))


def _close(session: Session, request: WitnessRequest, status: str, actor: User) -> None:
    request.status, request.closed_at, request.closed_by_id = status, utcnow(), actor.id
    session.flush()


def _send(session: Session, actor: User, evidence: Evidence, sending: Sending, fields: dict, action: str, **extra) -> WitnessRequest:
    token, now = secrets.token_urlsafe(32), utcnow()
    request = WitnessRequest(evidence_id=evidence.id, requested_by_id=actor.id, token_hash=token_digest(token), sent_at=now,
                             expires_at=now + sending.lifetime, status=PENDING, **fields)
    session.add(request)
    session.flush()
    provider = evidence.learner.provider.name if evidence.learner.provider else ""
    message = witness_email(request, sending.link_for(token), provider)
    send_mail(session, sending.mail, to=request.witness_email, subject=message.subject, body=message.body)
    after = {"reference": evidence.reference, **fields, "expires_at": request.expires_at, **extra}
    record(session, actor, action, ENTITY, request.id, learner_id=evidence.learner_id, after=after)
    return request

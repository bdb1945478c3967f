"""The witness's side: the link found by its token's hash, and the statement confirmed or corrected, signed and hashed."""
import hashlib
import json
from datetime import UTC

from flask_babel import lazy_gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..accounts.sessions import token_digest
from ..audit.services import record
from ..core.acts import Conflict, Locked, Refused
from ..i18n import signed_wording
from ..timeutil import aware, utcnow
from .events import witness_signed
from .witness_models import CONFIRMED, CORRECTED, PENDING, WitnessRequest
from .witnesses import ENTITY

#: what the witness agrees to; stored as worded, in the language they read it in
DECLARATION = signed_wording(_l(
    "I confirm that I saw %(learner)s do what this statement describes, and that the statement, as I have confirmed "
    "or corrected it here, is true and accurate to the best of my knowledge."
))
LONGEST_STATEMENT = 50000
LONGEST_NAME = 200
#: no token is longer; anything longer is not looked up
LONGEST_TOKEN = 100


def find_link(session: Session, token: str) -> WitnessRequest | None:
    """The request this link belongs to, in whatever state: looked up by the token's SHA-256, never compared as text."""
    if not token or len(token) > LONGEST_TOKEN:
        return None
    return session.scalar(select(WitnessRequest).where(WitnessRequest.token_hash == token_digest(token)))


def statement_hash(text: str) -> str:
    """Names the statement as the witness was shown it, so a change made while they read is noticed."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def declaration_for(request: WitnessRequest) -> str:
    return str(DECLARATION) % {"learner": request.evidence.learner.name}


def sign(session: Session, request: WitnessRequest, *, accurate: bool | None, corrected: str, signed_name: str, agreed: bool,
         shown_hash: str, language: str) -> WitnessRequest:
    """The witness confirms the statement as it stands, or corrects it (kept beside the original); the link is then used up."""
    evidence = request.evidence
    if not request.live:
        raise Locked(_("This link no longer works."))
    if shown_hash != statement_hash(evidence.body):
        raise Conflict(_("The statement was changed while you were reading it. Read it again below, then confirm or correct it."))
    corrected, signed_name = (corrected or "").replace("\r\n", "\n").strip(), " ".join((signed_name or "").split())
    problems = _problems(evidence.body, accurate, corrected, signed_name, agreed)
    if problems:
        raise Refused.listing(problems)
    status, now = (CONFIRMED if accurate else CORRECTED), utcnow()
    _claim(session, request, status, now)
    request.signed_name, request.declaration, request.language = signed_name, declaration_for(request), language
    request.original_text, request.confirmed_text = evidence.body, evidence.body if accurate else corrected
    request.shown = {"learner": evidence.learner.name, "title": evidence.title, "activity_date": evidence.activity_date.isoformat()}
    request.signed_hash = confirmation_hash(request)
    session.flush()
    record(session, None, status, ENTITY, request.id, learner_id=evidence.learner_id, before={"status": PENDING}, after=_signed_facts(request))
    witness_signed.send(request, session=session, request=request)
    return request


def _problems(original: str, accurate: bool | None, corrected: str, signed_name: str, agreed: bool) -> list:
    problems = []
    if accurate is None:
        problems.append(("accurate", _("Say whether the statement is accurate.")))
    elif not accurate and not corrected:
        problems.append(("corrected", _("Enter the statement as you would correct it.")))
    elif not accurate and corrected == original.strip():
        problems.append(("corrected", _("Your corrected statement is the same as the original. Change it, or say the statement is accurate.")))
    elif not accurate and len(corrected) > LONGEST_STATEMENT:
        problems.append(("corrected", _("Use %(limit)s characters or fewer.", limit=f"{LONGEST_STATEMENT:,}")))
    if not signed_name:
        problems.append(("signed_name", _("Type your full name to sign.")))
    elif len(signed_name) > LONGEST_NAME:
        problems.append(("signed_name", _("Use %(limit)s characters or fewer.", limit=str(LONGEST_NAME))))
    if not agreed:
        problems.append(("agreed", _("Tick the box to agree to the declaration.")))
    return [(field, str(message)) for field, message in problems]


def _claim(session: Session, request: WitnessRequest, status: str, now) -> None:
    """Close the link in one statement, so two submissions at the same moment cannot both sign."""
    claimed = session.execute(
        update(WitnessRequest).where(WitnessRequest.id == request.id, WitnessRequest.status == PENDING).values(status=status, closed_at=now)
    ).rowcount
    if claimed != 1:
        raise Locked(_("This link no longer works."))
    request.status, request.closed_at = status, now


def confirmation_hash(request: WitnessRequest) -> str:
    """sha256 over what the witness signed: who they were asked as, what they read, what they confirmed, and when."""
    data = {
        "request": request.id,
        "evidence": request.evidence_id,
        "witness": [request.witness_name, request.witness_role, request.witness_email],
        "signed_name": request.signed_name,
        "declaration": request.declaration,
        "language": request.language,
        "original": request.original_text,
        "confirmed": request.confirmed_text,
        "shown": request.shown,
        "signed_at": aware(request.closed_at).astimezone(UTC).isoformat(timespec="microseconds"),
    }
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def confirmation_intact(request: WitnessRequest) -> bool:
    """Whether the stored confirmation still matches its hash."""
    return request.signed_hash is not None and confirmation_hash(request) == request.signed_hash


def _signed_facts(request: WitnessRequest) -> dict:
    return {
        "status": request.status, "reference": request.evidence.reference, "witness_name": request.witness_name,
        "witness_role": request.witness_role, "witness_email": request.witness_email, "signed_name": request.signed_name,
        "declaration": request.declaration, "original_text": request.original_text, "confirmed_text": request.confirmed_text,
        "signed_hash": request.signed_hash,
    }

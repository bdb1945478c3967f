"""Signing a standard off: the assessor's signed declaration, the learner's countersignature, withdrawal.

A sign-off row is never changed after signing except to add the countersignature or to mark it
withdrawn; what was signed is kept as canonical data with a sha256 over it (signing.py), so the record
can show that nothing has changed since.
"""
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as ngettext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..audit.services import record
from ..cohorts.models import Enrolment
from ..core.acts import Conflict, Refused
from ..core.signals import answers
from ..i18n import lazy_date, signed_wording
from ..permissions import can_administer, can_assess, can_countersign
from ..standards.models import Criterion
from ..standards.references import reference
from ..timeutil import utcnow
from .events import countersigned, sign_off_checks, signed_off
from .models import EnrolmentProgress, SignOff
from .progress import (
    MET_STATUS,
    active_sign_off,
    assessable_criteria,
    criterion_statuses,
    refresh_progress,
)
from .signing import canonical_hash, iso, learner_hash, sign_off_payload

ASSESSOR_DECLARATION = signed_wording(_l(
    "I confirm that the evidence is valid, authentic, reliable, current and sufficient, "
    "and that it shows the learner has met every criterion of this standard."
))
LEARNER_STATEMENT = _l("I confirm the evidence is my own work and I agree with this sign-off.")
NAME_REQUIRED = _l("Type your full name as your signature.")
AGREE_REQUIRED = _l("Tick the box to confirm the declaration.")
REASON_REQUIRED = _l("Enter the reason for withdrawing the sign-off.")


class AlreadyDone(Refused):
    """The same action was already taken (a form posted twice): nothing changes."""

    def __init__(self, message: str, sign_off: SignOff):
        super().__init__(message)
        self.sign_off = sign_off


# -- signing, countersigning, withdrawing -----------------------------------------------------


def same_name(typed: str | None, name: str) -> bool:
    return " ".join((typed or "").split()).casefold() == " ".join(name.split()).casefold()


def provider_of(enrolment: Enrolment) -> int:
    return enrolment.member.cohort.provider_id


def learner_of(enrolment: Enrolment) -> User:
    return enrolment.member.learner


def sign_off(session: Session, assessor: User, enrolment: Enrolment, signature_name: str, declaration_text: str, *, agreed: bool) -> SignOff:
    """The enrolment's assessor signs the standard off once every assessable criterion is met."""
    if not can_assess(assessor, provider_of(enrolment), enrolment.assessor_id):
        raise Refused(_("Only the learner's assessor can sign this standard off."))
    existing = active_sign_off(session, enrolment.id)
    if existing is not None:
        when = lazy_date(existing.signed_at)
        raise AlreadyDone(_("This standard was already signed off on %(date)s.", date=when), existing)
    _require_all_met(session, enrolment)
    if not agreed:
        raise Refused(str(AGREE_REQUIRED), "agreed")
    _require_signature(signature_name, assessor)
    signed_at, payload = utcnow(), json.loads(json.dumps(sign_off_payload(session, enrolment)))
    signature = signature_name.strip()
    signed = SignOff(
        enrolment_id=enrolment.id, sequence=_next_sequence(session, enrolment.id), assessor_id=assessor.id,
        declaration=declaration_text, signature_name=signature, signed_at=signed_at, payload=payload,
        signed_hash=canonical_hash(payload, declaration_text, signature, signed_at),
    )
    with _conflicts(session, _("Someone signed this standard off at the same moment. Open the sign-off record to see it.")):
        session.add(signed)
    signed_off.send(enrolment, session=session)
    after = {"sequence": signed.sequence, "signed_hash": signed.signed_hash, "signature_name": signature}
    record(session, assessor, "signed", "sign_off", signed.id, learner_id=learner_of(enrolment).id, after=after)
    refresh_progress(session, {enrolment.id})
    return signed


def _require_all_met(session: Session, enrolment: Enrolment) -> None:
    statuses = criterion_statuses(session, enrolment)
    missing = [c for c in assessable_criteria(session, enrolment.standard_id) if statuses.get(c.id) != MET_STATUS]
    if missing:
        refs = ", ".join(reference(criterion) for criterion in missing)
        raise Refused(
            ngettext(
                "%(num)d criterion is not met yet (%(refs)s). Every criterion must be met before sign-off.",
                "%(num)d criteria are not met yet (%(refs)s). Every criterion must be met before sign-off.",
                len(missing), refs=refs,
            )
        )


def _require_signature(typed: str | None, person: User) -> None:
    if not (typed or "").strip():
        raise Refused(str(NAME_REQUIRED), "signature_name")
    if not same_name(typed, person.name):
        raise Refused(_("Type your name as it is on your account: %(name)s.", name=person.name), "signature_name")


def _next_sequence(session: Session, enrolment_id: int) -> int:
    return (session.scalar(select(func.max(SignOff.sequence)).where(SignOff.enrolment_id == enrolment_id)) or 0) + 1


@contextmanager
def _conflicts(session: Session, message: str) -> Iterator[None]:
    """Flush the change in a savepoint; a concurrent change (unique key or version) becomes a Conflict."""
    try:
        with session.begin_nested():
            yield
            session.flush()
    except (IntegrityError, StaleDataError):
        raise Conflict(message) from None


def countersign(session: Session, learner: User, sign_off: SignOff, signature_name: str, expected_version: int) -> SignOff:
    """The learner declares the evidence their own and agrees with the sign-off, typing their name."""
    enrolment = sign_off.enrolment
    if not can_countersign(learner, learner_of(enrolment).id):
        raise Refused(_("Only the learner can countersign their sign-off."))
    _require_not_withdrawn(sign_off)
    if sign_off.learner_signed_at is not None:
        when = lazy_date(sign_off.learner_signed_at)
        raise AlreadyDone(_("You already countersigned this sign-off on %(date)s.", date=when), sign_off)
    _require_version(sign_off, expected_version)
    _require_signature(signature_name, learner)
    signed_at, signature = utcnow(), signature_name.strip()
    with _conflicts(session, _("This sign-off changed while you were countersigning it. Check it again before you sign.")):
        sign_off.learner_signature_name, sign_off.learner_signed_at = signature, signed_at
        sign_off.learner_hash = learner_hash(sign_off.signed_hash, signature, signed_at)
    after = {"learner_signature_name": signature, "learner_hash": sign_off.learner_hash}
    record(session, learner, "countersigned", "sign_off", sign_off.id, learner_id=learner.id, after=after)
    countersigned.send(sign_off, session=session)
    refresh_progress(session, {enrolment.id})
    return sign_off


def may_withdraw(user: User, sign_off: SignOff) -> bool:
    enrolment = sign_off.enrolment
    provider_id = provider_of(enrolment)
    return can_assess(user, provider_id, enrolment.assessor_id) or can_administer(user, provider_id)


def withdraw_sign_off(session: Session, actor: User, sign_off: SignOff, reason: str, expected_version: int) -> SignOff:
    """The assessor (or a provider administrator) withdraws a sign-off, with a reason; a new one may follow."""
    if not may_withdraw(actor, sign_off):
        raise Refused(_("Only the learner's assessor or a provider administrator can withdraw a sign-off."))
    if sign_off.withdrawn_at is not None:
        when = lazy_date(sign_off.withdrawn_at)
        raise AlreadyDone(_("This sign-off was already withdrawn on %(date)s.", date=when), sign_off)
    _require_version(sign_off, expected_version)
    reason = (reason or "").strip()
    if not reason:
        raise Refused(str(REASON_REQUIRED), "reason")
    with _conflicts(session, _("This sign-off changed while you were withdrawing it. Check it again.")):
        sign_off.withdrawn_at, sign_off.withdrawn_reason, sign_off.withdrawn_by_id = utcnow(), reason, actor.id
    learner_id = learner_of(sign_off.enrolment).id
    before, after = {"withdrawn_at": None}, {"withdrawn_at": iso(sign_off.withdrawn_at), "reason": reason}
    record(session, actor, "withdrawn", "sign_off", sign_off.id, learner_id=learner_id, before=before, after=after)
    refresh_progress(session, {sign_off.enrolment_id})
    return sign_off


def _require_not_withdrawn(sign_off: SignOff) -> None:
    if sign_off.withdrawn_at is not None:
        raise Refused(_("This sign-off was withdrawn on %(date)s, so it cannot be countersigned.", date=lazy_date(sign_off.withdrawn_at)))


def _require_version(sign_off: SignOff, expected_version: int | None) -> None:
    if expected_version != sign_off.version:
        raise Conflict(_("This sign-off was changed by someone else since you opened it. Check it again below."))


# -- for the pages ----------------------------------------------------------------------------


@dataclass
class SignOffState:
    active: SignOff | None
    #: every assessable criterion of the standard, in order, with its status
    criteria: list[tuple[Criterion, str]]
    history: list[SignOff] = field(default_factory=list)
    verified_at: datetime | None = None
    #: what the quality checks (the IQA's latest sample) say of this standard: (label, tag class) pairs
    checks: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.criteria)

    @property
    def not_met(self) -> list[Criterion]:
        return [criterion for criterion, status in self.criteria if status != MET_STATUS]

    @property
    def met(self) -> int:
        return self.total - len(self.not_met)

    @property
    def ready(self) -> bool:
        """Every criterion is met and nothing is signed off yet."""
        return self.active is None and self.total > 0 and not self.not_met


def sign_off_state(session: Session, enrolment: Enrolment) -> SignOffState:
    statuses = criterion_statuses(session, enrolment)
    criteria = [(c, statuses.get(c.id, "")) for c in assessable_criteria(session, enrolment.standard_id)]
    history = list(session.scalars(select(SignOff).where(SignOff.enrolment_id == enrolment.id).order_by(SignOff.sequence.desc())))
    progress = session.get(EnrolmentProgress, enrolment.id)
    checks = answers(sign_off_checks, enrolment, session=session)
    active = next((row for row in history if row.withdrawn_at is None), None)
    verified_at = progress.verified_at if progress is not None and active is not None else None
    return SignOffState(active, criteria, history, verified_at, checks)

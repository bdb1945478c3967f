"""Who may change an evidence item and when, and the conflict checks every change makes."""
from flask_babel import lazy_gettext as _
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..permissions import can_change_evidence
from .models import DRAFT, EDITABLE_STATUSES, OBSERVATION, SUBMITTED, Evidence
from ..core.acts import Conflict, Locked, Refused


def is_owner(user: User, evidence: Evidence) -> bool:
    """The learner owns their evidence; an observation belongs to the assessor who recorded it."""
    return user.id == (evidence.created_by_id if evidence.kind == OBSERVATION else evidence.learner_id)


def may_change(user: User, evidence: Evidence) -> bool:
    """The owner may change the item, its files and its mapping while it is a draft or referred back."""
    editable = evidence.status in EDITABLE_STATUSES
    return is_owner(user, evidence) and can_change_evidence(user, evidence.learner_id, editable, evidence.created_by_id)


def may_delete(user: User, evidence: Evidence) -> bool:
    return may_change(user, evidence) and evidence.status == DRAFT and not evidence.submissions


def flush_change(session: Session, evidence: Evidence, races=(StaleDataError,)) -> None:
    """Write the change; a concurrent one that won is a conflict (the caller rolls back)."""
    message = changed_message(evidence)
    try:
        session.flush()
    except races:
        raise Conflict(message) from None


def changed_message(evidence: Evidence) -> str:
    return _(
        "%(reference)s was changed by someone else, or in another tab, after you opened this page. "
        "Check it as it is now, then make your change again.",
        reference=evidence.reference,
    )


def check_version(evidence: Evidence, expected_version) -> None:
    if str(expected_version) != str(evidence.version):
        raise Conflict(changed_message(evidence))


def check_changeable(actor: User, evidence: Evidence) -> None:
    if not is_owner(actor, evidence):
        raise Refused(
            _("Only the learner can change their own evidence. An observation can only be changed by the assessor who recorded it.")
        )
    if evidence.status not in EDITABLE_STATUSES:
        raise Locked(locked_message(evidence))


def locked_message(evidence: Evidence) -> str:
    """Why the item can no longer be changed."""
    if evidence.status == SUBMITTED:
        return _("%(reference)s has already been submitted for assessment, so it cannot be changed until the assessor has decided.",
                 reference=evidence.reference)
    return _("%(reference)s has been assessed, so it can no longer be changed.", reference=evidence.reference)

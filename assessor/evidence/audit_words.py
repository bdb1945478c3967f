"""How evidence reads in the audit history: its codes' labels and the reference each entry names."""
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit.labels import register_fields, register_sentences, register_values
from ..audit.presenting import register_actor, register_lookup
from .labels import KIND_LABELS, STATUS_LABELS, WITNESS_STATE_LABELS
from .models import Evidence, Submission
from .witness_models import WitnessRequest


def _by_evidence(session: Session, ids: set[int]):
    return {evidence.id: {"reference": evidence.reference} for evidence in session.scalars(select(Evidence).where(Evidence.id.in_(ids)))}


def _by_submission(session: Session, ids: set[int]):
    rows = session.execute(select(Submission.id, Evidence).join(Evidence).where(Submission.id.in_(ids)))
    return {row.id: {"reference": row.Evidence.reference} for row in rows}


register_values("*", "kind", KIND_LABELS)
register_values("evidence", "status", STATUS_LABELS)
register_lookup("evidence", _by_evidence)
register_lookup("submission", _by_submission)


# -- a witness confirming a statement -----------------------------------------------------------


def _by_witness_request(session: Session, ids: set[int]):
    rows = session.execute(select(WitnessRequest.id, WitnessRequest.witness_name, Evidence).join(Evidence).where(WitnessRequest.id.in_(ids)))
    return {row.id: {"reference": row.Evidence.reference, "witness": row.witness_name} for row in rows}


def _witness_signing(entry) -> str | None:
    """A witness signs through their link, signed in as nobody: the entry names them by the name they typed."""
    after = entry.after if isinstance(entry.after, dict) else {}
    name = after.get("signed_name")
    return gettext("%(name)s (witness)", name=name) if isinstance(name, str) and name else None


register_lookup("witness_request", _by_witness_request)
register_actor("witness_request", _witness_signing)
register_values("witness_request", "status", WITNESS_STATE_LABELS)
register_sentences({
    ("witness_request", "requested"): (_l("%(witness)s asked to confirm the statement of %(reference)s"), _l("Witness asked to confirm the statement")),
    ("witness_request", "resent"): (_l("Link to confirm %(reference)s sent again to %(witness)s"), _l("Link to the witness sent again")),
    ("witness_request", "withdrawn"): (_l("Request to %(witness)s to confirm %(reference)s withdrawn"), _l("Request to the witness withdrawn")),
    ("witness_request", "confirmed"): (_l("%(witness)s confirmed the statement of %(reference)s"), _l("Witness confirmed the statement")),
    ("witness_request", "corrected"): (_l("%(witness)s corrected and confirmed the statement of %(reference)s"),
                                       _l("Witness corrected and confirmed the statement")),
})
register_fields({
    "witness_name": _l("Witness's name"),
    "witness_role": _l("Witness's role"),
    "witness_email": _l("Witness's email address"),
    "expires_at": _l("Link works until"),
    "replaces": _l("Replaces link"),
    "signed_name": _l("Name typed as a signature"),
    "declaration": _l("Declaration"),
    "original_text": _l("The statement as the witness read it"),
    "confirmed_text": _l("The statement as the witness confirmed it"),
})

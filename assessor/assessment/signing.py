"""What a sign-off signs: the canonical payload, the sha256 over it and the countersignature, and checking them again."""
import hashlib
import json
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from ..cohorts.models import Enrolment
from ..organisations.models import Provider
from ..standards.criteria import assessable_criteria
from ..timeutil import aware
from .models import MET, SignOff
from .progress import current_decisions, times_required


def iso(moment: datetime) -> str:
    return aware(moment).astimezone(UTC).isoformat(timespec="microseconds")


def _digest(data) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def sign_off_payload(session: Session, enrolment: Enrolment) -> dict:
    """What the assessor signs: the learner, the standard, and the met decisions and evidence behind each criterion."""
    learner, cohort, standard = enrolment.member.learner, enrolment.member.cohort, enrolment.standard
    met: dict[int, list[dict]] = {}
    for decision in current_decisions(session, enrolment.id):
        if decision.outcome == MET:
            met.setdefault(decision.criterion_id, []).append(_decision_data(decision))
    return {
        "enrolment": enrolment.id,
        "learner": {"id": learner.id, "name": learner.name, "email": learner.email},
        "provider": {"id": cohort.provider_id, "name": session.get(Provider, cohort.provider_id).name},
        "cohort": {"id": cohort.id, "name": cohort.name},
        "standard": {"urn": standard.urn, "version": standard.version, "title": standard.title},
        "times_required": times_required(session, enrolment),
        "criteria": [
            {"ref": criterion.ref, "code": criterion.code, "decisions": met.get(criterion.id, [])}
            for criterion in assessable_criteria(session, enrolment.standard_id)
        ],
    }


def _decision_data(decision) -> dict:
    """A met decision and the version of the evidence it judged: the submission, its snapshot's sha256 and its files."""
    submission = decision.review.submission
    return {
        "decision": decision.id,
        "evidence": submission.evidence.reference,
        "evidence_id": decision.evidence_id,
        "submission": submission.number,
        "snapshot_sha256": submission.snapshot_sha256,
        "files": [file.sha256 for file in submission.files],
        "decided_at": iso(decision.decided_at),
        "assessor": decision.decided_by_id,
    }


def canonical_hash(payload: dict, declaration: str, signature_name: str, signed_at: datetime) -> str:
    return _digest({"payload": payload, "declaration": declaration, "signature": signature_name, "signed_at": iso(signed_at)})


def learner_hash(signed_hash: str, signature_name: str, signed_at: datetime) -> str:
    return _digest({"signed_hash": signed_hash, "signature": signature_name, "signed_at": iso(signed_at)})


def verify_sign_off(sign_off: SignOff) -> bool:
    """Whether the stored hashes still match what was signed (and countersigned)."""
    signed = canonical_hash(sign_off.payload, sign_off.declaration, sign_off.signature_name, sign_off.signed_at)
    if signed != sign_off.signed_hash:
        return False
    if sign_off.learner_signed_at is None:
        return sign_off.learner_hash is None
    expected = learner_hash(sign_off.signed_hash, sign_off.learner_signature_name, sign_off.learner_signed_at)
    return expected == sign_off.learner_hash

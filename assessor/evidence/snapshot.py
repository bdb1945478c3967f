"""What a submission froze: the item's fields, its files and its claims, as they were when submitted.

A referred item can be changed before it is submitted again, so decisions, IQA samples, sign-offs,
the item's history and the portfolio PDF read the submission's snapshot (`judged`), never the live
item. The snapshot's sha256 is taken over its canonical JSON with the files, so it can be checked later.
"""
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ..accounts.models import User
from .models import WITNESS, Evidence, Submission, SubmissionFile
from .witness_models import SIGNED, WitnessRequest

#: the item's own fields a snapshot keeps, as they are named on Evidence
FIELDS = ("kind", "title", "description", "body", "witness_name", "witness_role", "witness_contact")


def freeze(evidence: Evidence) -> tuple[dict, list[SubmissionFile]]:
    """The item's fields and claims as JSON data, and its files as rows for a submission."""
    snapshot = {name: getattr(evidence, name) for name in FIELDS}
    snapshot |= {"reference": evidence.reference, "activity_date": evidence.activity_date.isoformat(),
                 "details": dict(evidence.details or {}), "claims": [claim_data(m) for m in evidence.mappings]}
    if evidence.kind == WITNESS:
        snapshot["witness_confirmation"] = confirmation_data(evidence)
    files = [SubmissionFile(position=n, filename=f.filename, size=f.size, sha256=f.sha256, media_type=f.media_type)
             for n, f in enumerate(evidence.files, start=1)]
    return snapshot, files


def frozen_fields(evidence: Evidence) -> dict:
    """The columns a new Submission of the item takes: its snapshot, its files and the snapshot's sha256."""
    snapshot, files = freeze(evidence)
    return {"snapshot": snapshot, "files": files, "snapshot_sha256": snapshot_digest(snapshot, files)}


def claim_data(mapping) -> dict:
    return {"enrolment_id": mapping.enrolment_id, "criterion_id": mapping.criterion_id, "ref": mapping.criterion.ref,
            "note": mapping.note}


def confirmation_data(evidence: Evidence) -> dict | None:
    """The newest witness link of the item as it stood at submission: who, its state and, once signed, what they signed."""
    session = object_session(evidence)
    query = select(WitnessRequest).where(WitnessRequest.evidence_id == evidence.id).order_by(WitnessRequest.id.desc())
    request = session.scalars(query.limit(1)).first() if session is not None and evidence.id else None
    if request is None:
        return None
    data = {"request_id": request.id, "state": request.state, "name": request.witness_name, "role": request.witness_role,
            "email": request.witness_email, "sent_at": request.sent_at.isoformat(), "expires_at": request.expires_at.isoformat()}
    if request.status in SIGNED:
        data |= {"signed_name": request.signed_name, "signed_at": request.closed_at.isoformat(), "declaration": request.declaration,
                 "language": request.language, "original_text": request.original_text, "confirmed_text": request.confirmed_text,
                 "signed_hash": request.signed_hash, "statement_unchanged": request.original_text == evidence.body}
    return data


def file_data(file: SubmissionFile) -> dict:
    return {"filename": file.filename, "size": file.size, "media_type": file.media_type, "sha256": file.sha256}


def snapshot_digest(snapshot: dict, files: list[SubmissionFile]) -> str:
    """sha256 over the canonical JSON of the snapshot and its files (sorted keys, no spaces, UTF-8)."""
    data = snapshot | {"files": [file_data(file) for file in files]}
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def frozen_intact(submission: Submission) -> bool:
    """Whether the stored snapshot still matches the sha256 taken when it was made."""
    return snapshot_digest(submission.snapshot, submission.files) == submission.snapshot_sha256


def blob_named(session: Session, sha256: str) -> bool:
    """Whether any submission's snapshot names this stored file (it must then be kept)."""
    return session.scalar(select(SubmissionFile.id).where(SubmissionFile.sha256 == sha256).limit(1)) is not None


def named_blobs(session: Session) -> set[str]:
    return set(session.scalars(select(SubmissionFile.sha256).distinct()))


@dataclass(frozen=True)
class FrozenFile:
    filename: str
    size: int
    media_type: str
    sha256: str
    #: the item's file with the same bytes and name today, for downloading; None once removed
    id: int | None


@dataclass(frozen=True)
class FrozenClaim:
    enrolment_id: int
    criterion_id: int
    ref: str
    note: str


@dataclass(frozen=True)
class Judged:
    """The item as submitted, read like an Evidence by the templates that show an item (evidence/_content.html)."""

    submission: Submission
    evidence: Evidence
    kind: str
    title: str
    activity_date: date
    description: str
    body: str
    witness_name: str | None
    witness_role: str | None
    witness_contact: str | None
    details: dict
    files: list[FrozenFile]
    claims: list[FrozenClaim]
    #: the witness link as it stood at submission (witness items; None when no link was sent)
    witness_confirmation: dict | None = None

    @property
    def reference(self) -> str:
        return self.evidence.reference

    @property
    def number(self) -> int:
        return self.evidence.number

    @property
    def learner_id(self) -> int:
        return self.evidence.learner_id

    @property
    def status(self) -> str:
        """The item's status now (the version itself does not change)."""
        return self.evidence.status

    @property
    def created_by_id(self) -> int:
        return self.evidence.created_by_id

    @property
    def created_by(self) -> User:
        return self.evidence.created_by

    @property
    def witness_signed_at(self) -> datetime | None:
        signed = (self.witness_confirmation or {}).get("signed_at")
        return datetime.fromisoformat(signed) if signed else None

    def claims_for(self, enrolment_id: int) -> list[FrozenClaim]:
        return [claim for claim in self.claims if claim.enrolment_id == enrolment_id]

    def refs_besides(self, enrolment_id: int, decided: set[int]) -> list[str]:
        """The references of the enrolment's claimed criteria not among `decided` (carried over, for a review)."""
        return [claim.ref for claim in self.claims_for(enrolment_id) if claim.criterion_id not in decided]


def judged(submission: Submission) -> Judged:
    """The version of the item that this submission sent for judgement."""
    data, evidence = submission.snapshot, submission.evidence
    live = {(file.sha256, file.filename): file.id for file in evidence.files}
    files = [FrozenFile(f.filename, f.size, f.media_type, f.sha256, live.get((f.sha256, f.filename))) for f in submission.files]
    claims = [FrozenClaim(c["enrolment_id"], c["criterion_id"], c["ref"], c.get("note", "")) for c in data.get("claims", [])]
    fields = {name: data.get(name) for name in FIELDS}
    return Judged(submission, evidence, activity_date=date.fromisoformat(data["activity_date"]), details=data.get("details") or {},
                  files=files, claims=claims, witness_confirmation=data.get("witness_confirmation"), **fields)


def latest_judged(evidence: Evidence) -> Judged | None:
    """The version of the item last submitted (None for a draft never submitted)."""
    return judged(evidence.submissions[-1]) if evidence.submissions else None

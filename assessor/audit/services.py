"""Writing to the audit log inside the caller's transaction, and checking the chain."""
import hashlib
import json
from dataclasses import dataclass
from datetime import timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..timeutil import aware, utcnow
from .models import GENESIS_HASH, AuditEntry, AuditHead


def plain(value) -> dict | None:
    """A before/after snapshot as JSON would give it back, so what is hashed is what is stored."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str))


def entry_hash(entry: AuditEntry) -> str:
    moment = aware(entry.at).astimezone(timezone.utc).isoformat(timespec="microseconds")
    fields = [
        entry.seq,
        moment,
        entry.actor_id,
        entry.learner_id,
        entry.entity,
        entry.entity_id,
        entry.action,
        entry.before,
        entry.after,
        entry.prev_hash,
    ]
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: User | None,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    learner_id: int | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction; the caller commits it with the change it describes.

    The head row is updated first, which takes its write lock: concurrent writers wait for each
    other instead of both chaining onto the same previous hash.
    """
    session.flush()
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq + 1))
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    entry = AuditEntry(
        seq=head.seq,
        at=utcnow(),
        actor_id=actor.id if actor is not None else None,
        learner_id=learner_id,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=plain(before),
        after=plain(after),
        prev_hash=head.hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(hash=entry.hash))
    return entry


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify_chain(session: Session, batch: int = 1000) -> tuple[int, list[ChainProblem]]:
    """Walk the log in order, recomputing every hash; (entries checked, problems found)."""
    problems: list[ChainProblem] = []
    expected_prev, expected_seq, checked = GENESIS_HASH, 1, 0
    last_id = 0
    while True:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)))
        if not entries:
            break
        for entry in entries:
            problems += _entry_problems(entry, expected_seq, expected_prev)
            expected_prev, expected_seq, last_id = entry.hash, entry.seq + 1, entry.id
            checked += 1
    head = session.get(AuditHead, 1)
    if head is None or head.hash != expected_prev or head.seq != expected_seq - 1:
        problems.append(ChainProblem(expected_seq - 1, "the chain's head does not match its last entry"))
    return checked, problems


def _entry_problems(entry: AuditEntry, expected_seq: int, expected_prev: str) -> list[ChainProblem]:
    found = []
    if entry.seq != expected_seq:
        found.append(ChainProblem(entry.seq, f"expected entry {expected_seq} here: entries are missing or reordered"))
    if entry.prev_hash != expected_prev:
        found.append(ChainProblem(entry.seq, "does not chain onto the entry before it"))
    if entry_hash(entry) != entry.hash:
        found.append(ChainProblem(entry.seq, "its content does not match its hash: it was changed"))
    return found


def history(session: Session, learner_id: int, *, before_seq: int | None = None, limit: int = 50) -> list[AuditEntry]:
    """A learner's trail, newest first; `before_seq` pages back."""
    query = select(AuditEntry).where(AuditEntry.learner_id == learner_id)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    return list(session.scalars(query.order_by(AuditEntry.seq.desc()).limit(limit)))



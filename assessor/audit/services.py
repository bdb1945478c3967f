"""Writing to the audit log inside the caller's transaction, and reading a learner's trail."""
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..timeutil import aware, utcnow
from .models import GENESIS_HASH, AuditEntry, AuditHead

PAGE_SIZE = 50


class AppendOnly(Exception):
    """An audit entry is never changed or deleted once written."""


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_change(_mapper, _connection, entry: AuditEntry) -> None:
    raise AppendOnly(f"audit entry {entry.seq} cannot be changed or deleted: the log is append-only")


def plain(value) -> dict | None:
    """A before/after snapshot as JSON would give it back, so what is hashed is what is stored."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str))


def entry_hash(entry) -> str:
    """The sha256 of an entry's content and the hash before it (an AuditEntry or a row with its columns)."""
    moment = aware(entry.at).astimezone(UTC).isoformat(timespec="microseconds")
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


PENDING = "audit_pending"


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
    """Note one entry in the caller's transaction; it joins the chain when that transaction commits.

    Chaining takes the head row's write lock, so it is done last (just before commit): a
    transaction never holds the head while waiting for another row, and concurrent writers
    queue on the head instead of deadlocking or chaining onto the same previous hash.
    """
    entry = AuditEntry(
        at=utcnow(),
        actor_id=actor.id if actor is not None else None,
        learner_id=learner_id,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=plain(before),
        after=plain(after),
    )
    session.info.setdefault(PENDING, []).append(entry)
    return entry


def chain_pending(session: Session) -> None:
    """Give the noted entries their sequence numbers and hashes, and write them."""
    pending = session.info.pop(PENDING, [])
    if not pending:
        return
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq + len(pending)))
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    previous = head.hash
    for offset, entry in enumerate(pending):
        entry.seq = head.seq - len(pending) + 1 + offset
        entry.prev_hash = previous
        entry.hash = previous = entry_hash(entry)
        session.add(entry)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(hash=previous))
    session.flush()


@event.listens_for(Session, "before_commit")
def _chain_before_commit(session: Session) -> None:
    chain_pending(session)


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None or not previous_transaction.nested:
        session.info.pop(PENDING, None)


@event.listens_for(Session, "do_orm_execute")
def _chain_before_reading_the_log(state) -> None:
    """Reading the log in the same transaction (tests, mostly) sees what was noted."""
    if state.is_select and state.session.info.get(PENDING) and AuditEntry in _entities(state):
        chain_pending(state.session)


def _entities(state) -> set:
    return {description.get("entity") for description in state.statement.column_descriptions} if hasattr(state.statement, "column_descriptions") else set()


# -- checking the chain -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainProblem:
    #: the entry's sequence number; None for the head row
    seq: int | None
    message: str

    def __str__(self) -> str:
        return f"entry {self.seq}: {self.message}" if self.seq is not None else f"head: {self.message}"


def verify_chain(session: Session, batch: int = 1000) -> tuple[int, list[ChainProblem]]:
    """Walk the log in the order it was written, recomputing every hash; (entries checked, problems found)."""
    table = AuditEntry.__table__
    problems: list[ChainProblem] = []
    expected_seq, expected_prev, checked, last_id = 1, GENESIS_HASH, 0, 0
    while rows := session.execute(select(table).where(table.c.id > last_id).order_by(table.c.id).limit(batch)).all():
        for row in rows:
            problems += _entry_problems(row, expected_seq, expected_prev)
            expected_seq, expected_prev, last_id = row.seq + 1, row.hash, row.id
            checked += 1
    return checked, problems + _head_problems(session, expected_seq - 1, expected_prev)


def _entry_problems(row, expected_seq: int, expected_prev: str) -> list[ChainProblem]:
    found = []
    if row.seq > expected_seq:
        missing = f"entry {expected_seq} is" if row.seq == expected_seq + 1 else f"entries {expected_seq}–{row.seq - 1} are"
        found.append(ChainProblem(row.seq, f"{missing} missing before it"))
    elif row.seq < expected_seq:
        found.append(ChainProblem(row.seq, f"it is out of order: entry {expected_seq} was expected here"))
    elif row.prev_hash != expected_prev:
        found.append(ChainProblem(row.seq, "it does not chain onto the entry before it: that entry was changed or replaced"))
    if entry_hash(row) != row.hash:
        found.append(ChainProblem(row.seq, "its content does not match its hash: it was changed"))
    return found


def _head_problems(session: Session, last_seq: int, last_hash: str) -> list[ChainProblem]:
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one_or_none()
    if head is None:
        return [ChainProblem(None, "the head row is missing")]
    if head.seq != last_seq or head.hash != last_hash:
        return [ChainProblem(None, f"it names entry {head.seq} as the last, but the log ends at entry {last_seq}: entries were removed or changed")]
    return []


def broken_links(session: Session, entries: list[AuditEntry]) -> set[int]:
    """The sequence numbers, among these entries, whose content or link to the entry before fails its hash."""
    wanted = {entry.seq - 1 for entry in entries if entry.seq > 1}
    hashes = dict(session.execute(select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.seq.in_(wanted))).tuples().all()) if wanted else {}
    hashes[0] = GENESIS_HASH
    return {entry.seq for entry in entries if entry_hash(entry) != entry.hash or hashes.get(entry.seq - 1) != entry.prev_hash}


# -- reading a learner's trail ------------------------------------------------------------------


@dataclass(frozen=True)
class Trail:
    """One page of a learner's trail, newest first, and where the next older page starts."""

    entries: list[AuditEntry]
    #: pass as `before_seq` for the next, older page; None on the last page
    older_than: int | None


def history(session: Session, learner_id: int, *, before_seq: int | None = None, limit: int = PAGE_SIZE) -> Trail:
    """A learner's trail, newest first; `before_seq` pages back."""
    query = select(AuditEntry).where(AuditEntry.learner_id == learner_id).options(selectinload(AuditEntry.actor))
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    entries = list(session.scalars(query.order_by(AuditEntry.seq.desc()).limit(limit + 1)))
    more = len(entries) > limit
    entries = entries[:limit]
    return Trail(entries, entries[-1].seq if more else None)


"""The hash chain: record() links each entry to the one before, and verify_chain() finds every kind of tampering."""
import pytest
from sqlalchemy import func, select

from assessor.audit.models import GENESIS_HASH, AuditEntry
from assessor.audit.services import AppendOnly, broken_links, entry_hash, record, verify_chain

from .tampering import append, change_after, last_seq, remove, renumber, rewind_head, swap


def messages(session) -> list[str]:
    return [str(problem) for problem in verify_chain(session, batch=3)[1]]


def test_each_entry_carries_the_hash_of_the_one_before(db_session):
    first, second = append(db_session, 2)
    assert second.seq == first.seq + 1
    assert second.prev_hash == first.hash
    assert first.hash == entry_hash(first)
    if first.seq == 1:
        assert first.prev_hash == GENESIS_HASH


def test_an_untouched_chain_is_intact_whatever_the_batch_size(db_session):
    append(db_session, 7)
    total = db_session.scalar(select(func.count()).select_from(AuditEntry))
    for batch in (1, 3, 1000):
        assert verify_chain(db_session, batch=batch) == (total, [])


def test_what_is_hashed_is_what_is_stored(db_session):
    from datetime import date

    entry = record(db_session, None, "created", "evidence", 1, after={"on": date(2026, 1, 2), "refs": ("P1",)})
    db_session.commit()
    db_session.expire_all()
    stored = db_session.get(AuditEntry, entry.id)
    assert stored.after == {"on": "2026-01-02", "refs": ["P1"]}
    assert entry_hash(stored) == stored.hash


def test_a_changed_entry_is_found(db_session):
    entries = append(db_session, 5)
    change_after(db_session, entries[2].seq)
    assert messages(db_session) == [f"entry {entries[2].seq}: its content does not match its hash: it was changed"]


def test_a_deleted_entry_is_found(db_session):
    entries = append(db_session, 5)
    remove(db_session, entries[1].seq)
    assert messages(db_session) == [f"entry {entries[2].seq}: entry {entries[1].seq} is missing before it"]


def test_several_deleted_entries_are_named_together(db_session):
    entries = append(db_session, 5)
    remove(db_session, entries[1].seq)
    remove(db_session, entries[2].seq)
    assert messages(db_session) == [f"entry {entries[3].seq}: entries {entries[1].seq}–{entries[2].seq} are missing before it"]


def test_the_last_entry_deleted_leaves_the_head_pointing_past_the_end(db_session):
    entries = append(db_session, 3)
    remove(db_session, entries[-1].seq)
    assert messages(db_session) == [
        f"head: it names entry {entries[-1].seq} as the last, but the log ends at entry {entries[-2].seq}: entries were removed or changed"
    ]


def test_reordered_entries_are_found(db_session):
    entries = append(db_session, 4)
    swap(db_session, entries[1].seq, entries[2].seq)
    found = messages(db_session)
    assert f"entry {entries[2].seq}: entry {entries[1].seq} is missing before it" in found
    assert f"entry {entries[1].seq}: it is out of order: entry {entries[3].seq} was expected here" in found
    assert sum("does not match its hash" in message for message in found) == 2


def test_a_gap_in_the_numbers_is_found(db_session):
    entries = append(db_session, 3)
    renumber(db_session, entries[-1].seq, entries[-1].seq + 5)
    found = messages(db_session)
    seq = entries[-1].seq
    assert f"entry {seq + 5}: entries {seq}–{seq + 4} are missing before it" in found
    assert any(message.startswith("head:") for message in found)


def test_a_head_that_does_not_match_the_last_entry_is_found(db_session):
    append(db_session, 2)
    rewind_head(db_session)
    seq = last_seq(db_session)
    assert messages(db_session) == [f"head: it names entry {seq} as the last, but the log ends at entry {seq + 1}: entries were removed or changed"]


def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_link_after_it(db_session):
    from sqlalchemy import update

    entries = append(db_session, 3)
    forged = {"title": "forged"}
    middle = entries[1]
    middle_forged = AuditEntry(**{column: getattr(middle, column) for column in ("seq", "at", "actor_id", "learner_id", "entity", "entity_id", "action", "before", "prev_hash")}, after=forged)
    table = AuditEntry.__table__
    db_session.execute(update(table).where(table.c.seq == middle.seq).values(after=forged, hash=entry_hash(middle_forged)))
    assert messages(db_session) == [f"entry {entries[2].seq}: it does not chain onto the entry before it: that entry was changed or replaced"]


def test_the_orm_refuses_to_change_or_delete_an_entry(db_session):
    (entry,) = append(db_session, 1)
    entry.after = {"title": "forged"}
    with pytest.raises(AppendOnly):
        db_session.flush()
    db_session.rollback()
    (entry,) = append(db_session, 1)
    db_session.delete(entry)
    with pytest.raises(AppendOnly):
        db_session.flush()


def test_broken_links_names_the_altered_entries_of_a_page(db_session):
    entries = append(db_session, 4)
    change_after(db_session, entries[1].seq)
    db_session.expire_all()
    page = [db_session.get(AuditEntry, entry.id) for entry in entries]
    assert broken_links(db_session, page) == {entries[1].seq}
    assert broken_links(db_session, [page[0], page[2], page[3]]) == set()

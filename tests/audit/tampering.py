"""Entries written through record(), and the ways someone with database access might alter them."""
from sqlalchemy import delete, select, update

from assessor.audit.models import AuditEntry, AuditHead
from assessor.audit.services import chain_pending, record

LOG = AuditEntry.__table__
HEAD = AuditHead.__table__


def append(session, count: int, *, actor=None, learner_id=None, entity="evidence", action="updated") -> list[AuditEntry]:
    """`count` entries on top of whatever the log holds, flushed."""
    entries = [
        record(session, actor, action, entity, n, learner_id=learner_id, before={"title": f"v{n}"}, after={"title": f"v{n + 1}"})
        for n in range(count)
    ]
    chain_pending(session)
    return entries


def change_after(session, seq: int) -> None:
    session.execute(update(LOG).where(LOG.c.seq == seq).values(after={"title": "forged"}))


def remove(session, seq: int) -> None:
    session.execute(delete(LOG).where(LOG.c.seq == seq))


def swap(session, first: int, second: int) -> None:
    """Exchange two entries' places in the sequence (through a spare number: seq is unique)."""
    spare = -first
    session.execute(update(LOG).where(LOG.c.seq == first).values(seq=spare))
    session.execute(update(LOG).where(LOG.c.seq == second).values(seq=first))
    session.execute(update(LOG).where(LOG.c.seq == spare).values(seq=second))


def renumber(session, seq: int, new_seq: int) -> None:
    session.execute(update(LOG).where(LOG.c.seq == seq).values(seq=new_seq))


def rewind_head(session) -> None:
    session.execute(update(HEAD).where(HEAD.c.id == 1).values(seq=HEAD.c.seq - 1))


def last_seq(session) -> int:
    return session.scalar(select(HEAD.c.seq).where(HEAD.c.id == 1))

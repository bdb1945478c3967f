"""SQLite that holds under several workers: WAL, a busy timeout, and write locks taken when they can be waited for.

SQLite has one writer at a time. A transaction that reads and then writes must upgrade its lock,
and SQLite refuses that upgrade at once ("database is locked", no waiting) when another connection
holds the lock or has written since the read began. So a transaction that may write begins
IMMEDIATE: it takes the write lock at BEGIN, queueing for it up to the busy timeout. Requests with
a safe method (GET, HEAD), and long readings outside requests marked with `reading()` (PDF
rendering in the export worker, `audit verify`), begin deferred, so they read side by side without
holding the lock (WAL lets readers go on while one writes); should such a transaction write after
all, its reading is committed and a new IMMEDIATE transaction begun just before the first write
(what PostgreSQL's READ COMMITTED gives).
"""
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

#: how long a connection waits for another's write lock before "database is locked"
BUSY_TIMEOUT_MS = 30_000
PRAGMAS = ("foreign_keys=ON", "journal_mode=WAL", f"busy_timeout={BUSY_TIMEOUT_MS}")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READING = "sqlite_reading"
_marked_reading: ContextVar[bool] = ContextVar("sqlite_marked_reading", default=False)


@contextmanager
def reading() -> Iterator[None]:
    """Transactions begun inside (in this thread) do not take the write lock until they write."""
    token = _marked_reading.set(True)
    try:
        yield
    finally:
        _marked_reading.reset(token)


def configure(engine: Engine) -> None:
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "before_cursor_execute", _before_write)
    event.listen(engine, "savepoint", _before_savepoint)


def _on_connect(dbapi_connection, _record) -> None:
    """Transactions left to SQLAlchemy (pysqlite's own handling off), so savepoints and DDL work as on PostgreSQL."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _reading_request() -> bool:
    return has_request_context() and request.method in SAFE_METHODS


def _on_begin(connection) -> None:
    deferred = _marked_reading.get() or _reading_request()
    connection.info[READING] = deferred
    connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")


def _before_write(connection, _cursor, _statement, _parameters, context, _executemany) -> None:
    if context is not None and (context.isinsert or context.isupdate or context.isdelete):
        _take_write_lock(connection)


def _before_savepoint(connection, _name) -> None:
    """A savepoint is opened to write in; past it the read cannot be ended, so the lock is taken here."""
    _take_write_lock(connection)


def _take_write_lock(connection) -> None:
    """In a reading transaction: end the read and begin again IMMEDIATE, waiting for the write lock."""
    if not connection.info.get(READING):
        return
    connection.info[READING] = False
    if not connection.in_nested_transaction():
        dbapi_connection = connection.connection.dbapi_connection
        dbapi_connection.execute("COMMIT")
        dbapi_connection.execute("BEGIN IMMEDIATE")

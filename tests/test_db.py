"""SQLite that holds: WAL, a busy timeout, and write locks taken at BEGIN (or before a safe request's first write).

The concurrent tests read before they write in each transaction (the shape of a sign-in or a new
evidence item), which is what a deferred SQLite transaction cannot do under contention: the lock
upgrade fails at once with "database is locked". The control runs prove the workload provokes it.
"""
import threading
from contextlib import nullcontext
import time

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from assessor import create_app, sqlite_setup
from assessor.accounts.models import User
from assessor.audit.services import record, verify_chain
from assessor.db import make_engine

from .audit.test_concurrency import throwaway_url  # noqa: F401  (a fixture: a fresh, migrated database)

WRITERS = 4
EACH = 15


def _sqlite_only(url: str) -> None:
    if not url.startswith("sqlite"):
        pytest.skip("SQLite settings")


def test_pragmas_are_in_force(engine, database_url):
    _sqlite_only(database_url)
    with engine.connect() as connection:
        read = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "busy_timeout", "foreign_keys")}
    assert read == {"journal_mode": "wal", "busy_timeout": sqlite_setup.BUSY_TIMEOUT_MS, "foreign_keys": 1}


def _first_statement(engine, method: str | None) -> str:
    statements = []

    def note(_connection, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        with _request(method), Session(engine) as session:
            session.execute(select(func.count()).select_from(User))
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return statements[0]


def _app():
    """An app only for its request contexts: the engines under test are built by each test."""
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": "sqlite://"})


def _request(method: str | None):
    if method == "marked reading":
        return sqlite_setup.reading()
    return _app().test_request_context(method=method) if method else nullcontext()


@pytest.mark.parametrize(("method", "begin"), [(None, "BEGIN IMMEDIATE"), ("POST", "BEGIN IMMEDIATE"), ("GET", "BEGIN"), ("marked reading", "BEGIN")])
def test_transactions_that_may_write_begin_immediate(engine, database_url, method, begin):
    _sqlite_only(database_url)
    assert _first_statement(engine, method) == begin


def _read_then_write(engine, label: str, start: threading.Barrier, errors: list) -> None:
    try:
        start.wait(timeout=30)
        for number in range(EACH):
            with Session(engine) as session:
                people = session.scalar(select(func.count()).select_from(User))
                time.sleep(0.002)
                record(session, None, "updated", "test", number, after={"writer": label, "people": people})
                session.commit()
    except OperationalError as error:  # reported by the test
        errors.append(error)


def _run_writers(engine) -> list:
    start, errors = threading.Barrier(WRITERS), []
    threads = [threading.Thread(target=_read_then_write, args=(engine, f"w{n}", start, errors)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_concurrent_readers_then_writers_all_commit_and_chain(throwaway_url):  # noqa: F811
    engine = make_engine(throwaway_url)
    try:
        assert _run_writers(engine) == []
        with Session(engine) as session:
            assert verify_chain(session) == (WRITERS * EACH, [])
    finally:
        engine.dispose()


def test_deferred_transactions_would_fail_the_same_workload(throwaway_url):  # noqa: F811
    """The control: with a plain BEGIN, as before, the same threads meet "database is locked"."""
    _sqlite_only(throwaway_url)
    engine = make_engine(throwaway_url)
    event.remove(engine, "begin", sqlite_setup._on_begin)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    try:
        errors = _run_writers(engine)
        assert errors and all("database is locked" in str(error) for error in errors)
    finally:
        engine.dispose()


def _get_request_writer(engine, request_context, start: threading.Barrier, errors: list) -> None:
    """As a GET that writes after all (a "last seen", say): read in a deferred transaction, then write."""
    try:
        start.wait(timeout=30)
        with request_context:
            for number in range(EACH):
                with Session(engine) as session:
                    session.scalar(select(func.count()).select_from(User))
                    time.sleep(0.002)
                    record(session, None, "viewed", "test", number)
                    session.commit()
    except OperationalError as error:
        errors.append(error)


def _run_get_writers(engine, app) -> list:
    start, errors = threading.Barrier(WRITERS), []
    contexts = [app.test_request_context(method="GET") for _ in range(WRITERS)]
    threads = [threading.Thread(target=_get_request_writer, args=(engine, context, start, errors)) for context in contexts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_a_safe_request_that_writes_takes_the_lock_before_its_first_write(throwaway_url):  # noqa: F811
    _sqlite_only(throwaway_url)
    engine = make_engine(throwaway_url)
    try:
        assert _run_get_writers(engine, _app()) == []
        with Session(engine) as session:
            assert verify_chain(session) == (WRITERS * EACH, [])
    finally:
        engine.dispose()


def test_without_the_upgrade_a_safe_request_that_writes_would_fail(throwaway_url):  # noqa: F811
    _sqlite_only(throwaway_url)
    engine = make_engine(throwaway_url)
    event.remove(engine, "before_cursor_execute", sqlite_setup._before_write)
    event.remove(engine, "savepoint", sqlite_setup._before_savepoint)
    try:
        errors = _run_get_writers(engine, _app())
        assert errors and all("database is locked" in str(error) for error in errors)
    finally:
        engine.dispose()

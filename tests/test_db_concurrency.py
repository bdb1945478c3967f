"""Concurrent transactions that read, then write (the shape of a sign-in or a new evidence item) all commit on SQLite.

A deferred SQLite transaction cannot do this under contention: its lock upgrade fails at once with
"database is locked". The control runs switch this branch's handling off and must meet that error,
which proves the workload provokes it. On PostgreSQL the workload runs as it is, without controls.
"""
import threading
import time
from contextlib import nullcontext

from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from assessor import sqlite_setup
from assessor.accounts.models import User
from assessor.audit.services import record, verify_chain
from assessor.db import make_engine

from .audit.test_concurrency import throwaway_url  # noqa: F401  (a fixture: a fresh, migrated database)
from .test_db import request_app, sqlite_only

WRITERS = 4
EACH = 15


def _writer(engine, context, label: str, start: threading.Barrier, errors: list) -> None:
    """Read, pause, then note an audit entry (chaining it updates the head row) and commit, EACH times."""
    try:
        start.wait(timeout=30)
        with context:
            for number in range(EACH):
                with Session(engine) as session:
                    people = session.scalar(select(func.count()).select_from(User))
                    time.sleep(0.002)
                    record(session, None, "updated", "test", number, after={"writer": label, "people": people})
                    session.commit()
    except OperationalError as error:  # reported by the test
        errors.append(error)


def run_writers(engine, contexts) -> list:
    start, errors = threading.Barrier(WRITERS), []
    threads = [threading.Thread(target=_writer, args=(engine, context, f"w{n}", start, errors)) for n, context in enumerate(contexts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def outside_requests():
    return [nullcontext() for _ in range(WRITERS)]


def in_get_requests():
    """As GET requests that write after all (a "last seen", say): they read in a deferred transaction."""
    app = request_app()
    return [app.test_request_context(method="GET") for _ in range(WRITERS)]


def test_concurrent_read_then_write_transactions_all_commit_and_chain(throwaway_url):  # noqa: F811
    engine = make_engine(throwaway_url)
    try:
        assert run_writers(engine, outside_requests()) == []
        with Session(engine) as session:
            assert verify_chain(session) == (WRITERS * EACH, [])
    finally:
        engine.dispose()


def test_control_deferred_transactions_fail_the_same_workload(throwaway_url):  # noqa: F811
    """With a plain BEGIN, as before this change, the same threads meet "database is locked"."""
    sqlite_only(throwaway_url)
    engine = make_engine(throwaway_url)
    event.remove(engine, "begin", sqlite_setup._on_begin)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    try:
        errors = run_writers(engine, outside_requests())
        assert errors and all("database is locked" in str(error) for error in errors)
    finally:
        engine.dispose()


def test_safe_requests_that_write_take_the_lock_before_their_first_write(throwaway_url):  # noqa: F811
    sqlite_only(throwaway_url)
    engine = make_engine(throwaway_url)
    try:
        assert run_writers(engine, in_get_requests()) == []
        with Session(engine) as session:
            assert verify_chain(session) == (WRITERS * EACH, [])
    finally:
        engine.dispose()


def test_control_without_the_upgrade_safe_requests_that_write_fail(throwaway_url):  # noqa: F811
    sqlite_only(throwaway_url)
    engine = make_engine(throwaway_url)
    event.remove(engine, "before_cursor_execute", sqlite_setup._before_write)
    event.remove(engine, "savepoint", sqlite_setup._before_savepoint)
    try:
        errors = run_writers(engine, in_get_requests())
        assert errors and all("database is locked" in str(error) for error in errors)
    finally:
        engine.dispose()

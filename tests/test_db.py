"""SQLite that holds: WAL and a busy timeout in force, and which transactions begin IMMEDIATE (tests/test_db_concurrency.py: under load)."""
from contextlib import nullcontext

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from assessor import create_app, sqlite_setup
from assessor.accounts.models import User


@pytest.fixture(autouse=True)
def no_open_world(module_worlds):
    """These tests open their own connections: the previous module's world must not hold SQLite's write lock."""
    module_worlds.close()


def sqlite_only(url: str) -> None:
    if not url.startswith("sqlite"):
        pytest.skip("SQLite settings")


def test_pragmas_are_in_force(engine, database_url):
    sqlite_only(database_url)
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


def request_app():
    """An app only for its request contexts: the engines under test are built by each test."""
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": "sqlite://"})


def _request(method: str | None):
    if method == "marked reading":
        return sqlite_setup.reading()
    return request_app().test_request_context(method=method) if method else nullcontext()


BEGINS = [(None, "BEGIN IMMEDIATE"), ("POST", "BEGIN IMMEDIATE"), ("GET", "BEGIN"), ("HEAD", "BEGIN"), ("marked reading", "BEGIN")]


@pytest.mark.parametrize(("method", "begin"), BEGINS)
def test_transactions_that_may_write_begin_immediate(engine, database_url, method, begin):
    sqlite_only(database_url)
    assert _first_statement(engine, method) == begin

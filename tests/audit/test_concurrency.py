"""Two writers appending at once, each on its own connection and committing for real, keep one unbroken chain.

The rolled-back test transaction cannot show this, so the test makes a throwaway database of the
same kind as the suite's (an SQLite file, or a PostgreSQL database with a unique name), migrates
it, and removes it afterwards.
"""
import threading
import time
import uuid

import pytest
from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from assessor.audit.models import AuditEntry
from assessor.audit.services import record, verify_chain
from assessor.db import make_engine
from assessor.dbcli import upgrade_database

WRITERS = 2
EACH = 50


@pytest.fixture
def throwaway_url(database_url, tmp_path):
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        fresh = f"sqlite:///{tmp_path / 'chain.sqlite3'}"
        upgrade_database(fresh)
        yield fresh
    elif url.get_backend_name() == "postgresql":
        yield from _postgres_database(url)
    else:
        pytest.skip(f"no throwaway database for {url.get_backend_name()}")


def _postgres_database(url):
    name = f"assessor_audit_{uuid.uuid4().hex[:12]}"
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        fresh = url.set(database=name).render_as_string(hide_password=False)
        upgrade_database(fresh)
        yield fresh
    finally:
        with server.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()


def _engine(url: str):
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA busy_timeout = 30000"))
    return engine


def _writer(engine, label: str, start: threading.Barrier, errors: list) -> None:
    try:
        start.wait(timeout=30)
        for number in range(EACH):
            with Session(engine) as session:
                record(session, None, "updated", "test", number, after={"writer": label, "n": number})
                time.sleep(0.001)
                session.commit()
    except Exception as error:  # reported by the test below
        errors.append(error)


def test_concurrent_writers_keep_the_chain_intact(throwaway_url):
    engine = _engine(throwaway_url)
    try:
        start, errors = threading.Barrier(WRITERS), []
        threads = [threading.Thread(target=_writer, args=(engine, f"w{n}", start, errors)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors, errors
        with Session(engine) as session:
            assert verify_chain(session) == (WRITERS * EACH, [])
            entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        assert [entry.seq for entry in entries] == list(range(1, WRITERS * EACH + 1))
        assert {entry.after["writer"] for entry in entries} == {f"w{n}" for n in range(WRITERS)}
    finally:
        engine.dispose()

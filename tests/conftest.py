"""Fixtures: the schema built once by the migrations, every test inside a rolled-back transaction."""
import os
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from assessor import create_app
from assessor.db import make_engine
from assessor.dbcli import upgrade_database
from assessor.translations.compile import compile_stale

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "standards" / "sources"


def pytest_sessionstart(session):
    """Plain `pytest` needs no ./dev step first: the Welsh catalogue is compiled here when stale."""
    compile_stale()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """DATABASE_URL when set (CI's PostgreSQL pass), else a fresh SQLite file."""
    url = os.environ.get("DATABASE_URL") or "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    upgrade_database(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(engine):
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture(scope="session")
def storage_root(tmp_path_factory) -> Path:
    """The uploads folder of every test app (files are content-addressed, so tests can share it)."""
    return tmp_path_factory.mktemp("storage")


@pytest.fixture
def app(database_url, db_session, storage_root):
    config = {"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret", "STORAGE_DIR": str(storage_root),
              "REDIS_URL": None}
    app = create_app(config)
    app.extensions["db_sessionmaker"] = lambda: db_session
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture
def world(db_session, storage_root):
    """Two providers, each with an administrator, assessor, IQA, learners, a cohort and a portfolio; committed."""
    from .factories import build_world

    built = build_world(db_session, storage_root)
    db_session.commit()
    return built

"""What the benchmarks share: a database to work in, an app bound to it, timing and statement counting."""
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assessor import create_app  # noqa: E402
from assessor.db import make_engine  # noqa: E402
from assessor.dbcli import upgrade_database  # noqa: E402


@contextmanager
def scratch_database(base_url: str | None):
    """A fresh, migrated database: a temporary SQLite file, or a throwaway database on the PostgreSQL server of `base_url`."""
    if not base_url or base_url.startswith("sqlite"):
        folder = tempfile.mkdtemp(prefix="assessor-bench-")
        url = f"sqlite:///{folder}/bench.sqlite3"
        upgrade_database(url)
        yield url
        return
    name = f"assessor_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(base_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade_database(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def bench_app(url: str, storage: str | None = None):
    config = {"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "bench", "STORAGE_DIR": storage or tempfile.mkdtemp(prefix="assessor-storage-")}
    return create_app(config)


def engine_for(url: str) -> Engine:
    return make_engine(url)


class StatementCounter:
    """Counts the SQL statements run on an engine while active."""

    def __init__(self, engine: Engine):
        self.engine, self.count = engine, 0

    def _count(self, *_args) -> None:
        self.count += 1

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._count)


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def database_kind(url: str) -> str:
    return "postgresql" if url.startswith("postgresql") else "sqlite"


def default_url() -> str | None:
    return os.environ.get("DATABASE_URL")

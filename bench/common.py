"""What the benchmarks share: a database to work in, an app bound to it, timing and statement counting."""
import json
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
        with tempfile.TemporaryDirectory(prefix="assessor-bench-") as folder:
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
    """Counts the SQL statements run on an engine while active, and the seconds they took (cursor execution only)."""

    def __init__(self, engine: Engine):
        self.engine, self.count, self.seconds, self._started = engine, 0, 0.0, 0.0

    def _count(self, *_args) -> None:
        self.count += 1
        self._started = time.perf_counter()

    def _finished(self, *_args) -> None:
        self.seconds += time.perf_counter() - self._started

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._count)
        event.listen(self.engine, "after_cursor_execute", self._finished)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._count)
        event.remove(self.engine, "after_cursor_execute", self._finished)


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


def signed_in_client(app, user_id: int):
    """A test client signed in as the user with a server-side session, as tests/factories.login_as does (no password form)."""
    from assessor.accounts.lifetimes import Device, Lifetimes
    from assessor.accounts.models import User
    from assessor.accounts.sessions import start_session

    client = app.test_client()
    with app.app_context():
        db = app.extensions["db_sessionmaker"]()
        token = start_session(db, db.get(User, user_id), Lifetimes.from_config(app.config), Device("bench"))
        db.commit()
        db.close()
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True
    return client


def fetcher(client, path: str) -> Callable[[], object]:
    """A GET of `path` by `client` that stops the benchmark on any answer but 200."""

    def fetch():
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        return response

    return fetch


def counted(app, fetch: Callable[[], object]) -> dict:
    """The SQL statements of one request (after a warm-up one), the seconds spent executing them, and the answer's size."""
    fetch()
    with StatementCounter(app.extensions["db_engine"]) as counter:
        size = len(fetch().data)
    return {"statements": counter.count, "sql_seconds": round(counter.seconds, 4), "bytes": size}


def interleaved_medians(actions: list[Callable[[], object]], repeat: int) -> list[float]:
    """The median seconds of each action, run in turn (order reversed every round) so a change of machine load hits all alike."""
    timings = [[] for _ in actions]
    for round_number in range(repeat):
        order = list(enumerate(actions))
        for index, action in order if round_number % 2 == 0 else reversed(order):
            start = time.perf_counter()
            action()
            timings[index].append(time.perf_counter() - start)
    return [statistics.median(values) for values in timings]


def compared(app, small: Callable[[], object], large: Callable[[], object], repeat: int) -> dict:
    """One request at two sizes: statements of each, median seconds of each (interleaved) and the time ratio."""
    figures = [counted(app, small), counted(app, large)]
    medians = interleaved_medians([small, large], repeat)
    return {
        "statements": [figure["statements"] for figure in figures],
        "sql_seconds": [figure["sql_seconds"] for figure in figures],
        "bytes": [figure["bytes"] for figure in figures],
        "median_seconds": [round(value, 4) for value in medians],
        "same_statement_count": figures[0]["statements"] == figures[1]["statements"],
        "time_ratio": round(medians[1] / medians[0], 3),
    }


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def add_database_option(options) -> None:
    options.add_argument("--database", default=default_url(), help="a PostgreSQL URL (or DATABASE_URL); default a temporary SQLite file")


def print_summary(base_url: str | None, measure: Callable[[str], dict]) -> None:
    """Run `measure` on a scratch database and print its summary as JSON."""
    with scratch_database(base_url) as url:
        print(json.dumps(measure(url), indent=2))

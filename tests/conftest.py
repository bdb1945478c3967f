"""Fixtures: the schema and the app built once per worker, the world once per module, every test rolled back."""
import os
from pathlib import Path

import pytest

from assessor import create_app
from assessor.accounts import services, throttle
from assessor.db import make_engine
from assessor.dbcli import upgrade_database
from assessor.translations.compile import compile_stale

from .databases import drop_worker_database, worker_database
from .factories import CHEAP_HASH
from .transactions import ModuleWorlds, group_world_tests, module_of, open_session

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "standards" / "sources"
#: idle task workers look for work every 50 ms (production: 1 s), so starting, retrying and stopping one takes no seconds;
#: set in the environment, so the worker processes and the browser tests' server have it too
os.environ.setdefault("TASK_POLL_SECONDS", "0.05")


#: modules that use no database at all: .ci/run runs them in its SQLite pass only (docs/performance.md)
NO_DATABASE = {"tests/standards/test_shipped.py", "tests/standards/test_parser_swallowing.py",
               "tests/standards/test_parser_fuzz.py", "tests/standards/test_parse_cli.py", "tests/test_translations.py",
               "tests/test_layers.py"}


def pytest_collection_modifyitems(items):
    group_world_tests(items)
    for item in items:
        if module_of(item) in NO_DATABASE:
            if "database_url" in item.fixturenames:
                raise pytest.UsageError(f"{item.nodeid} uses the test database: its module cannot be in NO_DATABASE")
            item.add_marker(pytest.mark.no_database)


def pytest_sessionstart(session):
    """Plain `pytest` needs no ./dev step first: the Welsh catalogue is compiled here when stale."""
    compile_stale()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """A fresh database of this worker's own, migrated: a SQLite file, or one made beside DATABASE_URL's."""
    given = os.environ.get("DATABASE_URL")
    url = worker_database(given) if given else "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    upgrade_database(url)
    yield url
    if given and url != given:
        drop_worker_database(url)


@pytest.fixture(scope="session")
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def module_worlds(engine, storage_root):
    worlds = ModuleWorlds(engine, storage_root)
    yield worlds
    worlds.close()


@pytest.fixture
def db_session(request, module_worlds):
    """This test's session; a test using `world` shares its module's transaction, rolled back to a savepoint."""
    wants_world = "world" in request.fixturenames
    connection = module_worlds.connection_for(module_of(request), wants_world)
    transaction = connection.begin_nested() if wants_world else connection.begin()
    session = open_session(connection)
    yield session
    session.close()
    if transaction.is_active:
        transaction.rollback()
    if not wants_world:
        connection.close()


@pytest.fixture(scope="session")
def storage_root(tmp_path_factory) -> Path:
    """The uploads folder of every test app (files are content-addressed, so tests can share it)."""
    return tmp_path_factory.mktemp("storage")


def app_config(database_url: str, storage_root: Path) -> dict:
    """The configuration of the session's app; a test building its own app can start from it.

    Sign-ins from an address with many failures are held back at most 10 ms (production: 3 s): the delays are
    tested on a throttle of their own (tests/accounts/test_throttle.py).
    """
    return {"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret", "STORAGE_DIR": str(storage_root),
            "REDIS_URL": None, "SIGN_IN_MAX_DELAY": 0.01}


@pytest.fixture(scope="session", autouse=True)
def cheap_unknown_email_check():
    """A sign-in with an unknown email checks the password against a dummy hash, so it takes as long as a known one;
    the tests' people have a cheap hash (factories), so the dummy gets one too (scrypt: ~60 ms a sign-in)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "_DUMMY_HASH", CHEAP_HASH)
        yield


@pytest.fixture(scope="session")
def session_app(database_url, storage_root):
    """The app, built once per session (per xdist worker); tests get it through `app`."""
    return create_app(app_config(database_url, storage_root))


@pytest.fixture
def app(session_app, db_session):
    """The session's app on this test's session, with fresh sign-in counts; config and extensions restored after.

    A test may change `app.config` freely (e.g. WTF_CSRF_ENABLED); a test that needs settings read only
    when the app is built builds its own with `create_app(config)`.
    """
    config, extensions = dict(session_app.config), dict(session_app.extensions)
    throttle.init_app(session_app)
    _empty_the_queues(session_app)
    session_app.extensions["db_sessionmaker"] = lambda: db_session
    yield session_app
    session_app.config.clear()
    session_app.config.update(config)
    session_app.extensions.clear()
    session_app.extensions.update(extensions)


def _empty_the_queues(app) -> None:
    """Each test starts with nothing queued on the in-memory broker (earlier tests' messages are dropped)."""
    broker = app.extensions.get("task_broker")
    if hasattr(broker, "flush_all"):
        broker.flush_all()


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
def world(db_session, module_worlds):
    """Two providers, each with an administrator, assessor, IQA, learners, a cohort and a portfolio; committed.

    Built once per module; each test gets the objects in its own session and its changes are rolled back.
    """
    return module_worlds.copy_into(db_session)

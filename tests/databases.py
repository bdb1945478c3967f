"""A database per xdist worker on PostgreSQL: assessor_test becomes assessor_test_gw0, assessor_test_gw1..."""
import os

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def worker_database(url: str) -> str:
    """The worker's own fresh database beside the one `url` names; `url` itself when not under xdist."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    parsed = make_url(url)
    if not worker or parsed.get_backend_name() != "postgresql":
        return url
    mine = parsed.set(database=f"{parsed.database}_{worker}")
    administer(mine, f'DROP DATABASE IF EXISTS "{mine.database}" WITH (FORCE)', f'CREATE DATABASE "{mine.database}"')
    return mine.render_as_string(hide_password=False)


def drop_worker_database(url: str) -> None:
    parsed = make_url(url)
    administer(parsed, f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')


def administer(url, *statements: str) -> None:
    """Run statements on the server's `postgres` database, outside a transaction (as CREATE DATABASE must be)."""
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        server.dispose()

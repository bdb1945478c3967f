"""`assessor db upgrade|current`: the schema is made and changed by Alembic migrations only."""
import os

import click
from alembic import command
from alembic.config import Config
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import event
from sqlalchemy.engine import make_url

from .config import PROJECT_ROOT
from .db import make_engine


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade_database(database_url: str, revision: str = "head") -> None:
    """Run the migrations on the app's own engine settings (SQLite pragmas included)."""
    _migrate(database_url, command.upgrade, revision)


def downgrade_database(database_url: str, revision: str) -> None:
    _migrate(database_url, command.downgrade, revision)


def _migrate(database_url: str, step, revision: str) -> None:
    """One transaction; on SQLite with foreign keys off while batch mode rebuilds tables, checked before commit."""
    config = alembic_config(database_url)
    engine = make_engine(database_url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _foreign_keys_off)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            step(config, revision)
            if engine.dialect.name == "sqlite" and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise RuntimeError("the migration left rows whose foreign keys point nowhere: nothing was changed")
    finally:
        engine.dispose()


def _foreign_keys_off(dbapi_connection, _record) -> None:
    """The SQLite way to rebuild a table that others refer to (https://sqlite.org/lang_altertable.html)."""
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")


@click.group("db")
def db_group() -> None:
    """Create or upgrade the database schema."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def upgrade(revision: str) -> None:
    """Create the schema or bring it up to REVISION (default: the newest)."""
    url = current_app.config["DATABASE_URL"]
    os.makedirs(current_app.instance_path, exist_ok=True)
    upgrade_database(url, revision)
    click.echo(f"database at {revision}: {_safe(url)}")


@db_group.command("current")
@with_appcontext
def current() -> None:
    """Show the schema revision the database is at."""
    command.current(alembic_config(current_app.config["DATABASE_URL"]))


def _safe(url: str) -> str:
    """The URL without its password, for printing."""
    return make_url(url).render_as_string(hide_password=True)

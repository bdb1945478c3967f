"""What a restore may fill: a database with no rows (no tables, or the archive's schema) and an empty storage folder."""
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Connection, Engine

from ..audit.models import GENESIS_HASH
from .snapshot import data_tables, schema_revision

#: the one row the migrations write: the audit chain's head before any entry
GENESIS_HEAD = {"id": 1, "seq": 0, "hash": GENESIS_HASH}
HEAD_TABLE = "audit_head"


def storage_problems(storage: Path) -> list[str]:
    """Why the storage folder cannot be filled: any file in it (an empty `tmp` folder is fine)."""
    if not storage.exists():
        return []
    files = [path for path in storage.rglob("*") if not path.is_dir()]
    return [f"the storage folder {storage} is not empty: it holds {len(files)} file(s), e.g. {files[0]}"] if files else []


def database_problems(engine: Engine, revision: str) -> list[str]:
    """Why the database cannot be filled: rows in any table, or a schema at another revision than the archive's."""
    with engine.connect() as connection:
        if not inspect(connection).get_table_names():
            return []
        found = schema_revision(connection) if inspect(connection).has_table("alembic_version") else None
        if found != revision:
            return [f"the database's schema is at revision {found}, the archive's at {revision}: restore into a database "
                    f"with no tables, or one made with `assessor db upgrade {revision}`"]
        filled = _filled_tables(connection)
        listed = ", ".join(f"{name} {rows}" for name, rows in filled)
        return [f"the database is not empty: {len(filled)} table(s) have rows ({listed})"] if filled else []


def _filled_tables(connection: Connection) -> list[tuple[str, int]]:
    filled = []
    for table in data_tables(connection):
        rows = connection.execute(select(func.count()).select_from(table)).scalar()
        if rows and not (table.name == HEAD_TABLE and _only_genesis(connection, table)):
            filled.append((table.name, rows))
    return filled


def _only_genesis(connection: Connection, table) -> bool:
    return [dict(row) for row in connection.execute(select(table)).mappings()] == [GENESIS_HEAD]

"""Reading every table inside one snapshot transaction, in dependency order, as gzipped JSON lines."""
import gzip
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import MetaData, Table, select, text
from sqlalchemy.engine import Connection, Engine

from ..db import reading
from .archive import FILE_COLUMN, FILE_TABLES, TableEntry, encode_row, sha256_of

#: Alembic's own table: its revision goes in the manifest, not in the rows
ALEMBIC_TABLE = "alembic_version"
BATCH = 1000


@contextmanager
def snapshot(engine: Engine):
    """A connection in a transaction that sees one moment of the database: REPEATABLE READ on PostgreSQL.

    SQLite's read transaction is a snapshot already (in WAL mode writers go on): begun as a reading,
    it does not take the write lock that commands' transactions take at BEGIN.
    """
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with reading(), connection.begin():
            yield connection


def schema_revision(connection: Connection) -> str | None:
    return connection.execute(text(f"SELECT version_num FROM {ALEMBIC_TABLE}")).scalar()


def data_tables(connection: Connection) -> list[Table]:
    """The database's own tables (as it is, not as this code expects), parents before children."""
    metadata = MetaData()
    metadata.reflect(connection)
    return [table for table in metadata.sorted_tables if table.name != ALEMBIC_TABLE]


def ordered(table: Table):
    keys = list(table.primary_key.columns) or list(table.columns)
    return select(table).order_by(*keys)


def dump_table(connection: Connection, table: Table, folder: Path, referenced: set[str]) -> tuple[Path, TableEntry]:
    """Write the table's rows to a gzipped JSON-lines file; note the stored files the rows name."""
    path = Path(tempfile.mkstemp(dir=folder, suffix=".jsonl.gz")[1])
    rows = 0
    with gzip.open(path, "wb", compresslevel=6) as out:
        result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(ordered(table))
        for row in result.mappings():
            out.write(encode_row(dict(row)))
            rows += 1
            if table.name in FILE_TABLES:
                referenced.add(row[FILE_COLUMN])
    with path.open("rb") as handle:
        sha256, _size = sha256_of(handle)
    return path, TableEntry(table.name, rows, sha256)


def dump_database(connection: Connection, folder: Path, say: Callable[[str], None]):
    """(revision, dialect, [(dump file, entry)], referenced sha256s) for the whole database, as of the snapshot."""
    revision = schema_revision(connection)
    referenced: set[str] = set()
    dumps = []
    for table in data_tables(connection):
        dumps.append(dump_table(connection, table, folder, referenced))
        say(f"table {table.name}: {dumps[-1][1].rows} rows")
    return revision, connection.dialect.name, dumps, referenced

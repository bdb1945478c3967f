"""Inserting the archived rows as they were (ids kept, through Core, so the audit log's mapper events never fire)."""
import gzip
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Date, DateTime, MetaData, Table, delete, func, select, text
from sqlalchemy.engine import Connection, Engine

from .archive import BackupError, table_member
from .manifest import open_archive
from .snapshot import ALEMBIC_TABLE
from .target import HEAD_TABLE

BATCH = 1000


def insert_tables(engine: Engine, path: Path, tables: list[dict], say: Callable[[str], None]) -> None:
    """Every table's rows, parents first, in one transaction: all of them are committed or none."""
    with engine.begin() as connection, open_archive(path) as archive:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        metadata = MetaData()
        metadata.reflect(connection)
        _check_tables_match(metadata, tables)
        connection.execute(delete(metadata.tables[HEAD_TABLE]))
        for entry in tables:
            table = metadata.tables[entry["name"]]
            with gzip.open(archive.extractfile(table_member(entry["name"]))) as lines:
                _insert_lines(connection, table, lines)
            say(f"table {table.name}: {entry['rows']} rows restored")
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection, [metadata.tables[entry["name"]] for entry in tables])


def _check_tables_match(metadata: MetaData, tables: list[dict]) -> None:
    theirs = {entry["name"] for entry in tables}
    ours = set(metadata.tables) - {ALEMBIC_TABLE}
    if theirs != ours:
        raise BackupError([f"the archive's tables differ from the database's: {sorted(theirs ^ ours)}"])


def _insert_lines(connection: Connection, table: Table, lines) -> None:
    decoders = {column.name: _decoder(column.type) for column in table.columns}
    batch = []
    for line in lines:
        row = json.loads(line)
        if unknown := set(row) - set(decoders):
            raise BackupError([f"table {table.name} in the archive has columns the database lacks: {sorted(unknown)}"])
        batch.append({name: decoders[name](value) for name, value in row.items()})
        if len(batch) == BATCH:
            connection.execute(table.insert(), batch)
            batch = []
    if batch:
        connection.execute(table.insert(), batch)


def _decoder(column_type):
    if isinstance(column_type, DateTime):
        return lambda value: None if value is None else datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return lambda value: None if value is None else date.fromisoformat(value)
    return lambda value: value


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL hands out ids from sequences that inserting explicit ids did not move: move them past the ids restored."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(text("SELECT pg_get_serial_sequence(:table, :column)"),
                                          {"table": table.name, "column": column.name}).scalar()
            if sequence:
                highest = connection.execute(select(func.max(column))).scalar()
                connection.execute(text("SELECT setval(:sequence, :value, :called)"),
                                   {"sequence": sequence, "value": highest or 1, "called": highest is not None})

"""A damaged archive, or a target that is not empty, is refused with what is wrong, and nothing is written."""
import gzip
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import inspect

from assessor.backup.archive import BackupError, table_member
from assessor.backup.manifest import migrations
from assessor.backup import restore
from assessor.backup.restore import restore_backup
from assessor.backup.target import database_problems
from assessor.db import make_engine

from ..factories import store_test_file
from .damage import DAMAGE, members, with_manifest, write_tar
from .test_round_trip import all_rows


def assert_untouched(url: str, storage: Path, tables_expected=False) -> None:
    engine = make_engine(url)
    tables = inspect(engine).get_table_names()
    problems = database_problems(engine, migrations().get_current_head()) if tables else []
    engine.dispose()
    assert bool(tables) == tables_expected and not problems
    assert not storage.exists() or not [path for path in storage.rglob("*") if path.is_file()]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda damage: damage.__name__)
def test_a_damaged_archive_is_refused_and_nothing_is_written(source, databases, tmp_path, damage):
    url, storage = databases(tmp_path), tmp_path / "storage"
    with pytest.raises(BackupError) as refused:
        restore_backup(make_engine(url), storage, damage(source, tmp_path))
    assert DAMAGE[damage] in str(refused.value)
    assert_untouched(url, storage)


def test_rows_that_cannot_be_inserted_leave_no_row_and_no_file(source, databases, tmp_path):
    """A sound-looking archive whose rows break a constraint: the one transaction rolls back, the staged files go."""
    contents = members(source.archive)
    name = table_member("audit_log")
    lines = gzip.decompress(contents[name]).splitlines(keepends=True)
    contents[name] = gzip.compress(b"".join(lines + lines[:1]))

    def change(manifest):
        entry = next(table for table in manifest["tables"] if table["name"] == "audit_log")
        entry.update(rows=len(lines) + 1, sha256=hashlib.sha256(contents[name]).hexdigest())
    url, storage = databases(tmp_path), tmp_path / "storage"
    with pytest.raises(BackupError, match="the rows could not be inserted, and none were"):
        restore_backup(make_engine(url), storage, write_tar(tmp_path / "duplicate.tar", with_manifest(contents, change)))
    assert_untouched(url, storage, tables_expected=True)


def test_a_failure_while_staging_the_files_leaves_no_file(source, databases, tmp_path, monkeypatch):
    stage = restore._stage

    def stage_one_then_fail(archive, sha256, temp):
        if list(temp.parent.iterdir()):
            raise OSError("No space left on device")
        stage(archive, sha256, temp)
    monkeypatch.setattr(restore, "_stage", stage_one_then_fail)
    url, storage = databases(tmp_path), tmp_path / "storage"
    with pytest.raises(OSError, match="No space left"):
        restore_backup(make_engine(url), storage, source.archive)
    assert_untouched(url, storage)


def test_a_database_with_rows_is_refused_naming_them(source, databases, tmp_path):
    with pytest.raises(BackupError, match=r"the database is not empty: \d+ table\(s\) have rows \(.*users \d+"):
        restore_backup(make_engine(source.url), tmp_path / "storage", source.archive)
    assert not (tmp_path / "storage").exists()


def test_a_storage_folder_with_files_is_refused(source, databases, tmp_path):
    url, storage = databases(tmp_path), tmp_path / "storage"
    store_test_file(storage, b"left over")
    with pytest.raises(BackupError, match="the storage folder .* is not empty: it holds 1 file"):
        restore_backup(make_engine(url), storage, source.archive)
    engine = make_engine(url)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_a_schema_at_another_revision_is_refused(source, databases, tmp_path):
    url = databases(tmp_path, migrated=True)
    with pytest.raises(BackupError, match=f"the database's schema is at revision {migrations().get_current_head()}, the archive's at 0005"):
        restore_backup(make_engine(url), tmp_path / "storage", write_tar(
            tmp_path / "older.tar", with_manifest(members(source.archive), lambda m: m.update(schema_revision="0005"))))
    assert all(not rows for name, rows in all_rows(url).items() if name not in ("alembic_version", "audit_head"))

"""Backup then restore into a fresh database and storage folder: the same rows and files, a sound chain, a clean check."""
from pathlib import Path

from sqlalchemy import MetaData, select
from sqlalchemy.orm import Session

from assessor import create_app
from assessor.audit.cli import audit_group
from assessor.audit.services import record, verify_chain
from assessor.backup.restore import restore_backup
from assessor.db import make_engine
from assessor.evidence.file_check import check_command, inspect_storage


def all_rows(url: str) -> dict[str, list[dict]]:
    engine = make_engine(url)
    with engine.connect() as connection:
        metadata = MetaData()
        metadata.reflect(connection)
        rows = {name: [dict(row) for row in connection.execute(select(table).order_by(*table.primary_key.columns)).mappings()]
                for name, table in metadata.tables.items()}
    engine.dispose()
    return rows


def all_files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def restored(source, databases, tmp_path, migrated=False) -> tuple[str, Path]:
    url, storage = databases(tmp_path, migrated=migrated), tmp_path / "storage"
    engine = make_engine(url)
    restore_backup(engine, storage, source.archive)
    engine.dispose()
    return url, storage


def test_rows_and_files_come_back_identical(source, databases, tmp_path):
    url, storage = restored(source, databases, tmp_path)
    assert all_rows(url) == all_rows(source.url)
    assert all_files(storage) == {name: data for name, data in all_files(source.storage).items() if not name.startswith("tmp")}
    assert len(source.manifest["files"]) == 2
    assert {t["name"]: t["rows"] for t in source.manifest["tables"]}["audit_log"] == 3


def test_the_copy_passes_audit_verify_and_check(source, databases, tmp_path):
    url, storage = restored(source, databases, tmp_path)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "test-secret", "STORAGE_DIR": str(storage)})
    runner = app.test_cli_runner()
    verified = runner.invoke(audit_group, ["verify"])
    checked = runner.invoke(check_command)
    app.extensions["db_engine"].dispose()
    assert verified.exit_code == 0, verified.output
    assert "3 entries: the chain is intact" in verified.output
    assert checked.exit_code == 0, checked.output


def test_the_copy_takes_new_rows_and_keeps_chaining(source, databases, tmp_path):
    """Ids go on after the restored ones (PostgreSQL's sequences were moved), and new entries chain onto the old."""
    url, storage = restored(source, databases, tmp_path, migrated=True)
    engine = make_engine(url)
    with Session(engine) as session:
        entry = record(session, None, "updated", "test", 1, after={"after": "restore"})
        session.commit()
        assert entry.seq == 4 and entry.id > 3
        checked, problems = verify_chain(session)
        findings = inspect_storage(session, storage)
    engine.dispose()
    assert (checked, problems) == (4, [])
    assert not (findings.broken or findings.orphans)

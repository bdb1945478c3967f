"""Uploads and removals while a backup runs: the archive holds exactly the files its rows name, every time."""
import gzip
import json
import tarfile

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assessor.backup import backup, snapshot
from assessor.backup.archive import table_member
from assessor.backup.backup import write_backup
from assessor.backup.verify import verify_archive
from assessor.db import make_engine
from assessor.evidence.models import EvidenceFile
from assessor.storage.paths import blob_path

from ..factories import store_test_file
from .conftest import SECOND_FILE, fill


def named_files(archive_path) -> set[str]:
    with tarfile.open(archive_path) as archive:
        lines = gzip.decompress(archive.extractfile(table_member("evidence_files")).read()).splitlines()
    return {json.loads(line)["sha256"] for line in lines}


@pytest.fixture
def live(databases, tmp_path):
    url, storage = databases(tmp_path, migrated=True), tmp_path / "storage"
    world = fill(url, storage)
    engine = make_engine(url)
    yield engine, storage, world
    engine.dispose()


def upload(engine, storage, world, content: bytes) -> str:
    with Session(engine) as session:
        sha256 = store_test_file(storage, content)
        session.add(EvidenceFile(evidence_id=world.a.portfolio.submitted.id, filename="late.pdf", size=len(content), sha256=sha256,
                                 media_type="application/pdf", uploaded_by_id=world.a.learner.id))
        session.commit()
    return sha256


def once(function):
    calls = []

    def first(*args):
        if not calls:
            calls.append(function(*args))
    return first


def test_a_file_uploaded_after_the_snapshot_is_left_out(live, tmp_path, monkeypatch):
    engine, storage, world = live
    late = once(lambda: upload(engine, storage, world, b"%PDF-1.4\n% late\n%%EOF\n"))
    add_blob = backup._add_blob
    monkeypatch.setattr(backup, "_add_blob", lambda *args: (late(), add_blob(*args))[1])
    manifest = write_backup(engine, storage, tmp_path / "b.tar")
    assert {entry["sha256"] for entry in manifest["files"]} == named_files(tmp_path / "b.tar")
    assert len(manifest["files"]) == 2 and verify_archive(tmp_path / "b.tar") == manifest


def test_a_file_removed_after_the_snapshot_makes_the_backup_start_again(live, tmp_path, monkeypatch):
    engine, storage, world = live
    second = blob_path(storage, store_test_file(storage, SECOND_FILE))

    def remove():
        with Session(engine) as session:
            session.execute(delete(EvidenceFile).where(EvidenceFile.sha256 == second.name))
            session.commit()
        second.unlink()
    gone = once(remove)
    add_blob = backup._add_blob
    monkeypatch.setattr(backup, "_add_blob", lambda *args: (gone(), add_blob(*args))[1])
    said = []
    manifest = write_backup(engine, storage, tmp_path / "b.tar", said.append)
    assert f"stored file {second.name} was removed during the backup: starting again" in said
    assert second.name not in named_files(tmp_path / "b.tar") and len(manifest["files"]) == 1
    assert verify_archive(tmp_path / "b.tar") == manifest


def test_a_stored_file_missing_for_good_fails_the_backup_and_leaves_no_archive(live, tmp_path):
    engine, storage, _world = live
    blob_path(storage, store_test_file(storage, SECOND_FILE)).unlink()
    with pytest.raises(backup.BackupError, match="is missing: run `assessor check`"):
        write_backup(engine, storage, tmp_path / "b.tar")
    assert list(tmp_path.glob("b.tar*")) == []


def test_rows_committed_during_the_snapshot_are_not_in_it(live, tmp_path, monkeypatch):
    """A writer commits while tables are being read; the snapshot sees none of it (on SQLite too: WAL, and a reading snapshot)."""
    engine, storage, world = live
    late = once(lambda: upload(engine, storage, world, b"%PDF-1.4\n% during\n%%EOF\n"))
    dump_table = snapshot.dump_table
    monkeypatch.setattr(snapshot, "dump_table", lambda *args: (late(), dump_table(*args))[1])
    manifest = write_backup(engine, storage, tmp_path / "b.tar")
    with Session(engine) as session:
        assert len(session.scalars(select(EvidenceFile)).all()) == 4
    assert len(manifest["files"]) == 2 and named_files(tmp_path / "b.tar") == {entry["sha256"] for entry in manifest["files"]}


def test_a_file_only_a_submission_still_names_is_in_the_archive(live, tmp_path):
    """A file taken off a referred item after it was submitted stays in backups: the version judged names it."""
    from assessor.evidence.models import SubmissionFile

    engine, storage, _world = live
    with Session(engine) as session:
        kept = session.scalar(select(SubmissionFile).limit(1))
        kept.sha256 = store_test_file(storage, b"%PDF-1.4\n% judged, then removed\n%%EOF\n")
        session.commit()
        sha256 = kept.sha256
    manifest = write_backup(engine, storage, tmp_path / "b.tar")
    assert sha256 in {entry["sha256"] for entry in manifest["files"]} and sha256 not in named_files(tmp_path / "b.tar")
    assert verify_archive(tmp_path / "b.tar") == manifest

"""An item's files: stored all or nothing, added and removed with the item's version, each change audited."""
import pytest
from sqlalchemy import update

from assessor.core.acts import Conflict, Locked, Refused
from assessor.evidence.item_files import add_files, discard_blobs, remove_file, store_files
from assessor.evidence.models import EvidenceFile
from assessor.storage.paths import blob_path

from .support import HTML, audit, pdf, upload


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def store(db_session, root, *uploads, max_files=3):
    return store_files(db_session, uploads, root=root, max_bytes=1024 * 1024, max_files=max_files)


def test_files_are_stored_under_their_hash(db_session, tmp_path):
    (stored,) = store(db_session, tmp_path, upload(pdf("one")))
    assert stored.media_type == "application/pdf" and stored.filename == "notes.pdf"
    assert blob_path(tmp_path, stored.sha256).read_bytes() == pdf("one")


def test_a_refused_file_leaves_nothing_behind(db_session, tmp_path):
    with pytest.raises(Refused) as error:
        store(db_session, tmp_path, upload(pdf("kept?")), upload(HTML, "page.pdf"))
    assert error.value.field == "files" and "page" in str(error.value)
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_too_many_files_at_once_are_refused(db_session, tmp_path):
    with pytest.raises(Refused, match="up to 2 files"):
        store(db_session, tmp_path, upload(pdf("1")), upload(pdf("2")), upload(pdf("3")), max_files=2)


def test_empty_file_inputs_are_ignored(db_session, tmp_path):
    assert store(db_session, tmp_path, upload(b"", "")) == []


def test_adding_files_bumps_the_version_and_is_audited(db_session, world, tmp_path):
    draft = world.a.portfolio.draft
    stored = store(db_session, tmp_path, upload(pdf("a")), upload(pdf("b"), "second.pdf"))
    rows = add_files(db_session, world.a.learner, draft, stored, draft.version)
    assert [file.filename for file in draft.files] == ["notes.pdf", "second.pdf"] and draft.version == 2
    entry = audit(db_session, "evidence_file", rows[1].id)[0]
    assert (entry.action, entry.after["filename"], entry.after["evidence"]) == ("file_added", "second.pdf", "E-001")


def test_adding_nothing_is_refused(db_session, world):
    draft = world.a.portfolio.draft
    with pytest.raises(Refused, match="Choose a file"):
        add_files(db_session, world.a.learner, draft, [], draft.version)


def test_files_cannot_be_added_to_submitted_evidence_or_by_others(db_session, world, tmp_path):
    stored = store(db_session, tmp_path, upload(pdf("c")))
    submitted, draft = world.a.portfolio.submitted, world.a.portfolio.draft
    with pytest.raises(Locked):
        add_files(db_session, world.a.learner, submitted, stored, submitted.version)
    with pytest.raises(Refused):
        add_files(db_session, world.a.assessor, draft, stored, draft.version)
    with pytest.raises(Conflict):
        add_files(db_session, world.a.learner, draft, stored, draft.version + 1)


def test_removing_a_file_returns_its_blob_to_discard(db_session, world, tmp_path):
    draft = world.a.portfolio.draft
    (row,) = add_files(db_session, world.a.learner, draft, store(db_session, tmp_path, upload(pdf("d"))), draft.version)
    file_id, sha256 = row.id, row.sha256
    assert remove_file(db_session, world.a.learner, draft, file_id, draft.version) == sha256
    assert draft.files == []
    assert audit(db_session, "evidence_file", file_id)[-1].action == "file_removed"
    discard_blobs(db_session, tmp_path, [sha256])
    assert not blob_path(tmp_path, sha256).exists()


def test_a_blob_another_item_uses_is_kept(db_session, world, storage_root):
    shared = world.a.portfolio.file.sha256
    discard_blobs(db_session, storage_root, [shared])
    assert blob_path(storage_root, shared).exists()


def test_removing_a_file_already_gone_is_a_conflict(db_session, world):
    draft = world.a.portfolio.draft
    with pytest.raises(Conflict):
        remove_file(db_session, world.a.learner, draft, world.a.portfolio.file.id, draft.version)


def test_a_file_removed_after_a_referral_keeps_its_blob_for_the_version_judged(db_session, world, storage_root):
    from assessor.evidence.models import REFERRED
    from assessor.evidence.snapshot import judged

    submitted = world.a.portfolio.submitted
    submitted.status = REFERRED
    db_session.flush()
    sha256 = remove_file(db_session, world.a.learner, submitted, world.a.portfolio.file.id, submitted.version)
    db_session.execute(update(EvidenceFile).where(EvidenceFile.sha256 == sha256).values(sha256="f" * 64))
    discard_blobs(db_session, storage_root, [sha256])
    assert blob_path(storage_root, sha256).exists()
    (frozen,) = judged(submitted.submissions[-1]).files
    assert (frozen.filename, frozen.sha256, frozen.id) == ("notes.pdf", sha256, None)

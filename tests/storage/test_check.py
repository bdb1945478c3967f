"""`assessor check`: orphan files, rows without their file, stale temporary files; and --repair."""
import pytest

from assessor.accounts.models import LEARNER
from assessor.evidence.file_check import check_command, inspect_storage, remove_leftovers
from assessor.storage.paths import blob_path

from ..factories import make_evidence, make_provider, make_user
from . import samples
from .helpers import add_row, age_file, put_blob

HOUR = 3600


@pytest.fixture
def root(app, tmp_path):
    """A storage folder of this test's own, so blobs other tests stored do not count."""
    folder = tmp_path / "check-storage"
    folder.mkdir()
    app.config["STORAGE_DIR"] = str(folder)
    return folder


@pytest.fixture
def evidence(db_session):
    learner = make_user(db_session, provider=make_provider(db_session), roles=[LEARNER], email="sam@example.org")
    return make_evidence(db_session, learner, None, (), status="draft")


def check(runner, *args):
    return runner.invoke(check_command, list(args))


def test_clean_storage_exits_0(runner, root, evidence, db_session):
    add_row(db_session, evidence, put_blob(root, samples.pdf(), age=HOUR))
    result = check(runner)
    assert result.exit_code == 0, result.output
    assert result.output == "Checked 1 stored file and 1 evidence file: no problems found.\n"


def test_an_old_orphan_blob_is_reported_and_a_recent_one_left_alone(runner, root):
    old = put_blob(root, samples.pdf(), age=HOUR)
    put_blob(root, samples.png(), age=60)
    result = check(runner)
    assert result.exit_code == 1
    assert f"orphan file (no evidence refers to it): {blob_path(root, old)}\n" in result.output
    assert "Checked 2 stored files and 0 evidence files: 1 orphan file, 0 stale temporary files, 0 evidence files missing or changed." in result.output
    assert "assessor check --repair" in result.output
    assert blob_path(root, old).exists()


def test_a_stale_temporary_file_is_reported_and_a_fresh_one_is_not(runner, root):
    (root / "tmp").mkdir()
    stale, fresh = root / "tmp" / "upload-1", root / "tmp" / "upload-2"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    age_file(stale, 2 * HOUR)
    result = check(runner)
    assert result.exit_code == 1
    assert f"stale temporary file: {stale}\n" in result.output
    assert str(fresh) not in result.output


def test_a_row_whose_file_is_missing_is_reported_with_the_reference_and_learner(runner, root, evidence, db_session):
    row = add_row(db_session, evidence, "ab" * 32, filename="essay.docx")
    result = check(runner)
    assert result.exit_code == 1
    assert (f"missing file: E-001 'essay.docx' of sam@example.org (evidence file {row.id}, sha256 {'ab' * 32}): file missing\n"
            in result.output)
    assert "1 evidence file missing or changed" in result.output


def test_a_row_whose_file_changed_is_reported(runner, root, evidence, db_session):
    sha256 = put_blob(root, samples.pdf(), age=HOUR)
    blob_path(root, sha256).write_bytes(b"tampered")
    add_row(db_session, evidence, sha256)
    result = check(runner)
    assert result.exit_code == 1
    assert "changed file: E-001 'notes.pdf' of sam@example.org" in result.output
    assert "content no longer matches its hash" in result.output


def test_repair_removes_old_orphans_and_stale_temporary_files_only(runner, root, evidence, db_session):
    kept = put_blob(root, samples.pdf(), age=HOUR)
    add_row(db_session, evidence, kept)
    orphan = put_blob(root, samples.png(), age=HOUR)
    recent = put_blob(root, samples.gif(), age=60)
    (root / "tmp").mkdir()
    stale = root / "tmp" / "upload-1"
    stale.write_bytes(b"half")
    age_file(stale, 2 * HOUR)
    result = check(runner, "--repair")
    assert result.exit_code == 0, result.output
    assert f"removed orphan file: {blob_path(root, orphan)}\n" in result.output
    assert f"removed stale temporary file: {stale}\n" in result.output
    assert "removed 1 orphan file and 1 stale temporary file; 0 evidence files need attention." in result.output
    assert not blob_path(root, orphan).exists() and not stale.exists()
    assert blob_path(root, kept).exists() and blob_path(root, recent).exists()
    assert check(runner).exit_code == 0


def test_repair_cannot_bring_back_a_missing_file_so_it_asks_for_attention(runner, root, evidence, db_session):
    add_row(db_session, evidence, "cd" * 32, filename="essay.docx")
    result = check(runner, "--repair")
    assert result.exit_code == 1
    assert "needs attention: E-001 'essay.docx' of sam@example.org" in result.output
    assert "1 evidence file needs attention." in result.output


def test_repair_spares_an_orphan_that_gained_a_row_since_the_check(root, evidence, db_session):
    sha256 = put_blob(root, samples.pdf(), age=HOUR)
    findings = inspect_storage(db_session, root)
    add_row(db_session, evidence, sha256)
    assert remove_leftovers(db_session, findings) == ([], [])
    assert blob_path(root, sha256).exists()


def test_files_outside_the_blob_layout_are_not_touched(runner, root):
    stray = root / "README"
    stray.write_text("storage")
    age_file(stray, HOUR)
    assert check(runner, "--repair").exit_code == 0
    assert stray.exists()


def test_the_command_is_part_of_assessor(runner, root):
    from assessor.cli import main

    result = runner.invoke(main, ["check"])
    assert (result.exit_code, result.output) == (0, "Checked 0 stored files and 0 evidence files: no problems found.\n")


def test_a_blob_only_a_submission_names_is_no_orphan_and_repair_keeps_it(runner, root, db_session):
    """A file taken off a referred item after it was submitted: the submitted version still names it."""
    from assessor.evidence.models import Submission, SubmissionFile

    learner = make_user(db_session, provider=make_provider(db_session), roles=[LEARNER])
    item = make_evidence(db_session, learner, None, (), status="submitted")
    sha256 = put_blob(root, samples.pdf(), age=HOUR)
    submission = db_session.query(Submission).filter_by(evidence_id=item.id).one()
    db_session.add(SubmissionFile(submission_id=submission.id, position=1, filename="old.pdf", size=1, sha256=sha256,
                                  media_type="application/pdf"))
    db_session.flush()
    assert inspect_storage(db_session, root).orphans == []
    result = check(runner, "--repair")
    assert result.exit_code == 0, result.output
    assert blob_path(root, sha256).exists()


def test_a_missing_file_that_only_a_submission_names_is_reported(runner, root, db_session):
    from assessor.evidence.models import Submission, SubmissionFile

    learner = make_user(db_session, provider=make_provider(db_session), roles=[LEARNER], email="kim@example.org")
    item = make_evidence(db_session, learner, None, (), status="submitted")
    submission = db_session.query(Submission).filter_by(evidence_id=item.id).one()
    db_session.add(SubmissionFile(submission_id=submission.id, position=1, filename="gone.pdf", size=1, sha256="e" * 64,
                                  media_type="application/pdf"))
    db_session.flush()
    result = check(runner)
    assert result.exit_code == 1
    assert f"missing file: {item.reference} 'gone.pdf' of kim@example.org (submission 1 file" in result.output

"""`assessor backup` and `assessor restore` from the command line: progress on stderr, problems named, exit 1."""
from assessor import create_app
from assessor.backup.cli import backup_command, restore_command

from .damage import truncated


def runner_for(url: str, storage) -> object:
    app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "test-secret", "STORAGE_DIR": str(storage)})
    return app.test_cli_runner()


def test_backup_writes_the_archive_and_reports_progress(source, tmp_path):
    result = runner_for(source.url, source.storage).invoke(backup_command, ["-o", str(tmp_path / "b.tar")])
    assert result.exit_code == 0, result.output
    assert "table audit_log: 3 rows" in result.stderr
    assert "2 stored files, schema revision" in result.stdout
    assert (tmp_path / "b.tar").stat().st_mode & 0o777 == 0o600


def test_backup_will_not_overwrite_an_archive(source, tmp_path):
    (tmp_path / "b.tar").write_bytes(b"an older backup")
    result = runner_for(source.url, source.storage).invoke(backup_command, ["-o", str(tmp_path / "b.tar")])
    assert result.exit_code == 1
    assert "exists: choose a new name" in result.stderr
    assert (tmp_path / "b.tar").read_bytes() == b"an older backup"


def test_restore_names_what_is_wrong_and_exits_1(source, databases, tmp_path):
    result = runner_for(databases(tmp_path), tmp_path / "storage").invoke(restore_command, [str(truncated(source, tmp_path))])
    assert result.exit_code == 1
    assert "error: no readable manifest.json: the archive is cut short" in result.stderr
    assert "restore refused: 1 problem(s); nothing was written." in result.stderr


def test_restore_fills_an_empty_target_and_says_what_to_run_next(source, databases, tmp_path):
    result = runner_for(databases(tmp_path), tmp_path / "storage").invoke(restore_command, [str(source.archive)])
    assert result.exit_code == 0, result.output
    assert "table users: 11 rows restored" in result.stderr
    assert "Now run `assessor audit verify` and `assessor check`." in result.stdout


def test_restore_verify_only_checks_the_archive_and_writes_nothing(source, databases, tmp_path):
    runner = runner_for(databases(tmp_path), tmp_path / "storage")
    sound = runner.invoke(restore_command, ["--verify-only", str(source.archive)])
    damaged = runner.invoke(restore_command, ["--verify-only", str(truncated(source, tmp_path))])
    assert sound.exit_code == 0, sound.output
    assert "is sound: " in sound.stdout and "2 stored files" in sound.stdout
    assert damaged.exit_code == 1 and "cut short" in damaged.stderr
    assert not (tmp_path / "storage").exists()

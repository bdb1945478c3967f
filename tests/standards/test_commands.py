"""The standards commands against the database: load, import, export, and db upgrade."""
import json
import subprocess
import sys

from sqlalchemy import create_engine, inspect

from assessor.cli import main
from assessor.standards.services import find_standard

from ..conftest import SEEDS


def seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def test_load_reports_each_file_and_is_idempotent(runner, db_session):
    first = runner.invoke(main, ["standards", "load"])
    assert first.exit_code == 0, first.output
    assert "SKSCMGS11.json: SKSCMGS11 version 3: added" in first.output
    second = runner.invoke(main, ["standards", "load"])
    assert second.output.count("unchanged") == 5


def test_load_fails_on_a_broken_file_but_loads_the_rest(runner, db_session, tmp_path):
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(main, ["standards", "load", str(tmp_path)])
    assert result.exit_code == 1 and "bad.json: error" in result.output


def test_import_needs_a_urn_when_the_text_has_none(runner, db_session):
    result = runner.invoke(main, ["standards", "import", str(seed("004"))])
    assert result.exit_code == 1
    assert "no URN found: pass --urn" in result.output
    assert find_standard(db_session, "LOCAL-IMPORTED") is None


def test_import_loads_with_the_supplied_urn_and_refuses_changed_text(runner, db_session, tmp_path):
    ok = runner.invoke(main, ["standards", "import", str(seed("004")), "--urn", "LOCAL-IMPORTED"])
    assert ok.exit_code == 0, ok.output
    assert "LOCAL-IMPORTED version 1: added" in ok.output
    changed = tmp_path / "changed.txt"
    changed.write_text(seed("004").read_text(encoding="utf-8").replace("dadansoddi", "DADANSODDI", 1), encoding="utf-8")
    refused = runner.invoke(main, ["standards", "import", str(changed), "--urn", "LOCAL-IMPORTED"])
    assert refused.exit_code == 1 and "new version number" in refused.output
    newer = runner.invoke(main, ["standards", "import", str(changed), "--urn", "LOCAL-IMPORTED", "--version", "2"])
    assert newer.exit_code == 0 and "version 2: added" in newer.output


def test_urn_and_title_are_for_one_file_at_a_time(runner):
    result = runner.invoke(main, ["standards", "import", str(seed("003")), str(seed("004")), "--urn", "LOCAL-X"])
    assert result.exit_code != 0 and "one file at a time" in result.output


def test_export_writes_each_format(runner, db_session, tmp_path):
    runner.invoke(main, ["standards", "load"])
    out = tmp_path / "case.json"
    result = runner.invoke(main, ["standards", "export", "SKSCMGS11", "--format", "case", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["CFDocument"]["title"].startswith("Rheoli perthnasoedd")
    english = runner.invoke(main, ["standards", "export", "SKSCMGS11", "--format", "json", "--lang", "en"])
    assert english.exit_code == 0 and json.loads(english.output)["urn"] == "SKSCMGS11"


def test_export_of_an_unknown_standard_says_so(runner, db_session):
    result = runner.invoke(main, ["standards", "export", "NOPE1"])
    assert result.exit_code == 1 and "no standard NOPE1" in result.output


def test_db_upgrade_honours_database_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    env = {"DATABASE_URL": url, "PATH": ""}
    done = subprocess.run([sys.executable, "-m", "assessor.cli", "db", "upgrade"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    tables = set(inspect(create_engine(url)).get_table_names())
    assert {"standards", "criteria", "users", "cohorts", "alembic_version"} <= tables

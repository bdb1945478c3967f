"""`assessor standards parse FILE [--lang] [--urn] [--title]`."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assessor.cli import main
from assessor.standards.cli import standards_group

SEEDS = Path(__file__).resolve().parents[2] / "standards" / "sources"
GOOD = SEEDS / "000_9a6a159356034278.txt"
NO_URN_NO_TITLE = SEEDS / "003_0432d368949bc243.txt"


def run_parse(*args: str):
    return CliRunner().invoke(standards_group, ["parse", *map(str, args)])


def test_good_file_prints_json_on_stdout():
    result = run_parse(GOOD)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["urn"] == "SKSCMGS11"
    assert (len(document["performance_criteria"]), len(document["knowledge"])) == (16, 14)
    assert "rheoli disgwyliadau cleientiaid" in result.stdout
    assert result.stderr == ""


def test_missing_urn_and_title_exit_non_zero_with_a_message():
    result = run_parse(NO_URN_NO_TITLE)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no URN found: pass --urn" in result.stderr
    assert "no title found: pass --title" in result.stderr
    assert str(NO_URN_NO_TITLE) in result.stderr


def test_urn_and_title_given_on_the_command_line_are_used():
    result = run_parse(NO_URN_NO_TITLE, "--urn", "LOCAL-CC01", "--title", "Pennu anghenion cwsmeriaid")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["urn"], document["urn_is_local"]) == ("LOCAL-CC01", True)
    assert document["title"] == "Pennu anghenion cwsmeriaid"
    assert (len(document["performance_criteria"]), len(document["knowledge"])) == (17, 26)


def test_urn_given_overrides_the_one_in_the_text():
    document = json.loads(run_parse(GOOD, "--urn", "SKSCMGS12").stdout)
    assert document["urn"] == "SKSCMGS12"


@pytest.mark.parametrize("language", ["en", "cy"])
def test_lang_is_honoured(language):
    document = json.loads(run_parse(GOOD, "--lang", language).stdout)
    assert document["language"] == language


def test_language_is_detected_without_lang():
    assert json.loads(run_parse(GOOD).stdout)["language"] == "cy"


def test_unknown_lang_is_refused_by_the_option():
    result = run_parse(GOOD, "--lang", "fr")
    assert result.exit_code == 2
    assert "--lang" in result.stderr


def test_missing_file_is_a_usage_error(tmp_path):
    result = run_parse(tmp_path / "absent.txt")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_line_that_cannot_be_placed_is_named(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_text(
        "Rheoli cwsmeriaid\nURN: ABC01\nMeini prawf perfformiad\n- gwneud\n\nBrawddeg grwydr.\n\n"
        "Gwybodaeth a dealltwriaeth\n- gwybod\n",
        encoding="utf-8",
    )
    result = run_parse(path)
    assert result.exit_code == 1
    assert f"{path}: error: line 6: cannot place 'Brawddeg grwydr.'" in result.stderr


def test_warnings_go_to_stderr_and_json_still_prints():
    result = run_parse(SEEDS / "001_7968373ca22fd4ac.txt", "--urn", "LOCAL-SKSPP06")
    assert result.exit_code == 0
    assert "warning: line 45:" in result.stderr
    assert json.loads(result.stdout)["title"] == "Pennu a rheoli disgwyliadau parhaus cleientiaid"


def test_windows_1252_file_is_read(tmp_path):
    path = tmp_path / "cp1252.txt"
    text = GOOD.read_text(encoding="utf-8").replace("ŵ", "w").replace("ŷ", "y")
    path.write_bytes(text.encode("cp1252"))
    result = run_parse(path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["performance_criteria"][0]["text"].endswith("a’r gwaith")


def test_parse_is_reachable_from_the_assessor_command():
    result = CliRunner().invoke(main, ["standards", "parse", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["urn"] == "SKSCMGS11"


def test_console_script_exits_1_without_a_traceback():
    script = Path(sys.executable).with_name("assessor")
    completed = subprocess.run([str(script), "standards", "parse", str(NO_URN_NO_TITLE)],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1
    assert "no URN found: pass --urn" in completed.stderr
    assert "Traceback" not in completed.stderr

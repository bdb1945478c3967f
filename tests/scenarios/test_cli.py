import re

from click.testing import CliRunner

from assessor.cli import main
from assessor.scenarios.cli import scenarios_group

from .conftest import BROKEN, FIXTURE_STANDARDS_DIR, VALID

LINE = re.compile(r"^.+\.yaml:\d+: (error|warning): .+$")


def run(*args: str):
    return CliRunner().invoke(scenarios_group, ["check", "--standards", str(FIXTURE_STANDARDS_DIR), *args])


def broken(stem: str) -> str:
    return str(next(path for path in BROKEN if path.stem == stem))


def test_a_clean_file_exits_0_and_prints_no_problem():
    result = run(str(VALID))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "1 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr


def test_an_error_exits_1_and_prints_file_line_severity_message():
    result = run(broken("missing_node"))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(LINE.match(line) for line in lines)
    assert f"{broken('missing_node')}:28: error: 'next' goes to node 'wirte'" in result.stdout


def test_warnings_alone_exit_0():
    result = run(broken("effect_beyond_bounds"))
    assert result.exit_code == 0
    assert ": warning: effect -12 on 'trust'" in result.stdout


def test_several_files_are_checked_together():
    result = run(str(VALID), broken("unreachable"), broken("dead_end"))
    assert result.exit_code == 1
    assert "3 file(s) checked: 2 error(s)" in result.stderr


def test_without_paths_it_checks_the_shipped_scenarios():
    result = CliRunner().invoke(main, ["scenarios", "check", "--playthroughs", "20"])
    assert result.exit_code == 0, result.output
    assert "file(s) checked: 0 error(s)" in result.stderr


def test_a_missing_file_is_a_usage_error():
    assert run("no/such/file.yaml").exit_code == 2

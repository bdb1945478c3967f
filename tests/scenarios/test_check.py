"""One broken fixture per kind of problem; each marks the offending line with `# expect: severity: message`."""
import re
import shutil

import pytest

from assessor.scenarios.check import check_paths
from assessor.scenarios.loader import load_text
from assessor.scenarios.report import Problem

from .conftest import BROKEN, TEST_STANDARDS, VALID

EXPECT = re.compile(r"#\s*expect:\s*(error|warning):\s*(.+?)\s*$")


def expectations(path) -> list[tuple[int, str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(number, match[1], match[2]) for number, line in enumerate(lines, 1) if (match := EXPECT.search(line))]


def check(*paths, playthroughs: int = 20) -> list[Problem]:
    return check_paths(paths, standards=TEST_STANDARDS, playthroughs=playthroughs)


def test_the_valid_fixture_has_no_problems():
    assert check(VALID) == []


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda path: path.stem)
def test_each_broken_fixture_reports_its_problem_on_its_line(fixture):
    expected = expectations(fixture)
    assert expected, f"{fixture.name} marks no expected problem"
    problems = check(fixture)
    for line, severity, message in expected:
        assert any(p.line == line and p.severity == severity and message in p.message for p in problems), (
            f"expected line {line}: {severity}: {message}\ngot:\n" + "\n".join(map(str, problems)))
    expected_error_lines = {line for line, severity, _ in expected if severity == "error"}
    unexpected = [p for p in problems if p.severity == "error" and p.line not in expected_error_lines]
    assert not unexpected, "\n".join(map(str, unexpected))


def test_every_kind_of_problem_has_a_fixture():
    kinds = {path.stem for path in BROKEN}
    assert {"yaml_syntax", "unknown_key", "missing_language", "missing_node", "unreachable", "dead_end",
            "ending_way_out", "no_else", "trapped_loop", "undeclared_condition", "undeclared_effect",
            "undeclared_placeholder", "effect_beyond_bounds", "unknown_criterion", "unknown_version",
            "free_text_without_evidences", "free_text_without_rubric", "duplicate_choice_text", "stuck"} <= kinds


def test_problems_print_as_file_line_severity_message():
    problem = Problem("scenarios/a.yaml", 12, "error", "node 'x' cannot be reached")
    assert str(problem) == "scenarios/a.yaml:12: error: node 'x' cannot be reached"


def test_the_same_id_in_two_files_is_an_error(tmp_path):
    copy = tmp_path / "copy.yaml"
    shutil.copy(VALID, copy)
    problems = check(VALID, copy)
    assert [(p.file, p.line, p.message) for p in problems] == [
        (str(copy), 2, f"id 'fixture-valid' is already used by {VALID}")]


def test_playthroughs_can_be_switched_off():
    stuck = next(path for path in BROKEN if path.stem == "stuck")
    assert all(p.severity == "warning" for p in check(stuck, playthroughs=0))


def test_the_loader_keeps_the_line_of_every_key_and_item():
    document = load_text("a: 1\nb:\n  - x\n  - {c: 2}\n")
    assert document.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert document.lines[("b", 1, "c")] == 4 and document.lines[("b", 0)] == 3
    assert document.line_of(("b", 1, "c", "missing")) == 4


def test_the_check_never_crashes_when_any_one_line_is_removed(tmp_path):
    lines = VALID.read_text(encoding="utf-8").splitlines(keepends=True)
    for number in range(len(lines)):
        mutated = tmp_path / f"without_{number + 1}.yaml"
        mutated.write_text("".join(lines[:number] + lines[number + 1:]), encoding="utf-8")
        for problem in check(mutated, playthroughs=5):
            assert 1 <= problem.line <= len(lines)

import json

from click.testing import CliRunner

from assessor.scenarios.cli import scenarios_group

from .conftest import BROKEN, FIXTURE_STANDARDS_DIR, VALID


def coverage(*args: str):
    return CliRunner().invoke(scenarios_group, ["coverage", "--standards", str(FIXTURE_STANDARDS_DIR), *args])


def entry(report: dict, urn: str) -> dict:
    return next(item for item in report["standards"] if item["urn"] == urn)


def test_json_lists_each_scenarios_criteria_and_what_no_scenario_reaches():
    result = coverage("--json", str(VALID))
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    test_std = entry(report, "TEST-STD")
    assert test_std["version"] == "1" and test_std["title"] == "A test standard"
    assert test_std["scenarios"] == {"fixture-valid": ["P1", "P2", "K1"]}
    assert test_std["performance_criteria"] == {"total": 3, "covered": ["P1", "P2"], "not_reached": ["P3"], "percent": 66.7}
    assert test_std["knowledge"] == {"total": 2, "covered": ["K1"], "not_reached": ["K2"], "percent": 50.0}
    other = entry(report, "OTHER-STD")
    assert other["scenarios"] == {} and other["performance_criteria"]["percent"] == 0.0
    assert report["skipped"] == []


def test_a_sub_item_covers_its_parent(tmp_path):
    text = VALID.read_text().replace("criteria: [P1, P2, K1]", "criteria: [P1, P2, K1, P3.1]")
    text = text.replace("evidences: [P2, K1]", "evidences: [P2, K1, P3.1]")
    (tmp_path / "sub.yaml").write_text(text)
    report = json.loads(coverage("--json", str(tmp_path / "sub.yaml")).stdout)
    test_std = entry(report, "TEST-STD")
    assert test_std["scenarios"]["fixture-valid"] == ["P1", "P2", "P3.1", "K1"]
    assert test_std["performance_criteria"]["percent"] == 100.0


def test_text_output_shows_percentages_and_gaps():
    result = coverage(str(VALID))
    assert "TEST-STD version 1: A test standard" in result.stdout
    assert "  fixture-valid: P1 P2 K1" in result.stdout
    assert "performance criteria covered: 2/3 (66.7%); not reached: P3" in result.stdout
    assert "OTHER-STD version 2" in result.stdout and "no scenario evidences this standard" in result.stdout


def test_a_file_that_fails_the_schema_is_skipped_with_a_reason():
    broken = next(path for path in BROKEN if path.stem == "dead_end")
    result = coverage("--json", str(VALID), str(broken))
    assert json.loads(result.stdout)["skipped"][0]["file"] == str(broken)
    assert "skipped: it does not pass the schema" in result.stderr

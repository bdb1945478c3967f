"""The check's problems as records for the authoring pages, and the coverage of one scenario."""
import pytest

from assessor.scenarios.coverage import scenario_coverage
from assessor.scenarios.problems import MESSAGES, ProblemRecord, check_source, problem_nodes, records
from assessor.scenarios.report import Problem
from assessor.scenarios.standards_data import read_outlines

from .conftest import BROKEN, FIXTURE_STANDARDS_DIR, TEST_STANDARDS, check_authoring


def found(name: str) -> list[tuple]:
    return [(r.kind, r.severity, r.node_id, r.field, r.line) for r in check_authoring(name).problems]


@pytest.fixture
def welsh(session_app):
    with session_app.test_request_context(headers={"Cookie": "assessor_lang=cy"}):
        yield


@pytest.fixture
def english(session_app):
    with session_app.test_request_context(headers={"Cookie": "assessor_lang=en"}):
        yield


def test_a_sound_scenario_has_no_problems_and_a_scenario_for_the_map():
    result = check_authoring("small")
    assert result.problems == [] and not result.has_errors
    assert result.scenario.id == "authoring-small"


@pytest.mark.parametrize("name, expected", [
    ("missing_language", ("missing_language", "error", "greeting", "nodes.greeting.choices[2].text.cy", 24)),
    ("unreachable", ("unreachable", "error", "forgotten", "nodes.forgotten", 38)),
    ("dead_end", ("dead_end", "error", "walked-out", "nodes.walked-out", 38)),
    ("trapped_loop", ("trapped_loop", "error", "circle", "nodes.circle", 26)),
    ("unknown_criterion", ("unknown_criterion", "error", None, "standards[1].criteria[4]", 9)),
    ("never_taken", ("choices_all_conditional", "warning", "greeting", "nodes.greeting.choices", 22)),
    ("never_taken", ("playthrough_stuck", "error", "greeting", "nodes.greeting", 20)),
    ("never_taken", ("choice_never_open", "warning", "greeting", "nodes.greeting.choices[1].if", 24)),
    ("yaml_syntax", ("yaml_syntax", "error", None, "", 4)),
])
def test_each_kind_of_problem_is_placed_by_node_field_and_line(welsh, name, expected):
    assert expected in found(name)
    record = next(r for r in check_authoring(name).problems if r.kind == expected[0])
    assert record.message and record.message != record.english and "%(" not in record.message


def test_errors_come_before_warnings():
    assert [r.severity for r in check_authoring("never_taken").problems] == ["error", "warning", "warning", "warning"]


def test_the_map_waits_for_the_schema_but_not_for_graph_errors():
    assert check_authoring("dead_end").scenario is None and check_authoring("yaml_syntax").scenario is None
    assert check_authoring("unreachable").scenario is not None and check_authoring("unreachable").has_errors


def test_messages_in_english_name_the_node(english):
    record = next(r for r in check_authoring("unreachable").problems if r.kind == "unreachable")
    assert record.message == "Node forgotten cannot be reached from the start node greeting."


def test_messages_in_welsh(welsh):
    messages = {r.kind: r.message for name in ("trapped_loop", "unreachable", "missing_language", "never_taken")
                for r in check_authoring(name).problems}
    assert messages["unreachable"] == "Does dim modd cyrraedd nod forgotten o'r nod cychwyn greeting."
    assert "Cymraeg" in messages["missing_language"]
    assert "greeting" in messages["playthrough_stuck"] and "Random" not in messages["playthrough_stuck"]
    assert "circle, round" in messages["trapped_loop"]


def test_a_problem_of_no_known_kind_says_it_is_in_english_only(welsh):
    record = records([Problem("draft", 3, "error", "rubric dimension 'x' appears twice", ("nodes", "a"))])[0]
    assert record.node_id == "a" and "rubric dimension 'x' appears twice" in record.message
    assert record.message != record.english


def test_a_problem_of_no_known_kind_reads_as_it_is_in_english(english):
    record = ProblemRecord("warning", None, "state.x", 4, "", "'x' is never read")
    assert record.message == "'x' is never read"


def test_problem_nodes_keep_the_worst_severity():
    made = [ProblemRecord("warning", "a", "", 1, "", "w"), ProblemRecord("error", "a", "", 2, "", "e"),
            ProblemRecord("warning", "a", "", 3, "", "w"), ProblemRecord("warning", "b", "", 4, "", "w"),
            ProblemRecord("error", None, "", 5, "", "e")]
    assert problem_nodes(made) == {"a": "error", "b": "warning"}


def test_coverage_counts_only_what_a_path_from_the_start_reaches():
    [entry] = scenario_coverage(check_authoring("unreachable").scenario, read_outlines(FIXTURE_STANDARDS_DIR))
    assert (entry["urn"], entry["version"]) == ("TEST-STD", "1")
    assert entry["evidenced"] == ["P1", "P2", "K1"]
    assert entry["unreachable_only"] == ["P3"]
    assert entry["performance_criteria"]["not_reached"] == ["P3"]
    assert entry["knowledge"]["covered"] == ["K1"] and entry["knowledge"]["not_reached"] == ["K2"]


def test_coverage_leaves_out_standards_the_scenario_does_not_cite():
    entries = scenario_coverage(check_authoring("small").scenario, read_outlines(FIXTURE_STANDARDS_DIR))
    assert [entry["urn"] for entry in entries] == ["TEST-STD"]


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda path: path.stem)
def test_every_problem_of_the_cli_fixtures_reads_in_welsh(welsh, fixture):
    found = check_source(fixture.read_text(encoding="utf-8"), TEST_STANDARDS, playthroughs=20).problems
    assert found
    for record in found:
        assert "%(" not in record.message and record.english in record.message or record.kind in MESSAGES
        assert (record.kind in MESSAGES) == (record.english not in record.message), record


def test_the_path_keeps_the_documents_own_keys_and_indexes():
    record = next(r for r in check_authoring("missing_language").problems if r.kind == "missing_language")
    assert record.path == ("nodes", "greeting", "choices", 1, "text", "cy")

"""Choices and `next` branches that can never be taken: every reachable state explored, or the playthroughs watched."""
import pytest

from assessor.scenarios import reachability
from assessor.scenarios.check import check_text
from assessor.scenarios.format import Scenario
from assessor.scenarios.loader import load_text
from assessor.scenarios.problems import records
from assessor.scenarios.reachability import explore, sample

from .conftest import TEST_STANDARDS, VALID

TEXT = VALID.read_text(encoding="utf-8")
WAIT = """      - text: {cy: Arhoswch, en: Wait}
        effects: {trust: +4}
        next: open
"""
#: the fixture as it was: no way back to the start node, so trust never exceeds 8 there
NO_WAY_BACK = TEXT.replace(WAIT, "")
NEVER_KINDS = {"choice_never_open", "branch_never_taken", "choice_never_open_sampled", "branch_never_taken_sampled"}


def never_taken(text, playthroughs=20):
    problems = check_text(text, "draft", TEST_STANDARDS, playthroughs).problems
    return [problem for problem in problems if problem.kind in NEVER_KINDS]


@pytest.fixture
def one_state(monkeypatch):
    """A cap so low that every scenario has too many states to explore."""
    monkeypatch.setattr(reachability, "STATE_CAP", 1)


def scenario_of(text):
    return Scenario.from_document(load_text(text).data)


def test_a_choice_some_path_opens_is_not_flagged():
    assert never_taken(TEXT) == []


def test_a_choice_whose_condition_is_false_wherever_its_node_is_reached_is_a_warning_naming_node_and_choice():
    (problem,) = never_taken(NO_WAY_BACK)
    assert (problem.severity, problem.kind, problem.line) == ("warning", "choice_never_open", 34)
    assert problem.path == ("nodes", "open", "choices", 2, "if")
    assert problem.params == {"node": "open", "choice": 3, "condition": "trust > 8"}
    assert "choice 3 of node 'open' can never be taken" in problem.message and "'trust > 8'" in problem.message
    assert records([problem])[0].field == "nodes.open.choices[3].if"


def test_clamping_is_followed_a_condition_beyond_the_maximum_is_never_met():
    text = TEXT.replace("if: trust > 8", "if: trust > 10")
    assert [problem.params["choice"] for problem in never_taken(text)] == [3]


def test_a_branch_that_is_never_taken_is_a_warning_and_so_is_an_else_that_an_earlier_branch_always_beats():
    never = TEXT.replace('{if: "agreed and trust >= 6", goto: good-end}', '{if: "trust > 10", goto: good-end}')
    (problem,) = never_taken(never)
    assert problem.kind == "branch_never_taken" and problem.path == ("nodes", "write", "free_text", "next", 0, "if")
    assert problem.params == {"node": "write", "branch": 1}
    always = TEXT.replace('{if: "agreed and trust >= 6", goto: good-end}', '{if: "trust >= 0", goto: good-end}')
    (problem,) = never_taken(always)
    assert problem.path == ("nodes", "write", "free_text", "next", 1, "else")


def test_a_choices_next_is_decided_after_its_effects():
    text = TEXT.replace("        next: write\n      - text: {cy: Drwg", """        next:
          - {if: "trust >= 7", goto: write}
          - {else: bad-end}
      - text: {cy: Drwg""")
    assert never_taken(text) != [] and all(p.path[-2:] == (1, "else") for p in never_taken(text))


def test_the_branches_of_a_choice_never_taken_are_not_flagged_as_well():
    text = NO_WAY_BACK.replace("        next: good-end\n  write:", """        next:
          - {if: "trust > 9", goto: good-end}
          - {else: bad-end}
  write:""")
    assert [problem.kind for problem in never_taken(text)] == ["choice_never_open"]


def test_too_many_states_falls_back_to_the_seeded_playthroughs_and_says_so(one_state):
    assert explore(scenario_of(TEXT), cap=1) is None
    (problem,) = never_taken(NO_WAY_BACK, playthroughs=20)
    assert problem.kind == "choice_never_open_sampled" and problem.severity == "warning"
    assert problem.params == {"node": "open", "choice": 3, "condition": "trust > 8", "runs": 20, "seed": 0, "cap": "1"}
    assert "20 random playthroughs (seed 0)" in problem.message and "too many states" in problem.message
    assert never_taken(TEXT, playthroughs=20) == []


def test_without_playthroughs_the_fallback_says_nothing(monkeypatch):
    assert [problem.kind for problem in never_taken(NO_WAY_BACK, playthroughs=0)] == ["choice_never_open"]
    monkeypatch.setattr(reachability, "STATE_CAP", 1)
    assert never_taken(NO_WAY_BACK, playthroughs=0) == []


def test_the_playthroughs_watched_are_those_the_check_makes():
    seen = sample(scenario_of(TEXT), 20, 0)
    assert ("open", 2) in seen.open and {"open", "write", "good-end", "bad-end"} <= seen.nodes


def test_only_the_variables_conditions_read_make_a_state():
    seen = explore(scenario_of(TEXT), cap=100)
    assert seen.open == {("open", 0), ("open", 1), ("open", 2), ("open", 3)}


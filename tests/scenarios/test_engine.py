from dataclasses import replace
from types import MappingProxyType

import pytest

from assessor.scenarios import engine
from assessor.scenarios.check import SCENARIOS_DIR
from assessor.scenarios.engine import EngineError, Step, TooShort
from assessor.scenarios.format import Criterion, Effect, Scenario, declared_criteria, parse_effect, resolve_ref
from assessor.scenarios.loader import load_file

ANSWER = "I will confirm it today"


def with_variables(state, **values):
    return replace(state, variables=MappingProxyType({**state.variables, **values}))


def test_start_puts_every_variable_at_its_initial_value(scenario):
    state = engine.start(scenario)
    assert (state.scenario_id, state.version, state.node_id) == ("fixture-valid", 1, "open")
    assert dict(state.variables) == {"trust": 5, "agreed": False}
    assert state.steps == () and not engine.is_ended(scenario, state)


def test_choices_with_a_false_condition_are_not_offered(scenario):
    state = engine.start(scenario)
    assert [index for index, _ in engine.available_choices(scenario, state)] == [0, 1, 3]
    assert [index for index, _ in engine.available_choices(scenario, with_variables(state, trust=9))] == [0, 1, 2, 3]
    with pytest.raises(EngineError, match="Choice 2 is not available at node 'open'"):
        engine.choose(scenario, state, 2)


def test_a_choice_applies_its_effects_and_records_the_step(scenario):
    first = engine.start(scenario)
    state = engine.choose(scenario, first, 0)
    assert dict(state.variables) == {"trust": 7, "agreed": True}
    assert state.node_id == "write"
    assert state.steps == (Step("fixture-valid", 1, "open", choice=0),)
    assert dict(first.variables) == {"trust": 5, "agreed": False} and first.steps == ()


def test_effects_are_clamped_to_min_and_max(scenario):
    state = engine.start(scenario)
    assert engine.choose(scenario, with_variables(state, trust=9), 0).variables["trust"] == 10
    assert engine.choose(scenario, with_variables(state, trust=1), 1).variables["trust"] == 0


def test_variables_cannot_be_changed_in_place(scenario):
    with pytest.raises(TypeError):
        engine.start(scenario).variables["trust"] = 99


@pytest.mark.parametrize("raw, effect", [
    (1, Effect("v", "add", 1)), (-2, Effect("v", "add", -2)), ("= 4", Effect("v", "set", 4)),
    ("=-1.5", Effect("v", "set", -1.5)), (True, Effect("v", "set", True)), ("= false", Effect("v", "set", False)),
])
def test_effects_add_or_set(raw, effect):
    assert parse_effect("v", raw) == effect


def test_a_malformed_effect_is_refused():
    with pytest.raises(ValueError, match="must be like"):
        parse_effect("v", "plus one")


def test_a_short_answer_is_refused_with_a_clear_message(scenario):
    state = engine.choose(scenario, engine.start(scenario), 0)
    with pytest.raises(TooShort, match="Your answer has 2 words; write at least 3.") as raised:
        engine.answer(scenario, state, "  too   short ")
    assert (raised.value.words, raised.value.minimum) == (2, 3)


def test_the_wrong_kind_of_move_is_refused(scenario):
    state = engine.start(scenario)
    with pytest.raises(EngineError, match="takes choices, not free text"):
        engine.answer(scenario, state, ANSWER)
    with pytest.raises(EngineError, match="takes free text, not choices"):
        engine.choose(scenario, engine.choose(scenario, state, 0), 0)


@pytest.mark.parametrize("choice, ending, outcome", [(0, "good-end", "resolved"), (1, "bad-end", "relationship_lost")])
def test_conditional_next_leads_to_different_endings(scenario, choice, ending, outcome):
    state = engine.choose(scenario, engine.start(scenario), choice)
    state = engine.answer(scenario, state, ANSWER)
    assert state.node_id == ending and engine.is_ended(scenario, state)
    assert engine.outcome(scenario, state) == outcome
    assert state.steps[-1] == Step("fixture-valid", 1, "write", text=ANSWER)


def test_nothing_can_be_done_after_an_ending(scenario):
    state = engine.answer(scenario, engine.choose(scenario, engine.start(scenario), 0), ANSWER)
    with pytest.raises(EngineError, match="takes ending"):
        engine.choose(scenario, state, 0)


def test_replaying_a_transcript_reproduces_the_state(scenario):
    played = engine.answer(scenario, engine.choose(scenario, engine.start(scenario), 0), ANSWER)
    assert engine.replay(scenario, played.steps) == played


def test_resuming_from_a_partial_transcript_continues_the_same_way(scenario):
    continuous = engine.answer(scenario, engine.choose(scenario, engine.start(scenario), 1), ANSWER)
    resumed = engine.replay(scenario, continuous.steps[:1])
    assert engine.answer(scenario, resumed, ANSWER) == continuous


def test_replay_refuses_a_transcript_of_another_version(scenario):
    with pytest.raises(EngineError, match="does not follow from node 'open' of fixture-valid version 1"):
        engine.replay(scenario, [Step("fixture-valid", 2, "open", choice=0)])


def test_replay_refuses_a_step_at_the_wrong_node(scenario):
    with pytest.raises(EngineError):
        engine.replay(scenario, [Step("fixture-valid", 1, "write", text=ANSWER)])


def test_the_shipped_example_replays_along_a_long_path():
    example = Scenario.from_document(load_file(SCENARIOS_DIR / "postprod-grade-deadline-shift.yaml").data)
    state = engine.start(example)
    for move in (2, 0, 2, "x " * 60, 0, 1, 0, "y " * 50):
        state = engine.answer(example, state, move) if isinstance(move, str) else engine.choose(example, state, move)
    assert engine.is_ended(example, state)
    assert engine.replay(example, state.steps) == state


def test_client_text_fills_in_variables_in_either_language(scenario):
    state = engine.start(scenario)
    assert engine.client_text(scenario, state, "en") == "Hello, trust 5"
    assert engine.client_text(scenario, state, "cy") == "Helo, ymddiriedaeth 5"


def test_render_leaves_unknown_placeholders_and_other_braces_alone():
    assert engine.render("{a} of {b} {not a name} {}", {"a": 2.5}) == "2.5 of {b} {not a name} {}"
    assert engine.render("{a}", {"a": 3.0}) == "3"


def test_criteria_touched_separates_shown_from_failed(scenario):
    good = engine.answer(scenario, engine.choose(scenario, engine.start(scenario), 0), ANSWER)
    touched = engine.criteria_touched(scenario, good.steps)
    assert touched.shown == {Criterion("TEST-STD", "1", ref) for ref in ("P1", "P2", "K1")}
    assert touched.failed == frozenset()
    poor = engine.answer(scenario, engine.choose(scenario, engine.start(scenario), 1), ANSWER)
    assert engine.criteria_touched(scenario, poor.steps).failed == {Criterion("TEST-STD", "1", "P1")}


def test_a_ref_shared_by_two_standards_needs_its_urn():
    table = declared_criteria({"standards": [{"urn": "A", "version": 1, "criteria": ["P1", "P2"]},
                                             {"urn": "B", "version": "3", "criteria": ["P1"]}]})
    assert resolve_ref("P1", table) is None
    assert resolve_ref("B:P1", table) == Criterion("B", "3", "P1")
    assert resolve_ref("P2", table) == Criterion("A", "1", "P2")

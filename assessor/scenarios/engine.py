"""Play a scenario: pure functions from one attempt state to the next. No database, no request."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from .evaluation import holds
from .expressions import Value
from .format import Criterion, Scenario, declared_criteria, follow, node_kind, parse_effect, resolve_ref

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class EngineError(ValueError):
    """A move the scenario does not allow at this point."""


class TooShort(EngineError):
    """A free-text answer with fewer words than the node's `min_words`."""

    def __init__(self, words: int, minimum: int) -> None:
        super().__init__(f"Your answer has {words} words; write at least {minimum}.")
        self.words, self.minimum = words, minimum


@dataclass(frozen=True)
class Step:
    """One learner move: a transcript is a sequence of these."""

    scenario_id: str
    version: int
    node_id: str
    choice: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class AttemptState:
    scenario_id: str
    version: int
    node_id: str
    variables: Mapping[str, Value]
    steps: tuple[Step, ...] = field(default=())


def start(scenario: Scenario) -> AttemptState:
    """A new attempt at the start node with every variable at its initial value."""
    variables = MappingProxyType(scenario.initial_variables())
    return AttemptState(scenario.id, scenario.version, scenario.start, variables)


def current_node(scenario: Scenario, state: AttemptState) -> Mapping[str, Any]:
    return scenario.nodes[state.node_id]


def is_ended(scenario: Scenario, state: AttemptState) -> bool:
    return node_kind(current_node(scenario, state)) == "ending"


def outcome(scenario: Scenario, state: AttemptState) -> str | None:
    """The ending's outcome, or None while the attempt is still going."""
    node = current_node(scenario, state)
    return node["ending"]["outcome"] if node_kind(node) == "ending" else None


def available_choices(scenario: Scenario, state: AttemptState) -> list[tuple[int, Mapping[str, Any]]]:
    """The choices open now, each with its index in the node's list (the index a transcript stores)."""
    choices = current_node(scenario, state).get("choices") or []
    return [(index, choice) for index, choice in enumerate(choices) if holds(choice.get("if"), state.variables)]


def choose(scenario: Scenario, state: AttemptState, index: int) -> AttemptState:
    """Take choice `index` at the current node: apply its effects and move on."""
    _expect_kind(scenario, state, "choices")
    open_choices = dict(available_choices(scenario, state))
    if index not in open_choices:
        raise EngineError(f"Choice {index} is not available at node {state.node_id!r}.")
    choice = open_choices[index]
    variables = apply_effects(scenario, state.variables, choice.get("effects") or {})
    step = Step(state.scenario_id, state.version, state.node_id, choice=index)
    return _advance(state, step, follow(choice["next"], variables), variables)


def answer(scenario: Scenario, state: AttemptState, text: str) -> AttemptState:
    """Submit a free-text answer; TooShort when it has fewer than `min_words` words."""
    spec = _expect_kind(scenario, state, "free_text")
    words, minimum = len(text.split()), spec.get("min_words", 0)
    if words < minimum:
        raise TooShort(words, minimum)
    step = Step(state.scenario_id, state.version, state.node_id, text=text)
    return _advance(state, step, follow(spec["next"], state.variables), state.variables)


def apply_effects(scenario: Scenario, variables: Mapping[str, Value], effects: Mapping[str, Any]) -> Mapping[str, Value]:
    """New variables after the effects, each clamped to its declared bounds."""
    updated = dict(variables)
    for name, raw in effects.items():
        effect = parse_effect(name, raw)
        updated[name] = scenario.variables[name].clamp(effect.apply(updated[name]))
    return MappingProxyType(updated)


def replay(scenario: Scenario, steps: Sequence[Step]) -> AttemptState:
    """Rebuild an attempt from its transcript: how an attempt is resumed."""
    state = start(scenario)
    for step in steps:
        if (step.scenario_id, step.version, step.node_id) != (scenario.id, scenario.version, state.node_id):
            raise EngineError(f"Step {step} does not follow from node {state.node_id!r} of "
                              f"{scenario.id} version {scenario.version}.")
        state = choose(scenario, state, step.choice) if step.choice is not None else answer(scenario, state, step.text or "")
    return state


def render(template: str, variables: Mapping[str, Value]) -> str:
    """Fill `{name}` placeholders with variable values; other braces stay as written."""
    def value_of(match: re.Match) -> str:
        value = variables.get(match[1], match[0])
        return f"{value:g}" if isinstance(value, float) else str(value)
    return PLACEHOLDER.sub(value_of, template)


def client_text(scenario: Scenario, state: AttemptState, language: str) -> str:
    """The client's message at the current node, in `language`, with variables filled in."""
    message = current_node(scenario, state).get("client") or {}
    return render(message.get(language, ""), state.variables)


@dataclass(frozen=True)
class CriteriaTouched:
    shown: frozenset[Criterion]
    failed: frozenset[Criterion]


def criteria_touched(scenario: Scenario, steps: Sequence[Step]) -> CriteriaTouched:
    """The criteria an attempt's path shows or evidences, and, separately, those it failed to show."""
    table = declared_criteria(scenario.document)
    shown: set[Criterion] = set()
    failed: set[Criterion] = set()
    for step in steps:
        node = scenario.nodes[step.node_id]
        if step.choice is not None:
            choice = node["choices"][step.choice]
            shown |= _resolve(choice.get("shows"), table)
            failed |= _resolve(choice.get("fails_to_show"), table)
        else:
            shown |= _resolve(node["free_text"].get("evidences"), table)
    return CriteriaTouched(frozenset(shown), frozenset(failed))


def _resolve(refs: Sequence[str] | None, table: Mapping[str, list[Criterion]]) -> set[Criterion]:
    return {criterion for ref in refs or [] if (criterion := resolve_ref(ref, table))}


def _expect_kind(scenario: Scenario, state: AttemptState, kind: str) -> Any:
    node = current_node(scenario, state)
    if node_kind(node) != kind:
        raise EngineError(f"Node {state.node_id!r} takes {node_kind(node).replace('_', ' ')}, not {kind.replace('_', ' ')}.")
    return node[kind]


def _advance(state: AttemptState, step: Step, node_id: str, variables: Mapping[str, Value]) -> AttemptState:
    return replace(state, node_id=node_id, variables=variables, steps=state.steps + (step,))

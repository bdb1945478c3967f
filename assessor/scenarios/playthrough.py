"""Seeded random playthroughs: every run must reach an ending within a step limit."""
from __future__ import annotations

import random

from . import engine
from .expressions import ExpressionError
from .format import Scenario, node_kind
from .report import Report


def step_limit(scenario: Scenario) -> int:
    return max(100, 20 * len(scenario.nodes))


def play_randomly(scenario: Scenario, rng: random.Random) -> tuple[engine.AttemptState, str | None]:
    """One random run: the final state and, if it failed, why."""
    state = engine.start(scenario)
    for _ in range(step_limit(scenario)):
        if engine.is_ended(scenario, state):
            return state, None
        node = engine.current_node(scenario, state)
        if node_kind(node) == "free_text":
            state = engine.answer(scenario, state, " ".join(["gair"] * node["free_text"].get("min_words", 0)))
            continue
        open_choices = engine.available_choices(scenario, state)
        if not open_choices:
            return state, f"got stuck at node {state.node_id!r}: no choice's 'if' holds (variables: {dict(state.variables)})"
        state = engine.choose(scenario, state, rng.choice(open_choices)[0])
    return state, f"did not reach an ending within {step_limit(scenario)} steps (it was at node {state.node_id!r})"


def check_playthroughs(scenario: Scenario, report: Report, runs: int, seed: int) -> None:
    """Report each distinct failure once, with the number of the first run that met it."""
    rng, reported = random.Random(seed), set()
    for run in range(1, runs + 1):
        try:
            state, failure = play_randomly(scenario, rng)
        except (ExpressionError, ValueError) as error:
            state, failure = None, f"stopped with an error: {error}"
        if failure and failure not in reported:
            reported.add(failure)
            where = ("nodes", state.node_id) if state else ("nodes",)
            report.error(where, f"random playthrough {run} (seed {seed}) {failure}", _failure_kind(state, failure),
                         {"run": run, "seed": seed, "node": state.node_id if state else "",
                          "steps": step_limit(scenario), "detail": failure})


def _failure_kind(state: engine.AttemptState | None, failure: str) -> str:
    if state is None:
        return "playthrough_error"
    return "playthrough_stuck" if failure.startswith("got stuck") else "playthrough_too_long"

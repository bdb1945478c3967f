"""Choices and conditional `next` branches that can never be taken.

Every reachable state (a node and the values of the variables any condition reads) is explored from the start.
When there are more than STATE_CAP states, the seeded random playthroughs are watched instead: what none of them
took is reported as likely, not certain, never to be taken.
"""
from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .evaluation import evaluate
from .expressions import ExpressionError, Node, Value, names, parse
from .format import Scenario, node_kind, parse_effect
from .playthrough import step_limit
from .report import Report

#: the most states explored before falling back to the random playthroughs
STATE_CAP = 20_000

Variables = Mapping[str, Value]


@dataclass
class Seen:
    """What the exploration met: nodes reached, choices open, `next`s followed and the branch each took."""

    nodes: set[str] = field(default_factory=set)
    open: set[tuple[str, int]] = field(default_factory=set)
    followed: set[tuple] = field(default_factory=set)
    branches: set[tuple] = field(default_factory=set)


def check_never_taken(scenario: Scenario, report: Report, playthroughs: int, seed: int) -> None:
    """Warn of each conditional choice and branch no reachable state takes (or no playthrough took)."""
    cap = STATE_CAP
    try:
        seen, sampled = explore(scenario, cap), {}
        if seen is None and playthroughs > 0:
            seen, sampled = sample(scenario, playthroughs, seed), {"runs": playthroughs, "seed": seed, "cap": f"{cap:,}"}
    except (ExpressionError, ValueError, KeyError, TypeError):
        return
    if seen is not None:
        _report_choices(scenario, seen, report, sampled)
        _report_branches(scenario, seen, report, sampled)


def explore(scenario: Scenario, cap: int) -> Seen | None:
    """Every state reachable from the start, breadth first; None when there are more than `cap`."""
    seen, first = Seen(), (scenario.start, _initial(scenario))
    queue, visited = deque([first]), {_key(*first)}
    while queue:
        node_id, variables = queue.popleft()
        for move in moves(scenario, node_id, variables, seen):
            if _key(*move) not in visited:
                if len(visited) >= cap:
                    return None
                visited.add(_key(*move))
                queue.append(move)
    return seen


def sample(scenario: Scenario, runs: int, seed: int) -> Seen:
    """What the seeded random playthroughs meet (the same runs as playthrough.check_playthroughs makes)."""
    rng, seen, initial = random.Random(seed), Seen(), _initial(scenario)
    for _ in range(runs):
        node_id, variables = scenario.start, initial
        for _ in range(step_limit(scenario)):
            options = list(moves(scenario, node_id, variables, seen))
            if not options:
                break
            node_id, variables = options[0] if _free_text(scenario, node_id) else rng.choice(options)
    return seen


def moves(scenario: Scenario, node_id: str, variables: Variables, seen: Seen) -> Iterator[tuple[str, Variables]]:
    """Each state one step on from this one, noting in `seen` what was open and which branches were taken."""
    seen.nodes.add(node_id)
    node = scenario.nodes[node_id]
    if node_kind(node) == "free_text":
        yield _follow(node_id, ("free_text", "next"), node["free_text"]["next"], variables, seen), variables
        return
    for index, choice in enumerate(node.get("choices") or []):
        if _holds(choice.get("if"), variables):
            seen.open.add((node_id, index))
            after = _apply(scenario, variables, choice.get("effects") or {})
            yield _follow(node_id, ("choices", index, "next"), choice["next"], after, seen), after


def _follow(node_id: str, path: tuple, spec: Any, variables: Variables, seen: Seen) -> str:
    if isinstance(spec, str):
        return spec
    seen.followed.add((node_id, *path))
    for index, branch in enumerate(spec):
        if "else" in branch or _holds(branch["if"], variables):
            seen.branches.add((node_id, *path, index))
            return branch.get("else") or branch["goto"]
    raise ValueError("no branch of a conditional 'next' applies")


def _report_choices(scenario: Scenario, seen: Seen, report: Report, sampled: Mapping[str, Any]) -> None:
    """Only at nodes reached: a node never reached is the fault of the choice or branch leading to it."""
    kind = "choice_never_open" + ("_sampled" if sampled else "")
    for node_id in sorted(seen.nodes):
        for index, choice in enumerate(scenario.nodes[node_id].get("choices") or []):
            if "if" in choice and (node_id, index) not in seen.open:
                report.warning(("nodes", node_id, "choices", index, "if"),
                               _choice_message(node_id, index, choice["if"], sampled), kind,
                               {"node": node_id, "choice": index + 1, "condition": str(choice["if"]), **sampled})


def _report_branches(scenario: Scenario, seen: Seen, report: Report, sampled: Mapping[str, Any]) -> None:
    """Only in `next`s followed at least once: a choice never taken is reported itself."""
    kind = "branch_never_taken" + ("_sampled" if sampled else "")
    for node_id in sorted(seen.nodes):
        for path, spec in _conditional_nexts(scenario.nodes[node_id]):
            for index, branch in enumerate(spec if (node_id, *path) in seen.followed else []):
                if (node_id, *path, index) not in seen.branches:
                    report.warning(("nodes", node_id, *path, index, "else" if "else" in branch else "if"),
                                   _branch_message(node_id, index, sampled), kind,
                                   {"node": node_id, "branch": index + 1, **sampled})


def _choice_message(node_id: str, index: int, condition: Any, sampled: Mapping[str, Any]) -> str:
    if not sampled:
        return (f"choice {index + 1} of node {node_id!r} can never be taken: its condition {condition!r} is false "
                "on every path that reaches the node")
    return (f"choice {index + 1} of node {node_id!r} was never open in {sampled['runs']} random playthroughs "
            f"(seed {sampled['seed']}): its condition {condition!r} may never hold (too many states, over "
            f"{sampled['cap']}, to try every path)")


def _branch_message(node_id: str, index: int, sampled: Mapping[str, Any]) -> str:
    if not sampled:
        return (f"branch {index + 1} of this 'next' at node {node_id!r} can never be taken: on every path, its "
                "condition is false or an earlier branch is taken")
    return (f"branch {index + 1} of this 'next' at node {node_id!r} was never taken in {sampled['runs']} random "
            f"playthroughs (seed {sampled['seed']}) (too many states, over {sampled['cap']}, to try every path)")


def _conditional_nexts(node: Mapping[str, Any]) -> Iterator[tuple[tuple, list]]:
    for index, choice in enumerate(node.get("choices") or []):
        if isinstance(choice.get("next"), list):
            yield ("choices", index, "next"), choice["next"]
    if "free_text" in node and isinstance(node["free_text"].get("next"), list):
        yield ("free_text", "next"), node["free_text"]["next"]


def _read(scenario: Scenario) -> frozenset[str]:
    """The variables some condition reads: the only ones that decide which way play can go."""
    found: set[str] = set()
    for node in scenario.nodes.values():
        conditions = [choice.get("if") for choice in node.get("choices") or []]
        conditions += [branch.get("if") for _, spec in _conditional_nexts(node) for branch in spec]
        found |= {name for condition in conditions if isinstance(condition, str) for name in names(_parsed(condition))}
    return frozenset(found)


def _initial(scenario: Scenario) -> dict[str, Value]:
    read = _read(scenario)
    return {name: value for name, value in scenario.initial_variables().items() if name in read}


def _apply(scenario: Scenario, variables: Variables, effects: Mapping[str, Any]) -> Variables:
    updated = dict(variables)
    for name, raw in effects.items():
        if name in updated:
            updated[name] = scenario.variables[name].clamp(parse_effect(name, raw).apply(updated[name]))
    return updated


def _key(node_id: str, variables: Variables) -> tuple:
    return (node_id, *variables.values())


def _holds(condition: Any, variables: Variables) -> bool:
    if condition is None or isinstance(condition, bool):
        return condition is not False
    return evaluate(_parsed(condition), variables) is True


@lru_cache(maxsize=4096)
def _parsed(condition: str) -> Node:
    return parse(condition)


def _free_text(scenario: Scenario, node_id: str) -> bool:
    return node_kind(scenario.nodes[node_id]) == "free_text"

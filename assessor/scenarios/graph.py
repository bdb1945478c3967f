"""Graph checks: missing nodes, conditional `next` without `else`, unreachable nodes, loops with no ending."""
from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from .format import Scenario, node_kind, outgoing
from .report import Report


def check_graph(scenario: Scenario, report: Report) -> None:
    nodes = scenario.nodes
    missing = _missing_references(scenario, report)
    _branch_order(nodes, report)
    _conditions_only(nodes, report)
    if scenario.start not in nodes:
        report.error(("start",), f"start node {scenario.start!r} does not exist{_suggest(scenario.start, nodes)}",
                     "missing_start", {"node": scenario.start})
        return
    reachable = set(distances(scenario))
    for node_id in nodes:
        if node_id not in reachable:
            report.error(("nodes", node_id), f"node {node_id!r} cannot be reached from the start node {scenario.start!r}",
                         "unreachable", {"node": node_id, "start": scenario.start})
    if not missing:
        _no_way_to_an_ending(nodes, reachable, report)


def distances(scenario: Scenario) -> dict[str, int]:
    """Each node reachable from the start, with the fewest steps it takes to get there (start first)."""
    if scenario.start not in scenario.nodes:
        return {}
    found, queue = {scenario.start: 0}, deque([scenario.start])
    while queue:
        node_id = queue.popleft()
        for target in _targets(scenario.nodes, node_id):
            if target not in found:
                found[target] = found[node_id] + 1
                queue.append(target)
    return found


def _targets(nodes: Mapping[str, Any], node_id: str) -> list[str]:
    return [target for _, target in outgoing(nodes[node_id]) if target in nodes]


def _walk(first: str, neighbours) -> set[str]:
    seen, queue = {first}, deque([first])
    while queue:
        for target in neighbours(queue.popleft()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _missing_references(scenario: Scenario, report: Report) -> bool:
    found = False
    for node_id, node in scenario.nodes.items():
        for path, target in outgoing(node):
            if target not in scenario.nodes:
                found = True
                report.error(("nodes", node_id) + path,
                             f"'next' goes to node {target!r}, which does not exist{_suggest(target, scenario.nodes)}",
                             "missing_node", {"node": target})
    return found


def _branch_order(nodes: Mapping[str, Any], report: Report) -> None:
    for node_id, node in nodes.items():
        for path, spec in _next_specs(node):
            if not isinstance(spec, list):
                continue
            where = ("nodes", node_id) + path
            else_positions = [index for index, branch in enumerate(spec) if "else" in branch]
            for index, branch in enumerate(spec):
                if "else" in branch and "if" in branch:
                    report.error(where + (index,), "a branch has either 'if' and 'goto', or only 'else'", "branch_if_and_else")
            if not else_positions:
                report.error(where, "conditional 'next' has no 'else': end it with `- else: <node id>`", "no_else")
            elif else_positions[0] != len(spec) - 1:
                report.error(where + (else_positions[0],), "'else' must be the last branch: the branches after it are never used",
                             "else_not_last")


def _next_specs(node: Mapping[str, Any]) -> Iterable[tuple[tuple, Any]]:
    for index, choice in enumerate(node.get("choices") or []):
        yield ("choices", index, "next"), choice.get("next")
    if "free_text" in node:
        yield ("free_text", "next"), node["free_text"].get("next")


def _conditions_only(nodes: Mapping[str, Any], report: Report) -> None:
    for node_id, node in nodes.items():
        choices = node.get("choices") or []
        if choices and all("if" in choice and choice["if"] is not True for choice in choices):
            report.warning(("nodes", node_id, "choices"),
                           f"every choice of node {node_id!r} has an 'if': when none holds the learner is stuck; "
                           "leave one choice without a condition", "choices_all_conditional", {"node": node_id})


def _no_way_to_an_ending(nodes: Mapping[str, Any], reachable: set[str], report: Report) -> None:
    incoming: dict[str, list[str]] = {node_id: [] for node_id in nodes}
    for node_id in nodes:
        for target in _targets(nodes, node_id):
            incoming[target].append(node_id)
    endings = [node_id for node_id, node in nodes.items() if node_kind(node) == "ending"]
    can_end: set[str] = set()
    for ending in endings:
        can_end |= _walk(ending, lambda node_id: incoming[node_id])
    trapped = [node_id for node_id in nodes if node_id in reachable and node_id not in can_end]
    if trapped:
        report.error(("nodes", trapped[0]),
                     f"no ending can be reached from these nodes (they only loop among themselves): {', '.join(trapped)}",
                     "trapped_loop", {"nodes": ", ".join(trapped)})


def _suggest(name: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(candidates), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""

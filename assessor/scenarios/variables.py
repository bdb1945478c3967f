"""Variable checks: declarations, conditions, effects and {placeholders}."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .engine import PLACEHOLDER
from .evaluation import type_problems
from .expressions import ExpressionError, names, parse
from .format import Scenario, Variable, parse_effect, texts
from .report import Report


def check_variables(scenario: Scenario, report: Report) -> None:
    for name, variable in scenario.variables.items():
        _declaration(name, variable, scenario.document["state"][name], report)
    for path, condition in _conditions(scenario.nodes):
        _condition(path, condition, scenario.variables, report)
    for node_id, node in scenario.nodes.items():
        for index, choice in enumerate(node.get("choices") or []):
            for name, raw in (choice.get("effects") or {}).items():
                _effect(("nodes", node_id, "choices", index, "effects", name), name, raw, scenario.variables, report)
    read = {name for _, condition in _conditions(scenario.nodes) if isinstance(condition, str) for name in _names(condition)}
    for path, text in texts(scenario.document, ()):
        for placeholder in PLACEHOLDER.findall(text):
            read.add(placeholder)
            if placeholder not in scenario.variables:
                report.error(path, f"{{{placeholder}}} names no variable declared under 'state'",
                             "undeclared_placeholder", {"name": placeholder})
    for name in scenario.variables:
        if name not in read:
            report.warning(("state", name), f"{name!r} is never read: no condition or {{placeholder}} uses it",
                           "unused_variable", {"name": name})


def _names(condition: str) -> set[str]:
    try:
        return names(parse(condition))
    except ExpressionError:
        return set()


def _declaration(name: str, variable: Variable, spec: Mapping[str, Any], report: Report) -> None:
    where = ("state", name)
    if variable.kind == "boolean":
        if "min" in spec or "max" in spec:
            report.error(where, f"{name!r} is true/false: 'min' and 'max' are for numbers")
        return
    if variable.minimum is not None and variable.maximum is not None and variable.minimum > variable.maximum:
        report.error(where, f"{name!r} has min {variable.minimum} above max {variable.maximum}")
    elif variable.clamp(variable.initial) != variable.initial:
        report.error(where + ("initial",), f"{name!r} starts at {variable.initial}, outside its min and max")


def _condition(path: tuple, condition: Any, variables: Mapping[str, Variable], report: Report) -> None:
    if isinstance(condition, bool):
        return
    try:
        tree = parse(condition)
    except ExpressionError as error:
        report.error(path, f"condition {condition!r}: {error}")
        return
    for name in sorted(names(tree) - set(variables)):
        report.error(path, f"condition {condition!r} uses {name!r}, which is not declared under 'state'",
                     "undeclared_condition", {"name": name, "condition": condition})
    for problem in type_problems(tree, {name: variable.kind for name, variable in variables.items()}):
        report.error(path, f"condition {condition!r}: {problem}")


def _effect(path: tuple, name: str, raw: Any, variables: Mapping[str, Variable], report: Report) -> None:
    if name not in variables:
        report.error(path, f"effect changes {name!r}, which is not declared under 'state'",
                     "undeclared_effect", {"name": name})
        return
    variable, effect = variables[name], parse_effect(name, raw)
    if variable.kind != ("boolean" if isinstance(effect.amount, bool) else "number"):
        report.error(path, f"{name!r} is a {variable.kind}; this effect gives it {raw!r}")
        return
    if variable.kind == "boolean":
        return
    if effect.mode == "set" and variable.clamp(effect.amount) != effect.amount:
        report.warning(path, f"effect sets {name!r} to {effect.amount}, outside its min and max; it will be clamped")
    span = _span(variable)
    if effect.mode == "add" and span is not None and abs(effect.amount) > span:
        report.warning(path, f"effect {raw:+} on {name!r} is bigger than its whole range ({variable.minimum} to "
                             f"{variable.maximum}); it always hits the limit")


def _span(variable: Variable) -> float | None:
    if variable.minimum is None or variable.maximum is None:
        return None
    return variable.maximum - variable.minimum


def _conditions(nodes: Mapping[str, Any]) -> Iterator[tuple[tuple, Any]]:
    for node_id, node in nodes.items():
        for index, choice in enumerate(node.get("choices") or []):
            base = ("nodes", node_id, "choices", index)
            if "if" in choice:
                yield base + ("if",), choice["if"]
            yield from _branch_conditions(base + ("next",), choice.get("next"))
        if "free_text" in node:
            yield from _branch_conditions(("nodes", node_id, "free_text", "next"), node["free_text"].get("next"))


def _branch_conditions(path: tuple, spec: Any) -> Iterator[tuple[tuple, Any]]:
    for index, branch in enumerate(spec if isinstance(spec, list) else []):
        if "if" in branch:
            yield path + (index, "if"), branch["if"]

"""Evaluate parsed conditions against variables, and check their types before play."""
from __future__ import annotations

import operator
from collections.abc import Mapping

from .expressions import Compare, ExpressionError, Literal, Logical, Name, Node, Not, Value, parse

ORDERING = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
EQUALITY = {"==": operator.eq, "!=": operator.ne}


def kind_of(value: Value) -> str:
    """'boolean' or 'number'."""
    return "boolean" if isinstance(value, bool) else "number"


def evaluate(node: Node, variables: Mapping[str, Value]) -> Value:
    """The value of a parsed condition; ExpressionError on an unknown name or a type mismatch."""
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Name):
        if node.name not in variables:
            raise ExpressionError(f"unknown variable {node.name!r}")
        return variables[node.name]
    if isinstance(node, Not):
        return not _boolean(evaluate(node.operand, variables), "'not'")
    if isinstance(node, Logical):
        left = _boolean(evaluate(node.left, variables), f"'{node.operator}'")
        if node.operator == "and" and not left or node.operator == "or" and left:
            return left
        return _boolean(evaluate(node.right, variables), f"'{node.operator}'")
    return _compare(node, evaluate(node.left, variables), evaluate(node.right, variables))


def holds(condition: str | bool | None, variables: Mapping[str, Value]) -> bool:
    """Whether an optional condition (text, a YAML boolean or nothing) is true."""
    if condition is None or isinstance(condition, bool):
        return condition is not False
    return _boolean(evaluate(parse(condition), variables), "a condition")


def _boolean(value: Value, where: str) -> bool:
    if not isinstance(value, bool):
        raise ExpressionError(f"{where} needs true or false, not the number {value}")
    return value


def _compare(node: Compare, left: Value, right: Value) -> bool:
    if node.operator in ORDERING:
        if kind_of(left) != "number" or kind_of(right) != "number":
            raise ExpressionError(f"'{node.operator}' compares numbers only")
        return ORDERING[node.operator](left, right)
    if kind_of(left) != kind_of(right):
        raise ExpressionError(f"'{node.operator}' compares a {kind_of(left)} with a {kind_of(right)}")
    return EQUALITY[node.operator](left, right)


def type_problems(node: Node, types: Mapping[str, str]) -> list[str]:
    """Type mistakes in a condition, given each declared variable's kind; unknown names are skipped."""
    problems: list[str] = []
    result = _infer(node, types, problems)
    if result == "number":
        problems.append("a condition must be true or false; compare the number, e.g. 'trust >= 5'")
    return problems


def _infer(node: Node, types: Mapping[str, str], problems: list[str]) -> str | None:
    if isinstance(node, Literal):
        return kind_of(node.value)
    if isinstance(node, Name):
        return types.get(node.name)
    if isinstance(node, Not):
        _expect(_infer(node.operand, types, problems), "boolean", "'not' needs true or false", problems)
        return "boolean"
    left, right = _infer(node.left, types, problems), _infer(node.right, types, problems)
    if isinstance(node, Logical):
        for side in (left, right):
            _expect(side, "boolean", f"'{node.operator}' joins conditions, not numbers", problems)
    elif node.operator in ORDERING:
        for side in (left, right):
            _expect(side, "number", f"'{node.operator}' compares numbers only", problems)
    elif left and right and left != right:
        problems.append(f"'{node.operator}' compares a {left} with a {right}")
    return "boolean"


def _expect(found: str | None, wanted: str, message: str, problems: list[str]) -> None:
    if found is not None and found != wanted:
        problems.append(message)

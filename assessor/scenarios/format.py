"""The scenario format as read by the engine: variables, effects, nodes, `next` and criteria refs."""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from .evaluation import holds
from .expressions import Value

SET_EFFECT = re.compile(r"^=\s*(?P<value>-?\d+(?:\.\d+)?|true|false)\s*$")
NODE_KINDS = ("choices", "free_text", "ending")


class Criterion(NamedTuple):
    urn: str
    version: str
    ref: str


@dataclass(frozen=True)
class Variable:
    name: str
    initial: Value
    minimum: float | None = None
    maximum: float | None = None
    visible: bool = False

    @property
    def kind(self) -> str:
        return "boolean" if isinstance(self.initial, bool) else "number"

    def clamp(self, value: Value) -> Value:
        """The value kept within the declared bounds (numbers only)."""
        if self.kind == "boolean":
            return value
        if self.minimum is not None:
            value = max(self.minimum, value)
        if self.maximum is not None:
            value = min(self.maximum, value)
        return value


@dataclass(frozen=True)
class Effect:
    variable: str
    mode: str
    amount: Value

    def apply(self, current: Value) -> Value:
        """The new value before clamping: `+n`/`-n` add, `= v` and booleans set."""
        return current + self.amount if self.mode == "add" else self.amount


def parse_effect(variable: str, raw: Any) -> Effect:
    """`+1`, `-2`, `"= 4"`, `true`; ValueError otherwise."""
    if isinstance(raw, bool):
        return Effect(variable, "set", raw)
    if isinstance(raw, (int, float)):
        return Effect(variable, "add", raw)
    match = SET_EFFECT.match(str(raw))
    if not match:
        raise ValueError(f"effect on {variable!r} must be like +1, -2, \"= 5\" or true, not {raw!r}")
    text = match["value"]
    value: Value = text == "true" if text in ("true", "false") else float(text) if "." in text else int(text)
    return Effect(variable, "set", value)


@dataclass(frozen=True)
class Scenario:
    id: str
    version: int
    start: str
    variables: Mapping[str, Variable]
    nodes: Mapping[str, Mapping[str, Any]]
    document: Mapping[str, Any]

    @classmethod
    def from_document(cls, data: Mapping[str, Any]) -> Scenario:
        """Build from a document that passed the schema."""
        variables = {name: _variable(name, spec) for name, spec in (data.get("state") or {}).items()}
        return cls(data["id"], data["version"], data["start"], MappingProxyType(variables),
                   MappingProxyType(dict(data["nodes"])), data)

    def initial_variables(self) -> dict[str, Value]:
        return {name: variable.initial for name, variable in self.variables.items()}


def _variable(name: str, spec: Mapping[str, Any]) -> Variable:
    return Variable(name, spec["initial"], spec.get("min"), spec.get("max"), bool(spec.get("visible", False)))


def node_kind(node: Mapping[str, Any]) -> str:
    """'choices', 'free_text' or 'ending'."""
    return next(kind for kind in NODE_KINDS if kind in node)


def next_targets(spec: str | list | None) -> Iterator[tuple[tuple, str]]:
    """Every node a `next` may lead to, each with its path inside the `next` value."""
    if isinstance(spec, str):
        yield (), spec
    for index, branch in enumerate(spec if isinstance(spec, list) else []):
        for key in ("goto", "else"):
            if isinstance(branch, Mapping) and isinstance(branch.get(key), str):
                yield (index, key), branch[key]


def follow(spec: str | list, variables: Mapping[str, Value]) -> str:
    """The node a `next` leads to now: the first branch whose `if` holds, else the `else`."""
    if isinstance(spec, str):
        return spec
    for branch in spec:
        if "else" in branch:
            return branch["else"]
        if holds(branch["if"], variables):
            return branch["goto"]
    raise ValueError("no branch of a conditional 'next' applies and it has no 'else'")


def outgoing(node: Mapping[str, Any]) -> Iterator[tuple[tuple, str]]:
    """Every node reachable in one step, with the path of the reference inside the node."""
    for index, choice in enumerate(node.get("choices") or []):
        for path, target in next_targets(choice.get("next")):
            yield ("choices", index, "next") + path, target
    if "free_text" in node:
        for path, target in next_targets(node["free_text"].get("next")):
            yield ("free_text", "next") + path, target


def declared_criteria(document: Mapping[str, Any]) -> dict[str, list[Criterion]]:
    """Each bare and qualified ref listed under `standards`, mapped to the criteria it may mean."""
    table: dict[str, list[Criterion]] = {}
    for citation in document.get("standards") or []:
        version = str(citation.get("version"))
        for ref in citation.get("criteria") or []:
            criterion = Criterion(citation["urn"], version, ref)
            table.setdefault(ref, []).append(criterion)
            table.setdefault(f"{citation['urn']}:{ref}", []).append(criterion)
    return table


def resolve_ref(ref: str, table: Mapping[str, list[Criterion]]) -> Criterion | None:
    """The criterion a `shows`/`evidences` ref names, if it names exactly one."""
    matches = table.get(ref) or []
    return matches[0] if len(set(matches)) == 1 else None


def texts(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Every Welsh or English string in the document, with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("cy", "en") and isinstance(item, str):
                yield path + (key,), item
            else:
                yield from texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, path + (index,))

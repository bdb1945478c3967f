"""Where in the structured editor a problem of the check is fixed: the page (a node's, the persona's, the state
variables') and the id of the field on it, from the problem's path in the document."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: document keys the forms name otherwise
RENAMED = {"if": "condition", "min": "minimum", "max": "maximum"}
#: lists of criteria refs are one text field each
REF_LISTS = ("shows", "fails_to_show", "evidences")


def place_of(path: tuple, document: Any = None) -> tuple[tuple, str]:
    """(page, field id): page is ("node", id), ("persona",), ("variables",) or () for the YAML itself."""
    path = tuple(path)
    if len(path) >= 2 and path[0] == "nodes":
        node = _get(document, path[:2])
        return ("node", str(path[1])), _node_anchor(path[2:], node)
    if path[:1] == ("persona",):
        return ("persona",), "-".join(str(step) for step in path[1:3])
    if path[:1] == ("state",) and len(path) >= 2:
        return ("variables",), _variable_anchor(path[1:], _get(document, ("state",)))
    return (), ""


def _node_anchor(path: tuple, node: Any) -> str:
    if not path:
        return ""
    head, rest = path[0], path[1:]
    if head == "choices":
        if not rest or not isinstance(rest[0], int):
            return "kind"
        choice = _get(node, ("choices", rest[0]))
        return _joined(f"choices-{rest[0]}", _part_anchor(rest[1:], choice))
    if head in ("free_text", "ending"):
        return _joined(head, _part_anchor(path[1:], _get(node, (head,))))
    return "-".join(str(step) for step in path[:2])


def _part_anchor(path: tuple, part: Any) -> str:
    """The id within a choice, a written reply or an ending."""
    if path[:1] == ("rubric",):
        path = path[1:]
    if not path:
        return ""
    head = path[0]
    if head == "next":
        return _next_anchor(path[1:])
    if head == "effects":
        effects = list(_get(part, ("effects",)) or {})
        index = effects.index(path[1]) if len(path) > 1 and path[1] in effects else 0
        return f"effects-{index}-variable"
    if head in REF_LISTS:
        return head
    return "-".join(str(RENAMED.get(step, step)) for step in path[:4])


def _next_anchor(path: tuple) -> str:
    if not path or len(path) < 2 or path[1] == "else" or not isinstance(path[0], int):
        return "next-otherwise"
    return f"next-branches-{path[0]}-{'goto' if path[1] == 'goto' else 'condition'}"


def _variable_anchor(path: tuple, state: Any) -> str:
    names = list(state or {}) if isinstance(state, Mapping) else []
    index = names.index(path[0]) if path[0] in names else 0
    rest = [str(RENAMED.get(step, step)) for step in path[1:3]] or ["name"]
    return "-".join([f"variables-{index}", *rest])


def _joined(first: str, second: str) -> str:
    return f"{first}-{second}" if second else first


def _get(value: Any, path: tuple) -> Any:
    for step in path:
        if isinstance(value, Mapping):
            value = value.get(step)
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        else:
            return None
    return value

"""Pure edits of a scenario document (the parsed YAML): nodes and choices added, copied, moved and removed.

Each function returns a new document and never changes the one it was given; a refused edit raises
`Refused` naming every reason (for a delete, every choice or reply that would be left leading nowhere).
"""
from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from ..core.acts import Refused
from .format import outgoing

Document = dict[str, Any]
NODE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def blank_node() -> dict[str, Any]:
    """A new node for the author to fill in: the client's line and an ending, both languages empty."""
    return {"client": {"cy": "", "en": ""}, "ending": {"outcome": "unresolved", "debrief": {"cy": "", "en": ""}}}


def blank_choice(next_node: str = "") -> dict[str, Any]:
    return {"text": {"cy": "", "en": ""}, "next": next_node}


def unique_node_id(document: Mapping[str, Any], base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not yet a node id."""
    nodes, candidate, number = document.get("nodes") or {}, base, 1
    while candidate in nodes:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def add_node(document: Mapping[str, Any], node_id: str, node: Mapping[str, Any] | None = None,
             after: str | None = None) -> Document:
    """The document with a new node `node_id` (blank unless given), after node `after` or at the end."""
    if not NODE_ID.match(node_id or ""):
        raise Refused(_l("A node id uses lower-case letters, digits, - and _, and starts with a letter or digit."),
                      "node_id")
    if node_id in (document.get("nodes") or {}):
        raise Refused(_l("There is already a node called %(id)s.", id=node_id), "node_id")
    items = list(_nodes(document).items())
    position = _index_of(items, after) + 1 if after is not None else len(items)
    items.insert(position, (node_id, copy.deepcopy(dict(node)) if node is not None else blank_node()))
    return _with_nodes(document, items)


def duplicate_node(document: Mapping[str, Any], node_id: str) -> tuple[Document, str]:
    """The document with a copy of `node_id` just after it, under a new unique id; and that id."""
    new_id = unique_node_id(document, f"{node_id}-copy")
    return add_node(document, new_id, _node(document, node_id), after=node_id), new_id


def references_to(document: Mapping[str, Any], node_id: str) -> list[tuple[str, tuple]]:
    """Every (node, path) whose `next` leads to `node_id`, from nodes other than itself."""
    return [(source, path) for source, node in _nodes(document).items() if source != node_id
            for path, target in outgoing(node) if target == node_id]


def delete_node(document: Mapping[str, Any], node_id: str) -> Document:
    """The document without `node_id`; refused while it is the start or other nodes lead to it."""
    _node(document, node_id)
    problems = [(None, _l("%(id)s is where the scenario starts; choose another start first.", id=node_id))
                ] if document.get("start") == node_id else []
    problems += [(None, _l("%(place)s leads to %(id)s; point it elsewhere first.", place=place_name(source, path),
                           id=node_id)) for source, path in references_to(document, node_id)]
    if problems:
        raise Refused.listing(problems)
    return _with_nodes(document, [(key, node) for key, node in _nodes(document).items() if key != node_id])


def move_node(document: Mapping[str, Any], node_id: str, position: int) -> Document:
    """The document with `node_id` moved to `position` (0 is first; clamped to the ends)."""
    items = list(_nodes(document).items())
    item = items.pop(_index_of(items, node_id))
    items.insert(max(0, min(position, len(items))), item)
    return _with_nodes(document, items)


def shift_node(document: Mapping[str, Any], node_id: str, step: int) -> Document:
    """The document with `node_id` moved `step` places (-1 is up one, 1 down one)."""
    return move_node(document, node_id, _index_of(list(_nodes(document).items()), node_id) + step)


def reorder_nodes(document: Mapping[str, Any], order: list[str]) -> Document:
    """The document with its nodes in `order`, which must name every node exactly once."""
    nodes = _nodes(document)
    if sorted(order) != sorted(nodes):
        raise Refused(_l("The new order must list every node exactly once."), "order")
    return _with_nodes(document, [(key, nodes[key]) for key in order])


def add_choice(document: Mapping[str, Any], node_id: str, choice: Mapping[str, Any] | None = None) -> Document:
    """The document with a choice added at the end of `node_id`'s choices (blank unless given)."""
    choices = _choices(document, node_id)
    choices.append(copy.deepcopy(dict(choice)) if choice is not None else blank_choice())
    return _with_choices(document, node_id, choices)


def remove_choice(document: Mapping[str, Any], node_id: str, index: int) -> Document:
    """The document without choice `index` of `node_id`; refused for the node's last choice."""
    choices = _choices(document, node_id)
    _check_index(choices, index)
    if len(choices) == 1:
        raise Refused(_l("A node with choices needs at least one; make it an ending or a written reply instead."))
    del choices[index]
    return _with_choices(document, node_id, choices)


def move_choice(document: Mapping[str, Any], node_id: str, index: int, position: int) -> Document:
    """The document with choice `index` of `node_id` moved to `position` (clamped to the ends)."""
    choices = _choices(document, node_id)
    _check_index(choices, index)
    choice = choices.pop(index)
    choices.insert(max(0, min(position, len(choices))), choice)
    return _with_choices(document, node_id, choices)


def place_name(node_id: str, path: tuple) -> str:
    """A place as the check writes it: `nodes.greeting.choices[2].next` ([2] is the second choice)."""
    text = f"nodes.{node_id}"
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else f".{step}"
    return text


def _nodes(document: Mapping[str, Any]) -> dict[str, Any]:
    return dict(document.get("nodes") or {})


def _node(document: Mapping[str, Any], node_id: str) -> Mapping[str, Any]:
    node = _nodes(document).get(node_id)
    if node is None:
        raise Refused(_l("There is no node called %(id)s.", id=node_id), "node_id")
    return node


def _index_of(items: list[tuple[str, Any]], node_id: str) -> int:
    for index, (key, _node_value) in enumerate(items):
        if key == node_id:
            return index
    raise Refused(_l("There is no node called %(id)s.", id=node_id), "node_id")


def _with_nodes(document: Mapping[str, Any], items: list[tuple[str, Any]]) -> Document:
    result = copy.deepcopy(dict(document))
    result["nodes"] = {key: copy.deepcopy(node) for key, node in items}
    return result


def _choices(document: Mapping[str, Any], node_id: str) -> list[Any]:
    node = _node(document, node_id)
    if "choices" not in node:
        raise Refused(_l("%(id)s has no choices: it is a written reply or an ending.", id=node_id))
    return copy.deepcopy(list(node["choices"]))


def _check_index(choices: list[Any], index: int) -> None:
    if not 0 <= index < len(choices):
        raise Refused(_l("There is no choice %(number)d in this node.", number=index + 1))


def _with_choices(document: Mapping[str, Any], node_id: str, choices: list[Any]) -> Document:
    result = copy.deepcopy(dict(document))
    result["nodes"][node_id] = {**result["nodes"][node_id], "choices": choices}
    return result

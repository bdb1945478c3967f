"""Write a scenario document back as YAML in one canonical layout, whatever order its keys were built in.

The shipped files were written by hand, so their quoting and flow/block choices vary; this layout is the one the
editor writes: keys in the order the README shows them, a blank line before `nodes:` and between nodes, short
Welsh/English pairs and effects on one line, criteria refs as `[P1, P2]`, every other text in double quotes.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

HEADER = "# yaml-language-server: $schema=./schema.json\n"
KEY_ORDER = ("id", "urn", "version", "criteria", "title", "summary", "standards", "duration_minutes", "persona",
             "name", "role", "organisation", "cares_about", "state", "initial", "min", "max", "visible", "outcome",
             "label", "start", "nodes", "client", "text", "prompt", "guidance", "min_words", "if", "goto", "else",
             "effects", "shows", "fails_to_show", "evidences", "rubric", "dimensions", "exemplar", "feedback",
             "debrief", "choices", "free_text", "ending", "next", "cy", "en")
PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
FLOW_WIDTH = 100


def dump_document(document: Mapping[str, Any]) -> str:
    """The document as canonical YAML text (UTF-8, ending in a newline)."""
    lines = [HEADER.rstrip("\n")]
    for key, value in _ordered(document):
        if key == "nodes":
            lines += ["", "nodes:"]
            for index, (node_id, node) in enumerate(value.items()):
                lines += ([""] if index else []) + [f"  {_scalar(node_id)}:"] + _mapping(node, 4)
        else:
            lines += _entry(key, value, 0)
    return "\n".join(lines) + "\n"


def _ordered(mapping: Mapping[str, Any]) -> list[tuple[str, Any]]:
    rank = {key: index for index, key in enumerate(KEY_ORDER)}
    return sorted(mapping.items(), key=lambda item: rank.get(item[0], len(rank)))


def _entry(key: Any, value: Any, indent: int) -> list[str]:
    head = " " * indent + f"{_scalar(key)}:"
    inline = _inline(value, FLOW_WIDTH - len(head) - 1, signed=key == "effects")
    if inline is not None:
        return [f"{head} {inline}"]
    if isinstance(value, Mapping):
        return [head] + _mapping(value, indent + 2)
    return [head] + _sequence(value, indent + 2)


def _mapping(mapping: Mapping[str, Any], indent: int) -> list[str]:
    return [line for key, value in _ordered(mapping) for line in _entry(key, value, indent)]


def _sequence(items: list, indent: int) -> list[str]:
    lines = []
    for item in items:
        inner = _mapping(item, indent + 2) if isinstance(item, Mapping) else [" " * (indent + 2) + _scalar(item)]
        lines += [" " * indent + "- " + inner[0][indent + 2:]] + inner[1:]
    return lines


def _inline(value: Any, room: int, signed: bool = False) -> str | None:
    """One-line form for scalars, lists of scalars, and small mappings of scalars that fit; else None."""
    if isinstance(value, Mapping):
        if not value or any(isinstance(item, (Mapping, list)) for item in value.values()):
            return None if value else "{}"
        text = "{" + ", ".join(f"{_scalar(key)}: {_effect(item) if signed else _scalar(item)}" for key, item in _ordered(value)) + "}"
        return text if len(text) <= room else None
    if isinstance(value, list):
        if any(isinstance(item, (Mapping, list)) for item in value):
            return None if value else "[]"
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    return _scalar(value)


def _effect(value: Any) -> str:
    """Positive numbers in a flow mapping keep their sign, as effects are written (`+1`)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return f"+{value}"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if PLAIN.match(text) and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)

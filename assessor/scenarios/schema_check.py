"""Validate a scenario against scenarios/schema.json and word each failure for a trainer."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from ..config import PROJECT_ROOT
from .report import Report

SCHEMA_PATH = PROJECT_ROOT / "scenarios" / "schema.json"
LANGUAGES = {"cy": "Welsh", "en": "English"}
TURNS = ("choices", "free_text", "ending")


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def check_schema(data: Any, report: Report) -> None:
    """Add one error per schema failure, at the line of the offending key or item; a failure two rules find (an empty
    text breaks both its minLength and its pattern) is reported once."""
    seen = set()
    for error in validator().iter_errors(data):
        for path, message, *kind in _describe(error):
            if (path, message) not in seen:
                seen.add((path, message))
                report.error(path, message, *kind)


Found = list[tuple]  # (path, message) or (path, message, kind, params)


def _describe(error: ValidationError) -> Found:
    """Friendly wording for the failures a trainer meets most; jsonschema's own message otherwise."""
    path = tuple(error.absolute_path)
    for handler in (_property_name, _unknown_key, _missing_key, _node_turn, _empty_file, _branch_pair,
                    _empty_text, _yaml_boolean, _bad_pattern):
        found = handler(error, path, field_name(path))
        if found is not None:
            return found
    return [(path, f"{field_name(path)}: {error.message}")]


def _property_name(error: ValidationError, path: tuple, name: str) -> Found | None:
    if "propertyNames" not in error.schema_path:
        return None
    description = error.schema.get("description", error.message)
    return [(path + (error.instance,), f"{error.instance!r} is not a valid name in {name}: {description}")]


def _unknown_key(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator != "additionalProperties":
        return None
    known = error.schema.get("properties", {})
    allowed = ", ".join(sorted(known)) or "none"
    return [(path + (key,), f"unknown key {key!r} in {name} (allowed: {allowed})", "unknown_key",
             {"key": key, "allowed": allowed}) for key in error.instance if key not in known]


def _missing_key(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator != "required":
        return None
    missing = error.message.split("'")[1]
    if missing in LANGUAGES:
        return [(path + (missing,), f"text missing in {LANGUAGES[missing]} ({missing!r}) in {name}", "missing_language",
                 {"language": missing})]
    return [(path + (missing,), f"{name} is missing {missing!r}", "missing_key", {"key": missing})]


def _node_turn(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator != "oneOf" or path[:1] != ("nodes",) or len(path) != 2:
        return None
    if not isinstance(error.instance, dict):
        return []
    turns = [turn for turn in TURNS if turn in error.instance]
    kind = "dead_end" if not turns else "ending_way_out" if "ending" in turns else "two_turns"
    return [(path, _node_turn_message(path[1], error.instance), kind, {"node": path[1]})]


def _empty_file(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator == "type" and error.instance is None and not path:
        return [(path, "the file is empty: start from the example in scenarios/")]
    return None


def _branch_pair(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator != "dependentRequired":
        return None
    present, needed = next((key, need) for key, needs in error.validator_value.items() if key in error.instance
                           for need in needs if need not in error.instance)
    return [(path, f"{name} has {present!r} but no {needed!r}: a branch is `if` + `goto`, or `else` alone")]


def _empty_text(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator in ("minLength", "pattern") and path[-1:] and path[-1] in LANGUAGES:
        return [(path, f"text in {LANGUAGES[path[-1]]} ({path[-1]!r}) is empty in {field_name(path[:-1])}", "empty_language",
                 {"language": path[-1]})]
    return None


def _yaml_boolean(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator == "type" and isinstance(error.instance, bool) and "string" in str(error.validator_value):
        return [(path, f"{name}: YAML reads yes, no, on, off, true and false as true/false; put the text in quotes", "yaml_boolean", {})]
    return None


def _bad_pattern(error: ValidationError, path: tuple, name: str) -> Found | None:
    if error.validator == "pattern" and "description" in error.schema:
        return [(path, f"{name}: {error.instance!r} is not allowed here. {error.schema['description']}")]
    return None


def _node_turn_message(node_id: str, node: Any) -> str:
    turns = [turn for turn in TURNS if isinstance(node, dict) and turn in node]
    if not turns:
        return f"node {node_id!r} is a dead end: give it 'choices', 'free_text' or an 'ending'"
    if "ending" in turns:
        return f"ending {node_id!r} has a way out: an ending cannot also have {' or '.join(repr(t) for t in turns if t != 'ending')}"
    return f"node {node_id!r} has both 'choices' and 'free_text': give it only one"


def field_name(path: tuple) -> str:
    """A readable name for a place in the document, e.g. nodes.call.choices[2].next."""
    if not path:
        return "the scenario"
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text

"""The editor's one-line fields as the YAML writes them: effects (`+1`, `= 5`), criteria refs, conditions.

Each pair of functions turns a document value into the text an author edits and back, so an untouched field
gives back the same value; the checks put a message beside the field.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from ..core.acts import add_error
from .expressions import ExpressionError, names, parse
from .format import parse_effect, resolve_ref

INTEGER = re.compile(r"^[+-]?\d+$")
DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")


def effect_text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, (int, float)):
        return f"+{raw}" if raw > 0 else str(raw)
    return str(raw)


def effect_value(text: str | None) -> Any:
    text = (text or "").strip()
    if text in ("true", "false"):
        return text == "true"
    if INTEGER.match(text):
        return int(text)
    return float(text) if DECIMAL.match(text) else text


def number_value(text: str | None) -> int | float | None:
    """A whole or decimal number as typed; None when empty or not a number."""
    text = (text or "").strip()
    return int(text) if INTEGER.match(text) else float(text) if DECIMAL.match(text) else None


def refs_text(refs: list | None) -> str:
    return ", ".join(str(ref) for ref in refs or [])


def refs_value(text: str | None) -> list[str]:
    return [ref.strip() for ref in (text or "").split(",") if ref.strip()]


def condition_value(text: str | None) -> str | bool | None:
    text = (text or "").strip()
    if not text:
        return None
    return text == "true" if text in ("true", "false") else text


def check_condition(field: Any, variables: Mapping[str, Any]) -> None:
    """The condition parses and names only declared variables."""
    text = (field.data or "").strip()
    if not text or text in ("true", "false"):
        return
    try:
        unknown = sorted(names(parse(text)) - set(variables))
    except ExpressionError as error:
        add_error(field, _l("This condition cannot be read: %(problem)s", problem=str(error)))
        return
    if unknown:
        add_error(field, _l("Declare these variables first: %(names)s", names=", ".join(unknown)))


def check_effect(variable: Any, change: Any, variables: Mapping[str, Any]) -> None:
    """A filled effect row names a declared variable and a change like +1, -2, = 5, true or false."""
    name, text = (variable.data or "").strip(), (change.data or "").strip()
    if not (name or text):
        return
    if name not in variables:
        add_error(variable, _l("Choose a declared variable."))
    try:
        parse_effect(name, effect_value(text))
    except ValueError:
        add_error(change, _l("Write the change as +1, -2, = 5, true or false."))


def check_refs(field: Any, table: Mapping[str, list]) -> None:
    """Every ref is listed under the scenario's standards and names exactly one criterion."""
    unknown = [ref for ref in refs_value(field.data) if resolve_ref(ref, table) is None]
    if unknown:
        add_error(field, _l("List these under the scenario's standards first, or write them as URN:ref: %(refs)s",
                             refs=", ".join(unknown)))

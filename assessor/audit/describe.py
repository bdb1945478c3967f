"""Each audit entry in plain words: what happened, and which fields changed from what to what.

Nothing here may raise on an entry, whatever shape its before/after took: an unknown entity and
action read as "entity action", and a sentence whose details are missing falls back to a shorter one.
"""
import json
from dataclasses import dataclass

from flask_babel import gettext

from .labels import ACTION_ALIASES, ENTITY_ALIASES, FIELD_LABELS, OUTCOME_LABELS, SENTENCES, VALUE_LABELS
from .models import AuditEntry

#: how long user text may be inside a sentence; the details show it whole
SHORT = 120

EMPTY = "–"


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def describe(entry: AuditEntry, known: dict | None = None) -> str:
    """What the entry records, in a sentence; `known` fills in details the entry lacks (e.g. an evidence reference)."""
    entity, action = _names(entry)
    sentences = SENTENCES.get((entity, action))
    if sentences is None:
        return _fallback(entry)
    looked_up = {key: str(value) for key, value in (known or {}).items() if value not in (None, "")}
    values = looked_up | _details(_facts(entry))
    for sentence in sentences:
        try:
            return str(sentence) % values
        except (KeyError, TypeError, ValueError):
            continue
    return _fallback(entry)


def changes(entry: AuditEntry) -> list[Change]:
    """The fields the entry shows, each before → after, in words (internal ids left out)."""
    before, after = _as_dict(entry.before), _as_dict(entry.after)
    entity = _names(entry)[0]
    found = []
    for key in dict.fromkeys([*after, *before]):
        if key == "id" or key.endswith("_id") or before.get(key) == after.get(key):
            continue
        old = _value(entity, key, before[key]) if key in before else EMPTY
        new = _value(entity, key, after[key]) if key in after else EMPTY
        if old != new:
            found.append(Change(_field(key), old, new))
    return found


def _names(entry: AuditEntry) -> tuple[str, str]:
    entity = ENTITY_ALIASES.get(entry.entity, entry.entity or "")
    action = entry.action or ""
    if (entity, action) not in SENTENCES:
        action = ACTION_ALIASES.get(action, action)
    return entity, action


def _fallback(entry: AuditEntry) -> str:
    entity = str(entry.entity or "").replace("_", " ").strip().capitalize()
    return f"{entity} {str(entry.action or '').replace('_', ' ')}".strip()


def _as_dict(value) -> dict:
    return {str(key): item for key, item in value.items()} if isinstance(value, dict) else {}


def _facts(entry: AuditEntry) -> dict:
    """What the entry says about its thing: the state after, completed by the state before."""
    return {**_as_dict(entry.before), **_as_dict(entry.after)}


def _details(facts: dict) -> dict[str, str]:
    """The values the sentences name, each only when the entry gives a usable one."""
    found = {
        "reference": _first_text(facts, "reference", "evidence"),
        "criterion": _first_text(facts, "criterion", "ref", "code") or _joined(facts.get("criteria")),
        "outcome": _label(OUTCOME_LABELS, facts.get("outcome")),
        "reason": _shorten(_first_text(facts, "reason", "correction_reason")),
        "action": _shorten(_first_text(facts, "action")),
        "filename": _first_text(facts, "filename", "name"),
        "standard": _first_text(facts, "standard", "urn"),
    }
    return {key: value for key, value in found.items() if value}


def _first_text(facts: dict, *keys: str) -> str | None:
    for key in keys:
        value = facts.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _joined(values) -> str | None:
    if isinstance(values, list) and values and all(isinstance(value, str) for value in values):
        return ", ".join(values)
    return None


def _label(labels: dict, value) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return str(labels[value]) if value in labels else value


def _shorten(text: str | None) -> str | None:
    if text is None or len(text) <= SHORT:
        return text
    return text[: SHORT - 1].rstrip() + "…"


def _field(key: str) -> str:
    return str(FIELD_LABELS[key]) if key in FIELD_LABELS else key.replace("_", " ").capitalize()


def _value(entity: str, key: str, value) -> str:
    """A stored value as words: labels for known codes, lists joined, anything else as JSON text."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    labels = VALUE_LABELS.get((entity, key)) or VALUE_LABELS.get(("*", key))
    if isinstance(value, str):
        return str(labels[value]) if labels and value in labels else value
    if isinstance(value, list):
        return ", ".join(_value(entity, key, item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)

"""Audit entries ready to show: when, who, what in words, and the fields that changed."""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from ..timeutil import aware
from .describe import Change, changes, describe
from .models import AuditEntry


@dataclass(frozen=True)
class Row:
    seq: int
    at: datetime
    who: str
    what: str
    changes: list[Change]


def present(session: Session, entries: list[AuditEntry]) -> list[Row]:
    known = lookups(session, entries)
    return [
        Row(
            entry.seq,
            aware(entry.at),
            _who(entry),
            describe(entry, known.get((entry.entity, entry.entity_id))),
            changes(entry),
        )
        for entry in entries
    ]


#: entity -> who acted in an entry with no signed-in person (a witness signing by link), filled through `register_actor`
ACTORS: dict[str, Callable[[AuditEntry], str | None]] = {}


def register_actor(entity: str, name_of: Callable[[AuditEntry], str | None]) -> None:
    ACTORS[entity] = name_of


def _who(entry: AuditEntry) -> str:
    if entry.actor is not None:
        return entry.actor.name
    name_of = ACTORS.get(entry.entity)
    return (name_of(entry) if name_of else None) or _("System")


#: entity -> what to look up about its rows, for the sentences that name them; filled by the areas
#: above through `register_lookup`
LOOKUPS: dict[str, Callable[[Session, set[int]], dict[int, dict]]] = {}


def register_lookup(entity: str, lookup: Callable[[Session, set[int]], dict[int, dict]]) -> None:
    """How to find the details (an evidence reference, a standard) an entity's sentences name, for a set of ids."""
    LOOKUPS[entity] = lookup


def lookups(session: Session, entries: list[AuditEntry]) -> dict[tuple[str, int], dict]:
    """Details the entries do not carry themselves (an evidence reference, a standard), one query per entity."""
    found: dict[tuple[str, int], dict] = {}
    for entity, lookup in LOOKUPS.items():
        ids = {entry.entity_id for entry in entries if entry.entity == entity and entry.entity_id is not None}
        if ids:
            found.update({(entity, entity_id): details for entity_id, details in lookup(session, ids).items()})
    return found

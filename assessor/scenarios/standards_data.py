"""The criteria refs of the shipped standards, read straight from standards/*.json."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..config import PROJECT_ROOT

STANDARDS_DIR = PROJECT_ROOT / "standards"
DEFAULT_VERSION = "1"

KnownRefs = Mapping[str, Mapping[str, frozenset[str]]]


@dataclass(frozen=True)
class Item:
    ref: str
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class StandardOutline:
    urn: str
    version: str
    title: str
    performance: tuple[Item, ...]
    knowledge: tuple[Item, ...]

    def refs(self) -> frozenset[str]:
        """Every ref, sub-items (P12.1) included."""
        items = self.performance + self.knowledge
        return frozenset([item.ref for item in items] + [child for item in items for child in item.children])


def read_outlines(folder: Path = STANDARDS_DIR) -> list[StandardOutline]:
    """One outline per standards/*.json data file (schema.json excluded), sorted by URN."""
    outlines = [_outline(json.loads(path.read_text(encoding="utf-8")))
                for path in sorted(folder.glob("*.json")) if path.name != "schema.json"]
    return sorted(outlines, key=lambda outline: outline.urn)


def known_refs(outlines: list[StandardOutline] | None = None) -> dict[str, dict[str, frozenset[str]]]:
    """urn → {version → refs}: what the check accepts, built from standards/ by default."""
    table: dict[str, dict[str, frozenset[str]]] = {}
    for outline in read_outlines() if outlines is None else outlines:
        table.setdefault(outline.urn, {})[outline.version] = outline.refs()
    return table


def _outline(document: dict) -> StandardOutline:
    return StandardOutline(
        urn=document["urn"],
        version=str(document.get("version") or DEFAULT_VERSION),
        title=document.get("title") or "",
        performance=tuple(_item(item) for item in document.get("performance_criteria") or []),
        knowledge=tuple(_item(item) for item in document.get("knowledge") or []),
    )


def _item(item: dict) -> Item:
    return Item(item["ref"], tuple(child["ref"] for child in item.get("children") or []))

"""Where each node of a scenario sits on its map: one row per step from the start, unreachable nodes last."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .format import Scenario, node_kind, outgoing
from .graph import distances

WIDTH, HEIGHT, GAP_X, GAP_Y, MARGIN = 176, 52, 24, 56, 16


@dataclass(frozen=True)
class MapNode:
    """One node placed on the map; `layer` is None when the start cannot reach it."""

    id: str
    kind: str
    layer: int | None
    targets: tuple[str, ...]
    ending_label: str | None
    severity: str | None
    x: int
    y: int


def layout(scenario: Scenario, problems: Mapping[str, str] | None = None, language: str = "en") -> list[MapNode]:
    """The nodes in document order, each in the row of its distance from the start (unreachable ones last)."""
    problems, steps = problems or {}, distances(scenario)
    rows: dict[int, list[str]] = {}
    last = max(steps.values(), default=-1) + 1
    for node_id in scenario.nodes:
        rows.setdefault(steps.get(node_id, last), []).append(node_id)
    placed = []
    for row, ids in enumerate(rows[key] for key in sorted(rows)):
        for column, node_id in enumerate(ids):
            node = scenario.nodes[node_id]
            targets = tuple(dict.fromkeys(target for _path, target in outgoing(node) if target in scenario.nodes))
            placed.append(MapNode(str(node_id), node_kind(node), steps.get(node_id), targets,
                                  _ending_label(node, language), problems.get(node_id),
                                  MARGIN + column * (WIDTH + GAP_X), MARGIN + row * (HEIGHT + GAP_Y)))
    return placed


def _ending_label(node: Mapping, language: str) -> str | None:
    label = (node.get("ending") or {}).get("label") if isinstance(node.get("ending"), Mapping) else None
    return (label.get(language) or label.get("en")) if isinstance(label, Mapping) else None

"""A map of a scenario: nodes in layers by distance from the start, as an SVG with a link on each node.

Pure and deterministic: the same scenario, URLs and problems give the same bytes. Every piece of the
author's text is escaped. Needs an app or request context only for the translated words.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup, escape

from .format import Scenario
from .map_layout import GAP_X, HEIGHT, MARGIN, WIDTH, MapNode, layout

LABEL_CHARS = 22
COLOURS = {"error": "#d4351c", "warning": "#f47738", None: "#0b0c0c"}


def scenario_map(scenario: Scenario, node_url: Callable[[str], str], problems: Mapping[str, str] | None = None,
                 language: str = "en") -> Markup:
    """The SVG (inline, `role="group"` with a title); each node an `<a>` to `node_url(node_id)`."""
    nodes = layout(scenario, problems, language)
    width = max((node.x for node in nodes), default=0) + WIDTH + MARGIN
    height = max((node.y for node in nodes), default=0) + HEIGHT + MARGIN
    where, title = {node.id: node for node in nodes}, _("Map of the scenario %(id)s", id=scenario.id)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="scenario-map" role="group" aria-labelledby="scenario-map-title" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f'<title id="scenario-map-title">{escape(title)}</title>',
             '<defs><marker id="scenario-map-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#505a5f"/></marker></defs>']
    parts += [_edge(node, where[target]) for node in nodes for target in node.targets]
    parts += [_node(node, node_url(node.id), node.id == scenario.start) for node in nodes]
    return Markup("\n".join(parts + ["</svg>"]))


def describe(node: MapNode, is_start: bool) -> str:
    """What the map shows of a node, in words: for its link's name and the list beside the map."""
    words = [_("Start")] if is_start else []
    words.append({"choices": _("Choices"), "free_text": _("Written reply"), "ending": _("Ending")}[node.kind])
    if node.ending_label:
        words[-1] = _("Ending: %(label)s", label=node.ending_label)
    if node.layer is None:
        words.append(_("Cannot be reached"))
    if node.severity:
        words.append(_("Has errors") if node.severity == "error" else _("Has warnings"))
    return "; ".join(words)


def _edge(source: MapNode, target: MapNode) -> str:
    x1, y1 = source.x + WIDTH // 2, source.y + HEIGHT
    x2, y2 = target.x + WIDTH // 2, target.y
    if target.y > source.y:
        path = f"M {x1} {y1} L {x2} {y2}"
    else:
        x1, y1, x2, y2 = source.x + WIDTH, source.y + HEIGHT // 2, target.x + WIDTH, target.y + HEIGHT // 2
        bend = max(x1, x2) + GAP_X - 4
        path = f"M {x1} {y1} C {bend} {y1} {bend} {y2} {x2} {y2}"
    return (f'<path class="scenario-map__edge" d="{path}" fill="none" stroke="#505a5f" stroke-width="1.5" '
            f'marker-end="url(#scenario-map-arrow)"/>')


def _node(node: MapNode, url: str, is_start: bool) -> str:
    """A link whose name begins with the words it shows (as WCAG's label-in-name asks), then says the rest."""
    label = ("! " if node.severity else "") + _cut(node.id, LABEL_CHARS)
    caption = _cut(node.ending_label or describe(node, is_start).split("; ")[0], LABEL_CHARS + 4)
    classes = " ".join(["scenario-map__node"] + (["scenario-map__node--ending"] if node.kind == "ending" else [])
                       + ([f"scenario-map__node--{node.severity}"] if node.severity else []))
    name = escape(f"{label} {caption}. {node.id}: {describe(node, is_start)}")
    return "".join([
        f'<a href="{escape(url)}" class="{classes}" data-node="{escape(node.id)}" aria-label="{name}">',
        f"<title>{name}</title>", _box(node),
        f'<text font-size="14" fill="#0b0c0c"><tspan x="{node.x + 10}" y="{node.y + 21}" font-weight="700" '
        f'fill="#1d70b8">{escape(label)} </tspan><tspan x="{node.x + 10}" y="{node.y + 40}" font-size="13">'
        f"{escape(caption)}</tspan></text></a>"])


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _box(node: MapNode) -> str:
    """Endings are rounded and green; problem nodes have a thick red or orange edge; unreachable ones a dashed one."""
    ending = node.kind == "ending"
    dashes = ' stroke-dasharray="6 3"' if node.layer is None else ""
    return (f'<rect x="{node.x}" y="{node.y}" width="{WIDTH}" height="{HEIGHT}" rx="{16 if ending else 2}" '
            f'fill="{"#cce2d8" if ending else "#ffffff"}" stroke="{COLOURS[node.severity]}" '
            f'stroke-width="{4 if node.severity else 2}"{dashes}/>')


@dataclass(frozen=True)
class MapEntry:
    """A node as the list beside the map shows it."""

    node: MapNode
    url: str
    description: str


@dataclass(frozen=True)
class MapView:
    """What templates/scenarios/authoring/_map.html shows: the SVG and the same nodes as a list."""

    svg: Markup
    entries: list[MapEntry]


def map_view(scenario: Scenario, node_url: Callable[[str], str], problems: Mapping[str, str] | None = None,
             language: str = "en") -> MapView:
    entries = [MapEntry(node, node_url(node.id), describe(node, node.id == scenario.start))
               for node in layout(scenario, problems, language)]
    return MapView(scenario_map(scenario, node_url, problems, language), entries)

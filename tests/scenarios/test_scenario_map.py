"""The SVG map of a scenario: one linked node per node, endings marked, problems shown, text escaped."""
import xml.etree.ElementTree as ET

import pytest

from assessor.scenarios.check import default_paths
from assessor.scenarios.format import Scenario, node_kind
from assessor.scenarios.loader import load_file
from assessor.scenarios.map_layout import layout
from assessor.scenarios.scenario_map import map_view, scenario_map

from .conftest import FIXTURES

SVG = "{http://www.w3.org/2000/svg}"
SMALL = FIXTURES / "authoring" / "small.yaml"


@pytest.fixture(autouse=True)
def english(session_app):
    with session_app.test_request_context(headers={"Cookie": "assessor_lang=en"}):
        yield


def load(path) -> Scenario:
    return Scenario.from_document(load_file(path).data)


def url(node_id: str) -> str:
    return f"/draft/nodes/{node_id}?a=1&b=2"


def links(svg: str) -> list[ET.Element]:
    return ET.fromstring(str(svg)).findall(f"{SVG}a")


@pytest.mark.parametrize("path", default_paths(), ids=lambda path: path.stem)
def test_every_shipped_scenario_maps_each_node_once_with_its_link(path):
    scenario = load(path)
    svg = scenario_map(scenario, url)
    nodes = links(svg)
    assert sorted(a.get("data-node") for a in nodes) == sorted(scenario.nodes)
    assert all(a.get("href") == url(a.get("data-node")) and a.get("aria-label") for a in nodes)
    endings = [a.get("data-node") for a in nodes if "scenario-map__node--ending" in a.get("class")]
    assert sorted(endings) == sorted(node_id for node_id, node in scenario.nodes.items() if node_kind(node) == "ending")
    assert svg == scenario_map(load(path), url)


@pytest.mark.parametrize("path", default_paths(), ids=lambda path: path.stem)
def test_shipped_scenarios_have_no_two_nodes_in_one_place_and_every_edge_drawn(path):
    scenario = load(path)
    placed = layout(scenario)
    assert len({(node.x, node.y) for node in placed}) == len(placed)
    edges = ET.fromstring(str(scenario_map(scenario, url))).findall(f"{SVG}path")
    assert len(edges) == sum(len(node.targets) for node in placed)


def test_the_start_is_in_the_first_row_and_each_row_is_one_step_further():
    placed = {node.id: node for node in layout(load(SMALL))}
    assert placed["greeting"].layer == 0 and placed["ask"].layer == 1 and placed["walked-out"].layer == 1
    assert placed["agreed"].layer == 2 and placed["agreed"].y > placed["ask"].y == placed["walked-out"].y


def test_the_authors_text_is_escaped():
    svg = str(scenario_map(load(SMALL), url))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "a=1&amp;b=2" in svg
    ET.fromstring(svg)


def test_problem_nodes_are_highlighted_and_named():
    nodes = {a.get("data-node"): a for a in links(scenario_map(load(SMALL), url, {"ask": "error", "agreed": "warning"}))}
    assert "scenario-map__node--error" in nodes["ask"].get("class") and "Has errors" in nodes["ask"].get("aria-label")
    assert "scenario-map__node--warning" in nodes["agreed"].get("class")
    assert "--error" not in nodes["greeting"].get("class") and "Start" in nodes["greeting"].get("aria-label")


def test_unreachable_nodes_are_placed_last_and_dashed():
    scenario = load(FIXTURES / "authoring" / "unreachable.yaml")
    forgotten = next(node for node in layout(scenario) if node.id == "forgotten")
    assert forgotten.layer is None and forgotten.y == max(node.y for node in layout(scenario))
    box = next(a for a in links(scenario_map(scenario, url)) if a.get("data-node") == "forgotten").find(f"{SVG}rect")
    assert box.get("stroke-dasharray")


def test_the_endings_label_is_in_the_chosen_language():
    view = map_view(load(SMALL), url, language="cy")
    ending = next(entry for entry in view.entries if entry.node.id == "walked-out")
    assert ending.node.ending_label == "Gadael" and "Gadael" in ending.description

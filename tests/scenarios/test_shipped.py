"""The scenarios shipped in scenarios/ pass the check and meet the bar set for them."""
import json
from collections import Counter

import pytest
from jsonschema import Draft202012Validator

from assessor.scenarios.check import check_paths, default_paths
from assessor.scenarios.loader import load_file
from assessor.scenarios.schema_check import SCHEMA_PATH

SHIPPED = default_paths()


def test_there_are_shipped_scenarios():
    assert SHIPPED


def test_every_shipped_scenario_passes_the_check_without_warnings():
    assert [str(problem) for problem in check_paths(SHIPPED, playthroughs=300)] == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_a_shipped_scenario_is_substantial(path):
    data = load_file(path).data
    kinds = Counter(next(k for k in ("choices", "free_text", "ending") if k in node) for node in data["nodes"].values())
    assert len(data["nodes"]) >= 8
    assert kinds["free_text"] >= 2
    assert kinds["ending"] >= 3
    assert len({node["ending"]["outcome"] for node in data["nodes"].values() if "ending" in node}) >= 3
    assert any(variable.get("visible") for variable in data.get("state", {}).values())


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_a_shipped_scenario_points_editors_at_the_schema_and_is_named_by_its_id(path):
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./schema.json\n")
    assert path.stem == load_file(path).data["id"]


def test_the_schema_is_valid_and_helps_the_author_on_every_property():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    definitions = schema["$defs"]
    for holder in [schema, *definitions.values()]:
        for name, spec in (holder.get("properties") or {}).items():
            target = definitions.get(spec.get("$ref", "").rsplit("/", 1)[-1], {})
            assert "description" in spec or "description" in target, name
            assert "examples" in spec or "examples" in target, name

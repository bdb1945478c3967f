"""standards/schema.json documents exactly what the parser prints, and refuses what it never prints."""
import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from assessor.standards.parser import decode, parse_standard

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "standards" / "sources"
SCHEMA = json.loads((REPO / "standards" / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
SEED_NAMES = sorted(path.name for path in SEEDS.glob("*.txt"))


def parsed_seed(name: str) -> dict:
    """The seed parsed as the shipped data files are: a local URN and a title supplied where the text lacks them."""
    text = decode((SEEDS / name).read_bytes())
    found = parse_standard(text).document
    urn = None if found.get("urn") else f"LOCAL-{name[:3]}"
    title = None if found.get("title") else "Teitl a roddwyd"
    result = parse_standard(text, urn=urn, title=title)
    assert result.ok, [str(error) for error in result.errors]
    return result.document


def errors_of(document: dict) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(document)]


@pytest.fixture(scope="module")
def document() -> dict:
    return parsed_seed("003_0432d368949bc243.txt")


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_there_are_five_seeds():
    assert len(SEED_NAMES) == 5


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_seed_validates(name):
    assert errors_of(parsed_seed(name)) == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_the_schema_requires_exactly_the_keys_the_parser_prints(name):
    document = parsed_seed(name)
    assert set(SCHEMA["required"]) == set(document)
    assert set(SCHEMA["properties"]) == set(document) | {"translations"}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_refs_are_unique_within_each_seed(name):
    document = parsed_seed(name)
    refs = [
        entry["ref"]
        for section in ("performance_criteria", "knowledge")
        for item in document[section]
        for entry in (item, *item["children"])
    ]
    assert len(refs) == len(set(refs))


def described(spec: dict) -> bool:
    """True when the property has a description, itself or through the definition it refers to."""
    if spec.get("description"):
        return True
    target = spec.get("$ref", "").removeprefix("#/$defs/")
    return bool(SCHEMA["$defs"].get(target, {}).get("description"))


def test_every_property_is_described():
    places = {"document": SCHEMA, **{name: SCHEMA["$defs"][name] for name in ("item", "child", "translation")}}
    undescribed = [
        f"{place}.{name}"
        for place, schema in places.items()
        for name, spec in schema["properties"].items()
        if not described(spec)
    ]
    assert undescribed == []


def test_items_and_top_level_refuse_unknown_keys():
    assert SCHEMA["additionalProperties"] is False
    assert SCHEMA["$defs"]["item"]["additionalProperties"] is False
    assert SCHEMA["$defs"]["child"]["additionalProperties"] is False


def test_a_document_with_an_english_translation_validates(document):
    document = copy.deepcopy(document)
    document["translations"] = {
        "en": {
            "unofficial": True,
            "note": "Unofficial English translation. The Welsh text is authoritative.",
            "title": "Determine customer needs and requirements",
            "overview": None,
            "groups": {},
            "items": {
                "P12": "inform customers of the need to transfer the contact",
                "P12.1": "refer customers to other services",
            },
            "links": [],
            "keywords": ["customer needs"],
            "validity": "Original",
        }
    }
    assert errors_of(document) == []


def test_a_minimal_translation_needs_only_unofficial_and_title(document):
    document = copy.deepcopy(document)
    document["translations"] = {"en": {"unofficial": True, "title": "Determine customer needs"}}
    assert errors_of(document) == []


SHIPPED = sorted(path for path in (REPO / "standards").glob("*.json") if path.name != "schema.json")


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_every_shipped_data_file_validates(path):
    assert errors_of(json.loads(path.read_text(encoding="utf-8"))) == []


def broken(document: dict, change) -> dict:
    document = copy.deepcopy(document)
    change(document)
    return document


INVALID = {
    "missing key": lambda d: d.pop("keywords"),
    "unknown top-level key": lambda d: d.update(colour="blue"),
    "unknown item key": lambda d: d["performance_criteria"][0].update(level=2),
    "item without children": lambda d: d["knowledge"][0].pop("children"),
    "child with a group": lambda d: d["performance_criteria"][11]["children"][0].update(group=None),
    "urn as a number": lambda d: d.update(urn=12),
    "urn with spaces": lambda d: d.update(urn="NOT A URN"),
    "urn_is_local as text": lambda d: d.update(urn_is_local="yes"),
    "unknown language": lambda d: d.update(language="fr"),
    "empty title": lambda d: d.update(title=""),
    "no criteria": lambda d: d.update(performance_criteria=[]),
    "ref with a space": lambda d: d["knowledge"][0].update(ref="K 1"),
    "code with a space": lambda d: d["knowledge"][0].update(code="K 1"),
    "empty item text": lambda d: d["knowledge"][1].update(text=""),
    "group as a list": lambda d: d["knowledge"][1].update(group=["a"]),
    "keywords as text": lambda d: d.update(keywords="a, b"),
    "other metadata with a list": lambda d: d.update(other_metadata={"Label": ["a"]}),
    "wrong schema version": lambda d: d.update(schema_version=2),
    "translation without title": lambda d: d.update(translations={"en": {"unofficial": True}}),
    "translation claimed official": lambda d: d.update(translations={"en": {"unofficial": False, "title": "T"}}),
    "translation with unknown key": lambda d: d.update(translations={"en": {"unofficial": True, "title": "T", "x": 1}}),
    "translation keyed by a name": lambda d: d.update(translations={"English": {"unofficial": True, "title": "T"}}),
    "translated item under a bad ref": lambda d: d.update(
        translations={"en": {"unofficial": True, "title": "T", "items": {"twelve": "x"}}}
    ),
}


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_invalid_documents_are_rejected(document, change):
    assert errors_of(broken(document, change)) != []

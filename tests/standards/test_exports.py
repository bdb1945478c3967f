"""Exports of a standard checked against each target format's published structure.

Seed 002 (CFACSB15) has its criteria in two titled groups; seed 003 (contact centre) has sub-items
(12.1 under 12, 2.1-2.3 under knowledge item 2) and printed codes that repeat across the two lists.
"""
import copy
import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from assessor.standards.exports import EXPORT_FORMATS, export_filename, export_standard
from assessor.standards.parser import decode, parse_standard

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "standards" / "sources"
GROUPED = "002_c373f6a8a3b4f8fe.txt"
NESTED = "003_0432d368949bc243.txt"
GROUPS_002 = ("Sefydlu cysylltiadau cwsmeriaid effeithiol", "Cynnal a datblygu cysylltiadau cwsmeriaid effeithiol")
SECTIONS = ("performance_criteria", "knowledge")
WELSH_SECTIONS = {"performance_criteria": "Meini prawf perfformiad", "knowledge": "Gwybodaeth a dealltwriaeth"}
ENGLISH_SECTIONS = {"performance_criteria": "Performance criteria", "knowledge": "Knowledge and understanding"}


def parsed_seed(name: str, urn: str) -> dict:
    result = parse_standard(decode((SEEDS / name).read_bytes()), urn=urn, title="Teitl prawf")
    assert result.ok, [str(error) for error in result.errors]
    return result.document


@pytest.fixture
def grouped() -> dict:
    return parsed_seed(GROUPED, "LOCAL-CFACSB15")


@pytest.fixture
def nested() -> dict:
    return parsed_seed(NESTED, "LOCAL-CCNEEDS01")


@pytest.fixture
def translated(nested) -> dict:
    """Seed 003 with a partial English rendering: P12, its child P12.1 and K2 only."""
    nested["translations"] = {
        "en": {
            "unofficial": True,
            "note": "Unofficial English translation. The Welsh text is authoritative.",
            "title": "Determine customer needs and requirements",
            "items": {
                "P12": "inform customers of the need to transfer the contact, including:",
                "P12.1": "referring customers to other services",
                "K2": "legislation and regulations for handling customer needs",
            },
        }
    }
    return nested


def entries(document: dict) -> list[tuple[str, dict, str | None]]:
    """(section, item or child, parent ref or None) for every item and sub-item of the standard."""
    found = []
    for section in SECTIONS:
        for item in document[section]:
            found.append((section, item, None))
            found.extend((section, child, item["ref"]) for child in item["children"])
    return found


def group_names(document: dict) -> set[tuple[str, str]]:
    return {(section, item["group"]) for section in SECTIONS for item in document[section] if item["group"]}


def exported(document: dict, fmt: str, language: str = "cy") -> bytes:
    return export_standard(document, fmt, language)


# -- the registry -------------------------------------------------------------------------------


def test_the_registry_names_four_formats_with_media_types_and_extensions():
    assert set(EXPORT_FORMATS) == {"json", "case", "moodle-csv", "mahara"}
    assert {name: (spec.media_type, spec.extension) for name, spec in EXPORT_FORMATS.items()} == {
        "json": ("application/json", "json"),
        "case": ("application/json", "json"),
        "moodle-csv": ("text/csv; charset=utf-8", "csv"),
        "mahara": ("application/json", "matrix"),
    }


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_every_format_gives_the_same_bytes_twice(nested, fmt):
    assert exported(nested, fmt) == exported(copy.deepcopy(nested), fmt)


def test_an_unknown_format_or_language_is_refused(nested):
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export_standard(nested, "pdf")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        export_standard(nested, "case", "fr")


def test_file_names_carry_urn_format_and_language(nested):
    nested["version"] = "2"
    assert export_filename(nested, "mahara", "en") == "LOCAL-CCNEEDS01-v2-mahara-en.matrix"
    assert export_filename(nested, "json") == "LOCAL-CCNEEDS01-v2.json"


# -- json --------------------------------------------------------------------------------------


def test_json_is_our_document_in_utf8_with_indent_2(translated):
    data = exported(translated, "json")
    assert json.loads(data.decode("utf-8")) == translated
    assert "â".encode() in data and b"\\u00e2" not in data
    assert data.decode("utf-8").startswith('{\n  "schema_version": 1,\n')


# -- 1EdTech CASE 1.1 ---------------------------------------------------------------------------

# Required and permitted properties of a CFPackage, from the 1EdTech "Competencies and Academic
# Standards Exchange (CASE) Service Version 1.1 Final Release JSON Schema Binding (getCFPackage)",
# as redistributed in opensalt/opensalt core/config/schema/case-v1p1-cfpackage-schema.json
# ($defs CFPckgDocumentDType, CFPckgItemDType, CFPckgAssociationDType, LinkGenURIDType; each has
# additionalProperties false).
CASE_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[8-9a-b]{1}[0-9a-f]{3}-[0-9a-f]{12}"
CASE_PACKAGE_REQUIRED = ["CFDocument"]
CASE_PACKAGE_PROPERTIES = ["CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics", "extensions"]
CASE_DOCUMENT_REQUIRED = ["identifier", "uri", "creator", "title", "lastChangeDateTime"]
CASE_DOCUMENT_PROPERTIES = CASE_DOCUMENT_REQUIRED + [
    "frameworkType", "caseVersion", "officialSourceURL", "publisher", "description", "subject", "subjectURI",
    "language", "version", "adoptionStatus", "statusStartDate", "statusEndDate", "licenseURI", "notes", "extensions",
]
CASE_ITEM_REQUIRED = ["identifier", "fullStatement", "uri", "lastChangeDateTime"]
CASE_ITEM_PROPERTIES = CASE_ITEM_REQUIRED + [
    "alternativeLabel", "CFItemType", "humanCodingScheme", "listEnumeration", "abbreviatedStatement",
    "conceptKeywords", "conceptKeywordsURI", "notes", "subject", "subjectURI", "language", "educationLevel",
    "CFItemTypeURI", "licenseURI", "statusStartDate", "statusEndDate", "extensions",
]
CASE_ASSOCIATION_REQUIRED = [
    "identifier", "associationType", "uri", "originNodeURI", "destinationNodeURI", "lastChangeDateTime",
]
CASE_ASSOCIATION_PROPERTIES = CASE_ASSOCIATION_REQUIRED + [
    "sequenceNumber", "CFAssociationGroupingURI", "notes", "extensions",
]
CASE_LINK_REQUIRED = ["title", "identifier", "uri"]
CASE_ASSOCIATION_TYPES = [
    "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy", "exemplar",
    "hasSkillLevel", "isTranslationOf",
]
STRING = {"type": "string"}
STRINGS = {"type": "array", "items": STRING}
IDENTIFIER = {"type": "string", "pattern": CASE_UUID}
URI = {"type": "string", "format": "uri"}
DATE_TIME = {"type": "string", "format": "date-time"}
EXTENSIONS = {"type": "object"}


def closed(required: list[str], properties: list[str], types: dict) -> dict:
    return {
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": {name: types.get(name, STRING) for name in properties},
    }


CASE_LINK = {"type": "object", "required": CASE_LINK_REQUIRED, "additionalProperties": False,
             "properties": {"title": STRING, "identifier": STRING, "uri": URI}}
CASE_PACKAGE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    **closed(CASE_PACKAGE_REQUIRED, CASE_PACKAGE_PROPERTIES, {
        "CFDocument": closed(CASE_DOCUMENT_REQUIRED, CASE_DOCUMENT_PROPERTIES, {
            "identifier": IDENTIFIER, "uri": URI, "lastChangeDateTime": DATE_TIME, "officialSourceURL": URI,
            "caseVersion": {"enum": ["1.1"]}, "subject": STRINGS, "extensions": EXTENSIONS,
        }),
        "CFItems": {"type": "array", "items": closed(CASE_ITEM_REQUIRED, CASE_ITEM_PROPERTIES, {
            "identifier": IDENTIFIER, "uri": URI, "lastChangeDateTime": DATE_TIME, "conceptKeywords": STRINGS,
            "subject": STRINGS, "educationLevel": STRINGS, "extensions": EXTENSIONS,
        })},
        "CFAssociations": {"type": "array", "items": closed(CASE_ASSOCIATION_REQUIRED, CASE_ASSOCIATION_PROPERTIES, {
            "identifier": IDENTIFIER, "uri": URI, "lastChangeDateTime": DATE_TIME,
            "sequenceNumber": {"type": "integer"},
            "associationType": {"enum": CASE_ASSOCIATION_TYPES}, "originNodeURI": CASE_LINK,
            "destinationNodeURI": CASE_LINK, "extensions": EXTENSIONS,
        })},
    }),
}
CASE_VALIDATOR = Draft202012Validator(CASE_PACKAGE_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def case_package(document: dict, language: str = "cy") -> dict:
    return json.loads(exported(document, "case", language))


def case_parents(package: dict) -> dict[str, str]:
    """Each CFItem's identifier mapped to the identifier its isChildOf association points to."""
    parents: dict[str, str] = {}
    for association in package["CFAssociations"]:
        if association["associationType"] == "isChildOf":
            origin = association["originNodeURI"]["identifier"]
            assert origin not in parents, "an item placed twice"
            parents[origin] = association["destinationNodeURI"]["identifier"]
    return parents


@pytest.mark.parametrize("seed", ["grouped", "nested", "translated"])
@pytest.mark.parametrize("language", ["cy", "en"])
def test_case_package_has_the_published_required_fields_and_no_others(request, seed, language):
    package = case_package(request.getfixturevalue(seed), language)
    assert [error.message for error in CASE_VALIDATOR.iter_errors(package)] == []
    for record in [package["CFDocument"], *package["CFItems"], *package["CFAssociations"]]:
        assert re.fullmatch(CASE_UUID, record["identifier"])
        assert record["uri"] == f"urn:uuid:{record['identifier']}"
        datetime.fromisoformat(record["lastChangeDateTime"])


def test_the_case_validator_can_fail(nested):
    package = case_package(nested)
    del package["CFItems"][0]["fullStatement"]
    package["CFDocument"]["CFDocumentURI"] = "not allowed in a package"
    assert len(list(CASE_VALIDATOR.iter_errors(package))) == 2


@pytest.mark.parametrize("seed", ["grouped", "nested"])
def test_case_has_every_item_once_with_its_code_text_and_parent(request, seed):
    document = request.getfixturevalue(seed)
    package = case_package(document)
    items = {item["identifier"]: item for item in package["CFItems"]}
    parents = case_parents(package)
    by_text_and_code = {(item.get("humanCodingScheme"), item["fullStatement"]): item for item in package["CFItems"]}
    coded = [item for item in package["CFItems"] if "humanCodingScheme" in item]
    assert len(coded) == len(entries(document))
    for _section, entry, parent_ref in entries(document):
        item = by_text_and_code[(entry["code"], entry["text"])]
        assert item["language"] == "cy"
        parent = items[parents[item["identifier"]]]
        if parent_ref:
            assert item["CFItemType"] == "Sub-item"
            assert parent["humanCodingScheme"] == next(
                other["code"] for _, other, _ in entries(document) if other["ref"] == parent_ref
            )
        elif entry["group"]:
            assert (parent["CFItemType"], parent["fullStatement"]) == ("Group", entry["group"])
        else:
            assert parent["CFItemType"] == "Section"
    assert set(parents) == set(items)


def test_case_groups_hang_from_the_criteria_section_and_sections_from_the_document(grouped):
    package = case_package(grouped)
    items = {item["identifier"]: item for item in package["CFItems"]}
    parents = case_parents(package)
    document_id = package["CFDocument"]["identifier"]
    sections = [item for item in package["CFItems"] if item["CFItemType"] == "Section"]
    groups = [item for item in package["CFItems"] if item["CFItemType"] == "Group"]
    assert [section["fullStatement"] for section in sections] == list(WELSH_SECTIONS.values())
    assert all(parents[section["identifier"]] == document_id for section in sections)
    assert [group["fullStatement"] for group in groups] == list(GROUPS_002)
    assert {items[parents[group["identifier"]]]["fullStatement"] for group in groups} == {"Meini prawf perfformiad"}


def test_case_children_sit_under_their_parents(nested):
    package = case_package(nested)
    items = {item["identifier"]: item for item in package["CFItems"]}
    parents = case_parents(package)
    children = [item for item in package["CFItems"] if item["CFItemType"] == "Sub-item"]
    placed = [
        (child["humanCodingScheme"], items[parents[child["identifier"]]]["humanCodingScheme"]) for child in children
    ]
    assert placed == [("12.1", "12"), ("2.1", "2"), ("2.2", "2"), ("2.3", "2")]
    assert [child["listEnumeration"] for child in children] == ["1", "1", "2", "3"]


def test_case_document_names_the_standard_and_marks_a_local_urn(nested):
    document = case_package(nested)["CFDocument"]
    assert (document["title"], document["language"], document["caseVersion"]) == ("Teitl prawf", "cy", "1.1")
    assert "LOCAL-CCNEEDS01 (dynodydd lleol, nid URN swyddogol)" in document["notes"]
    assert document["extensions"]["nosUrnIsLocal"] is True


def test_case_identifiers_are_stable_and_differ_by_language_and_standard(nested, grouped):
    first, again = case_package(nested), case_package(copy.deepcopy(nested))
    ids = [item["identifier"] for item in first["CFItems"]]
    assert ids == [item["identifier"] for item in again["CFItems"]]
    assert len(set(ids)) == len(ids)
    english_ids = {item["identifier"] for item in case_package(nested, "en")["CFItems"]}
    assert english_ids.isdisjoint(ids)
    assert {item["identifier"] for item in case_package(grouped)["CFItems"]}.isdisjoint(ids)


def test_case_in_english_uses_the_translation_and_falls_back_to_welsh(translated):
    package = case_package(translated, "en")
    criteria = ("Performance criterion", "Sub-item")
    by_code = {item["humanCodingScheme"]: item for item in package["CFItems"] if item["CFItemType"] in criteria}
    assert package["CFDocument"]["title"] == "Determine customer needs and requirements"
    assert package["CFDocument"]["language"] == "en"
    assert "Unofficial English translation" in package["CFDocument"]["notes"]
    assert by_code["12.1"]["fullStatement"] == "referring customers to other services"
    assert by_code["12.1"]["language"] == "en"
    welsh_13 = translated["performance_criteria"][12]
    assert (by_code["13"]["fullStatement"], by_code["13"]["language"]) == (welsh_13["text"], "cy")
    assert case_package(translated)["CFDocument"]["title"] == "Teitl prawf"


# -- Moodle competency framework CSV --------------------------------------------------------------

# The 14 columns tool_lpimportcsv reads, in the order framework_importer::list_required_headers()
# gives them and read_mapping_data() reads them by position; the names are the tool's English
# strings (moodle/moodle admin/tool/lpimportcsv/classes/framework_importer.php and
# lang/en/tool_lpimportcsv.php).
MOODLE_HEADERS = [
    "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
]
# competency_framework: descriptionformat choices (FORMAT_HTML 1, FORMAT_MOODLE 0, FORMAT_PLAIN 2,
# FORMAT_MARKDOWN 4) and the TAXONOMY_* constants; shortname and idnumber are cut to 100 characters
# by the importer (shorten_text(..., 100)).
MOODLE_FORMATS = {"0", "1", "2", "4"}
MOODLE_TAXONOMIES = {
    "behaviour", "competency", "concept", "domain", "indicator", "level", "outcome", "practice", "proficiency",
    "skill", "value",
}


def moodle_rows(document: dict, language: str = "cy") -> list[dict[str, str]]:
    data = exported(document, "moodle-csv", language)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0] == MOODLE_HEADERS
    assert all(len(row) == 14 for row in rows)
    return [dict(zip(MOODLE_HEADERS, row, strict=False)) for row in rows[1:]]


def moodle_tree(rows: list[dict[str, str]]) -> dict[str, str]:
    """What framework_importer builds: the framework row, then each competency attached to its parent ID number."""
    frameworks = [row for row in rows if row["Is framework"]]
    assert len(frameworks) == 1
    flat = {row["ID number"]: row for row in rows if not row["Is framework"]}
    assert len(flat) == len(rows) - 1, "ID numbers must be unique"
    parents = {}
    reachable = {""}
    while True:
        added = {key for key, row in flat.items() if key not in reachable and row["Parent ID number"] in reachable}
        if not added:
            break
        parents.update({key: flat[key]["Parent ID number"] for key in added})
        reachable |= added
    assert set(parents) == set(flat), "every competency must hang from the framework"
    return parents


@pytest.mark.parametrize("seed", ["grouped", "nested"])
def test_moodle_framework_row_comes_first_with_a_usable_scale(request, seed):
    rows = moodle_rows(request.getfixturevalue(seed))
    framework = rows[0]
    assert framework["Is framework"] == "1" and framework["Parent ID number"] == ""
    scale = framework["Scale values"].split(",")
    assert scale == ["Not yet competent", "Competent"]
    configuration = json.loads(framework["Scale configuration"])
    assert "scaleid" in configuration[0]
    values = configuration[1:]
    assert {value["id"] for value in values} <= set(range(1, len(scale) + 1))
    assert any(value["scaledefault"] for value in values) and any(value["proficient"] for value in values)
    assert [value["id"] for value in values if value["proficient"]] == [2]
    assert set(framework["Taxonomy"].split(",")) <= MOODLE_TAXONOMIES
    assert not any(row["Is framework"] for row in rows[1:])


@pytest.mark.parametrize("seed", ["grouped", "nested"])
def test_moodle_rows_fit_the_importer(request, seed):
    rows = moodle_rows(request.getfixturevalue(seed))
    for row in rows:
        assert row["Description format"] in MOODLE_FORMATS
        assert 0 < len(row["Short name"]) <= 100 and 0 < len(row["ID number"]) <= 100
    depth = max(len(chain(moodle_tree(rows), key)) for key in moodle_tree(rows))
    assert len(rows[0]["Taxonomy"].split(",")) == depth


def chain(parents: dict[str, str], key: str) -> list[str]:
    found = [key]
    while parents[found[-1]]:
        found.append(parents[found[-1]])
    return found


@pytest.mark.parametrize("seed", ["grouped", "nested"])
def test_moodle_has_every_item_once_under_its_parent(request, seed):
    document = request.getfixturevalue(seed)
    rows = moodle_rows(document)
    parents = moodle_tree(rows)
    by_id = {row["ID number"]: row for row in rows[1:]}
    for section, entry, parent_ref in entries(document):
        row = by_id[entry["ref"]]
        assert row["Description"] == entry["text"]
        assert row["Short name"].startswith(entry["code"] + " ")
        parent = by_id[parents[entry["ref"]]]
        if parent_ref:
            assert parent["ID number"] == parent_ref
        elif entry["group"]:
            assert parent["Description"] == entry["group"]
        else:
            assert parent["Short name"] == WELSH_SECTIONS[section]
    assert len(rows) == 1 + len(SECTIONS) + len(group_names(document)) + len(entries(document))


def test_moodle_groups_of_002(grouped):
    rows = moodle_rows(grouped)
    parents = moodle_tree(rows)
    groups = [row for row in rows[1:] if row["Description"] in GROUPS_002]
    assert len(groups) == 2
    assert {parents[group["ID number"]] for group in groups} == {"performance-criteria"}
    under_second = [row["ID number"] for row in rows[1:] if parents.get(row["ID number"]) == groups[1]["ID number"]]
    assert under_second == ["P5", "P6", "P7", "P8", "P9"]


def test_moodle_quotes_commas_quotes_and_newlines_safely(nested):
    tricky = 'gofyn "pam?", ac yna\nysgrifennu\r\nnodyn; <b>dim HTML</b>'
    nested["performance_criteria"][0]["text"] = tricky
    data = exported(nested, "moodle-csv")
    assert b'"gofyn ""pam?"", ac yna\nysgrifennu\r\nnodyn; <b>dim HTML</b>"' in data
    rows = moodle_rows(nested)
    assert next(row for row in rows if row["ID number"] == "P1")["Description"] == tricky
    assert next(row for row in rows if row["ID number"] == "P1")["Description format"] == "2"


def test_moodle_framework_id_number_is_the_urn_and_version_and_a_translation_adds_its_language(translated):
    translated["version"] = "4"
    assert moodle_rows(translated)[0]["ID number"] == "LOCAL-CCNEEDS01_v4"
    assert moodle_rows(translated, "en")[0]["ID number"] == "LOCAL-CCNEEDS01_v4_en"
    del translated["translations"]
    assert moodle_rows(translated, "en")[0]["ID number"] == "LOCAL-CCNEEDS01_v4"


def test_moodle_in_english_uses_the_translation(translated):
    rows = {row["ID number"]: row for row in moodle_rows(translated, "en")}
    assert rows["P12.1"]["Description"] == "referring customers to other services"
    assert rows["P13"]["Description"] == translated["performance_criteria"][12]["text"]
    assert rows["performance-criteria"]["Short name"] == "Performance criteria"
    assert "Determine customer needs and requirements" in next(iter(rows.values()))["Short name"]
    welsh = {row["ID number"]: row for row in moodle_rows(translated)}
    assert welsh["P12.1"]["Description"] == translated["performance_criteria"][11]["children"][0]["text"]


# -- Mahara SmartEvidence .matrix -----------------------------------------------------------------

# What Mahara's importer reads (MaharaProject/mahara htdocs/module/framework/lib.php,
# PluginModuleFramework::matrix_is_valid_json and Framework::commit, and the shipped
# matrices/*.matrix): a top-level "framework" with a non-empty "name"; "standards" with shortname,
# name, description and standardid; "standardelements" with shortname, name, description,
# standardid (matched to a standard with PHP ===, so the same JSON type) and elementid; a sub-element
# names an earlier element of the same standard in "parentelementid". evidencestatuses keys are
# begun, incomplete, partialcomplete, completed. Column sizes from db/install.xml: shortname 100,
# name 255, not null.
MAHARA_STANDARD_KEYS = {"shortname", "name", "description", "standardid"}
MAHARA_ELEMENT_KEYS = {"shortname", "name", "description", "standardid", "elementid"}
MAHARA_STATUSES = ["begun", "incomplete", "partialcomplete", "completed"]


def mahara_framework(document: dict, language: str = "cy") -> dict:
    matrix = json.loads(exported(document, "mahara", language))
    assert set(matrix) == {"framework"}
    return matrix["framework"]


def php_identical(left: object, right: object) -> bool:
    """PHP's ===: the same type and the same value."""
    return type(left) is type(right) and left == right


def mahara_import(framework: dict) -> dict[str, tuple[int, str | None]]:
    """What Framework::commit stores: elementid mapped to (standardid, parent elementid or None)."""
    stored: dict[str, tuple[int, str | None]] = {}
    for standard in framework["standards"]:
        seen: list[str] = []
        for element in framework["standardelements"]:
            if not php_identical(element["standardid"], standard["standardid"]):
                continue
            parent = element.get("parentelementid")
            assert parent is None or parent in seen, f"{element['elementid']}: parent {parent} not read before it"
            seen.append(element["elementid"])
            stored[element["elementid"]] = (standard["standardid"], parent)
    assert len(stored) == len(framework["standardelements"]), "an element matched no standard, or twice"
    return stored


@pytest.mark.parametrize("seed", ["grouped", "nested"])
def test_mahara_matrix_has_what_the_importer_reads(request, seed):
    framework = mahara_framework(request.getfixturevalue(seed))
    assert framework["name"] and len(framework["name"]) <= 255
    assert framework["institution"] == "all"
    assert [key for status in framework["evidencestatuses"] for key in status] == MAHARA_STATUSES
    for standard in framework["standards"]:
        assert MAHARA_STANDARD_KEYS <= set(standard) and isinstance(standard["standardid"], int)
    for element in framework["standardelements"]:
        assert MAHARA_ELEMENT_KEYS <= set(element)
        assert 0 < len(element["shortname"]) <= 100 and 0 < len(element["name"]) <= 255
    ids = [element["elementid"] for element in framework["standardelements"]]
    assert len(ids) == len(set(ids))
    assert all(not re.fullmatch(r"[\d.eE+-]+", elementid) for elementid in ids), "PHP compares numeric strings loosely"


@pytest.mark.parametrize("seed", ["grouped", "nested"])
def test_mahara_has_every_item_once_under_its_parent(request, seed):
    document = request.getfixturevalue(seed)
    framework = mahara_framework(document)
    stored = mahara_import(framework)
    elements = {element["elementid"]: element for element in framework["standardelements"]}
    standards = {standard["standardid"]: standard["name"] for standard in framework["standards"]}
    for section, entry, parent_ref in entries(document):
        element = elements[entry["ref"]]
        standard_id, parent = stored[entry["ref"]]
        assert element["shortname"] == entry["code"]
        assert element["description"].startswith("<p>")
        assert standards[standard_id] == WELSH_SECTIONS[section]
        if parent_ref:
            assert parent == parent_ref
        elif entry["group"]:
            assert elements[parent]["name"] == entry["group"]
        else:
            assert parent is None
    assert len(framework["standardelements"]) == len(entries(document)) + len(group_names(document))


def test_mahara_groups_of_002_are_parent_elements(grouped):
    framework = mahara_framework(grouped)
    stored = mahara_import(framework)
    groups = [element for element in framework["standardelements"] if element["name"] in GROUPS_002]
    assert [stored[group["elementid"]] for group in groups] == [(1, None), (1, None)]
    assert [key for key, (_, parent) in stored.items() if parent == groups[0]["elementid"]] == ["P1", "P2", "P3", "P4"]


def test_mahara_escapes_html_in_descriptions(nested):
    nested["knowledge"][0]["text"] = "pwysigrwydd <script>alert(1)</script> & diogelwch"
    element = next(e for e in mahara_framework(nested)["standardelements"] if e["elementid"] == "K1")
    assert element["description"] == "<p>pwysigrwydd &lt;script&gt;alert(1)&lt;/script&gt; &amp; diogelwch</p>"


def test_mahara_in_english_uses_the_translation(translated):
    framework = mahara_framework(translated, "en")
    elements = {element["elementid"]: element for element in framework["standardelements"]}
    assert elements["K2"]["name"] == "legislation and regulations for handling customer needs"
    assert elements["K3"]["name"] == translated["knowledge"][2]["text"]
    assert [standard["name"] for standard in framework["standards"]] == list(ENGLISH_SECTIONS.values())
    assert framework["evidencestatuses"][3] == {"completed": "Meets the criterion"}
    assert "Determine customer needs and requirements" in framework["name"]
    assert "Unofficial English translation" in framework["description"]
    assert mahara_framework(translated)["standards"][0]["name"] == "Meini prawf perfformiad"


def test_long_texts_are_cut_to_the_column_sizes(nested):
    nested["performance_criteria"][0]["text"] = "gair " * 120
    element = next(e for e in mahara_framework(nested)["standardelements"] if e["elementid"] == "P1")
    assert len(element["name"]) <= 255 and element["name"].endswith("\u2026")
    assert element["description"] == f"<p>{'gair ' * 120}</p>"
    row = next(row for row in moodle_rows(nested) if row["ID number"] == "P1")
    assert len(row["Short name"]) <= 100 and row["Description"] == "gair " * 120


# -- every seed and every shipped data file, in both languages -------------------------------------

SHIPPED = sorted(path for path in (REPO / "standards").glob("*.json") if path.name != "schema.json")
ALL_SEEDS = sorted(path.name for path in SEEDS.glob("*.txt"))


def structure_problems(document: dict, language: str) -> list[str]:
    """Each format checked as the tests above check it; the list of what fails."""
    problems = [error.message for error in CASE_VALIDATOR.iter_errors(case_package(document, language))]
    moodle_tree(moodle_rows(document, language))
    mahara_import(mahara_framework(document, language))
    refs = {entry["ref"] for _, entry, _ in entries(document)}
    moodle_ids = {row["ID number"] for row in moodle_rows(document, language)}
    mahara_ids = {element["elementid"] for element in mahara_framework(document, language)["standardelements"]}
    problems += [f"{ref} missing from moodle-csv" for ref in refs - moodle_ids]
    problems += [f"{ref} missing from mahara" for ref in refs - mahara_ids]
    return problems


@pytest.mark.parametrize("name", ALL_SEEDS)
@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_seed_exports_in_every_format(name, language):
    assert structure_problems(parsed_seed(name, f"LOCAL-{name[:3]}"), language) == []


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_shipped_standard_exports_in_every_format(path, language):
    document = json.loads(path.read_text(encoding="utf-8"))
    assert structure_problems(document, language) == []
    if language == "en" and document.get("translations", {}).get("en"):
        assert case_package(document, "en")["CFDocument"]["title"] == document["translations"]["en"]["title"]

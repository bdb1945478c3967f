"""Exports of a standard checked against each target format's published structure.

Seed 002 (CFACSB15) has its criteria in two titled groups; seed 003 (contact centre) has sub-items
(12.1 under 12, 2.1-2.3 under knowledge item 2) and printed codes that repeat across the two lists.
"""
import copy
import csv
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assessor.standards.exports import EXPORT_FORMATS, ExportContext, export_filename, export_standard
from assessor.standards.parser import decode, parse_standard
from assessor.standards.references import reference

from .case_schema import CASE_UUID, VALIDATORS

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "standards" / "sources"
GROUPED = "002_c373f6a8a3b4f8fe.txt"
NESTED = "003_0432d368949bc243.txt"
GROUPS_002 = ("Sefydlu cysylltiadau cwsmeriaid effeithiol", "Cynnal a datblygu cysylltiadau cwsmeriaid effeithiol")
SECTIONS = ("performance_criteria", "knowledge")
WELSH_SECTIONS = {"performance_criteria": "Meini prawf perfformiad", "knowledge": "Gwybodaeth a dealltwriaeth"}
ENGLISH_SECTIONS = {"performance_criteria": "Performance criteria", "knowledge": "Knowledge and understanding"}
STORED = datetime(2026, 11, 30, 9, 15, 7, tzinfo=UTC)
SITE = "https://assessor.example.ac.uk"
CONTEXT = ExportContext(changed_at=STORED, base_url=SITE)


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


def exported(document: dict, fmt: str, language: str = "cy", context: ExportContext = CONTEXT) -> bytes:
    return export_standard(document, fmt, language, context)


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
        export_standard(nested, "case", "fr", CONTEXT)


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

CASE_VALIDATOR = VALIDATORS["CFPackage"]


def case_package(document: dict, language: str = "cy", context: ExportContext = CONTEXT) -> dict:
    return json.loads(exported(document, "case", language, context))


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
    collections = [("CFDocuments", [package["CFDocument"]]), ("CFItems", package["CFItems"]),
                   ("CFAssociations", package["CFAssociations"])]
    for collection, records in collections:
        for record in records:
            assert re.fullmatch(CASE_UUID, record["identifier"])
            assert record["uri"] == f"{SITE}/ims/case/v1p1/{collection}/{record['identifier']}"
            assert record["lastChangeDateTime"] == "2026-11-30T09:15:07Z"


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
        item = by_text_and_code[(entry["ref"], entry["text"])]
        assert item["language"] == "cy"
        parent = items[parents[item["identifier"]]]
        if parent_ref:
            assert item["CFItemType"] == "Sub-item"
            assert parent["humanCodingScheme"] == parent_ref
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
    assert placed == [("P12.1", "P12"), ("K2.1", "K2"), ("K2.2", "K2"), ("K2.3", "K2")]
    assert [child["extensions"]["nosPrintedCode"] for child in children] == ["12.1", "2.1", "2.2", "2.3"]
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
    by_code = {item["extensions"]["nosPrintedCode"]: item for item in package["CFItems"] if item["CFItemType"] in criteria}
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
    assert scale == ["Ddim yn gymwys eto", "Cymwys"]
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
        assert row["Short name"].startswith(reference(entry) + " ")
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
    assert {parents[group["ID number"]] for group in groups} == {"meini-prawf-perfformiad"}
    assert [group["ID number"] for group in groups] == ["meini-prawf-perfformiad-grwp-1", "meini-prawf-perfformiad-grwp-2"]
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
        assert element["shortname"] == reference(entry)
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


# -- issue 13: identifiers and scale in the export's language, unique codes, real dates, links ------


def test_a_welsh_export_names_its_sections_and_groups_in_welsh(grouped):
    welsh_ids = [row["ID number"] for row in moodle_rows(grouped)[1:]]
    welsh_ids += [element["elementid"] for element in mahara_framework(grouped)["standardelements"]]
    headings = [key for key in welsh_ids if not re.fullmatch(r"[PKG]\d+(\.\d+)?", key)]
    assert headings == [
        "meini-prawf-perfformiad", "meini-prawf-perfformiad-grwp-1", "meini-prawf-perfformiad-grwp-2", "gwybodaeth",
        "meini-prawf-perfformiad-grwp-1", "meini-prawf-perfformiad-grwp-2",
    ]
    assert not [key for key in welsh_ids if re.search(r"performance|knowledge|group", key)]
    english = [row["ID number"] for row in moodle_rows(grouped, "en")[1:] if not re.fullmatch(r"[PKG]\d+", row["ID number"])]
    assert english == ["performance-criteria", "performance-criteria-group-1", "performance-criteria-group-2", "knowledge"]


def test_the_moodle_scale_is_in_the_exports_language(translated):
    assert moodle_rows(translated)[0]["Scale values"] == "Ddim yn gymwys eto,Cymwys"
    assert moodle_rows(translated, "en")[0]["Scale values"] == "Not yet competent,Competent"


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_codes_never_repeat_within_a_framework(name):
    document = parsed_seed(name, f"LOCAL-{name[:3]}")
    moodle = [row["Short name"].split(" ")[0] for row in moodle_rows(document)[1:] if row["ID number"] in refs_of(document)]
    mahara = [element["shortname"] for element in mahara_framework(document)["standardelements"]
              if element["elementid"] in refs_of(document)]
    case = [item["humanCodingScheme"] for item in case_package(document)["CFItems"] if "humanCodingScheme" in item]
    for codes in (moodle, mahara, case):
        assert len(codes) == len(refs_of(document)) == len(set(codes))


def refs_of(document: dict) -> set[str]:
    return {entry["ref"] for _, entry, _ in entries(document)}


def test_seed_003_prints_repeating_codes_and_the_exports_tell_them_apart(nested):
    assert {entry["code"] for _, entry, _ in entries(nested) if entry["ref"] in ("P1", "K1")} == {"1"}
    rows = {row["ID number"]: row["Short name"] for row in moodle_rows(nested)}
    assert rows["P1"].startswith("P1 (1) ") and rows["K1"].startswith("K1 (1) ")
    shortnames = {element["elementid"]: element["shortname"] for element in mahara_framework(nested)["standardelements"]}
    assert (shortnames["P1"], shortnames["K1"]) == ("P1 (1)", "K1 (1)")


def test_case_is_dated_when_the_version_was_stored_and_never_guesses(grouped):
    package = case_package(grouped, context=ExportContext(changed_at=datetime(2025, 6, 3, 14, 0, 9, tzinfo=UTC)))
    dates = {record["lastChangeDateTime"] for record in [package["CFDocument"], *package["CFItems"], *package["CFAssociations"]]}
    assert dates == {"2025-06-03T14:00:09Z"}
    assert grouped["approved"] and "2013" in grouped["approved"]
    with pytest.raises(ValueError, match="when its version was stored"):
        export_standard(grouped, "case", "cy")


def test_without_a_base_address_case_uris_are_urns(nested):
    package = case_package(nested, context=ExportContext(changed_at=STORED))
    assert package["CFDocument"]["uri"] == f"urn:uuid:{package['CFDocument']['identifier']}"


def associations(package: dict, kind: str) -> list[dict]:
    return [association for association in package["CFAssociations"] if association["associationType"] == kind]


def test_the_english_package_is_a_translation_of_the_welsh_one(translated):
    welsh, english = case_package(translated), case_package(translated, "en")
    links = associations(english, "isTranslationOf")
    document_link = links[0]
    assert document_link["originNodeURI"]["identifier"] == english["CFDocument"]["identifier"]
    assert document_link["destinationNodeURI"]["identifier"] == welsh["CFDocument"]["identifier"]
    welsh_items = {item["identifier"]: item for item in welsh["CFItems"]}
    english_items = {item["identifier"]: item for item in english["CFItems"]}
    linked = {english_items[link["originNodeURI"]["identifier"]].get("humanCodingScheme") or
              english_items[link["originNodeURI"]["identifier"]]["fullStatement"]:
              welsh_items[link["destinationNodeURI"]["identifier"]].get("humanCodingScheme") for link in links[1:]}
    assert linked == {"Performance criteria": None, "Knowledge and understanding": None,
                      "P12": "P12", "P12.1": "P12.1", "K2": "K2"}
    assert associations(welsh, "isTranslationOf") == links
    assert [problem for problem in CASE_VALIDATOR.iter_errors(english)] == []


def test_no_translation_no_translation_link(nested):
    assert associations(case_package(nested), "isTranslationOf") == []
    assert associations(case_package(nested, "en"), "isTranslationOf") == []


def test_a_version_is_replaced_by_the_next(nested):
    newer = {**copy.deepcopy(nested), "version": "2", "title": "Teitl newydd"}
    old = case_package(nested, context=ExportContext(changed_at=STORED, base_url=SITE, newer=newer))
    new = case_package(newer, context=ExportContext(changed_at=STORED, base_url=SITE, older=nested))
    [link] = associations(old, "replacedBy")
    assert link["originNodeURI"]["identifier"] == old["CFDocument"]["identifier"]
    assert link["destinationNodeURI"] == {
        "title": "Teitl newydd", "identifier": new["CFDocument"]["identifier"], "uri": new["CFDocument"]["uri"],
    }
    assert associations(new, "replacedBy") == [link]
    assert associations(case_package(nested), "replacedBy") == []


@pytest.mark.parametrize("language", ["cy", "en"])
def test_mahara_sections_are_described(nested, language):
    standards = mahara_framework(nested, language)["standards"]
    descriptions = [standard["description"] for standard in standards]
    assert all(description.startswith("<p>LOCAL-CCNEEDS01: ") for description in descriptions)
    leads = {"cy": ["Rhaid i chi allu:", "Mae angen i chi wybod a deall:"],
             "en": ["You must be able to:", "You need to know and understand:"]}[language]
    assert [description.endswith(f"<p>{lead}</p>") for description, lead in zip(descriptions, leads, strict=True)] == [True, True]


def test_moodle_names_are_cut_by_the_stated_rule(nested):
    """docs/exports.md: the reference stays, the cut falls before a word, an ellipsis ends it; the full text stays."""
    words = "gwrando'n astud ar y cwsmer, " * 8
    nested["performance_criteria"][0]["text"] = words
    row = next(row for row in moodle_rows(nested) if row["ID number"] == "P1")
    assert len(row["Short name"]) <= 100 and row["Short name"].startswith("P1 (1) gwrando'n astud")
    assert row["Short name"].endswith("cwsmer\u2026") and f"P1 (1) {words}".startswith(row["Short name"][:-1])
    assert row["Description"] == words
    exact = "a" * 93
    nested["performance_criteria"][0]["text"] = exact
    assert next(row for row in moodle_rows(nested) if row["ID number"] == "P1")["Short name"] == f"P1 (1) {exact}"
    nested["performance_criteria"][0]["text"] = "b" * 200
    assert next(row for row in moodle_rows(nested) if row["ID number"] == "P1")["Short name"] == "P1 (1) " + "b" * 92 + "\u2026"

"""Standards out to other tools: our JSON, 1EdTech CASE 1.1, Moodle's competency CSV, Mahara SmartEvidence.

Every exporter is a pure function from a standard document (the shape in standards/schema.json,
optionally with `translations`) and a language to bytes: the same document always gives the same
bytes. The language chooses the original text or its English rendering (`translations.en`), field by
field, falling back to the original wherever the rendering has nothing.

All formats share one tree: the standard, then a section for the performance criteria and one for
the knowledge, then the group headings (when the list has them), the items, and their sub-items.
"""
import csv
import html
import io
import json
import re
import uuid
from dataclasses import dataclass
from typing import Callable, NamedTuple

LANGUAGES = ("cy", "en")
SECTIONS = ("performance_criteria", "knowledge")
SECTION_KEYS = {"performance_criteria": "performance-criteria", "knowledge": "knowledge"}

#: Fixed namespace for CASE identifiers: never change it, or every exported identifier changes.
CASE_NAMESPACE = uuid.UUID("5b0f3c1e-7a52-5d8e-9c4b-2f6d1e8a9b30")

WORDS = {
    "cy": {
        "performance_criteria": "Meini prawf perfformiad",
        "knowledge": "Gwybodaeth a dealltwriaeth",
        "urn": "URN",
        "local": "dynodydd lleol, nid URN swyddogol",
        "original_urns": "URN gwreiddiol",
        "version": "Fersiwn",
        "approved": "Cymeradwy ar",
        "review_date": "Dyddiad adolygu dangosol",
        "validity": "Dilysrwydd",
        "status": "Statws",
        "begun": "Yn barod i'w asesu",
        "incomplete": "Nid yw'n bodloni'r maen prawf",
        "partialcomplete": "Yn bodloni'r maen prawf yn rhannol",
        "completed": "Yn bodloni'r maen prawf",
    },
    "en": {
        "performance_criteria": "Performance criteria",
        "knowledge": "Knowledge and understanding",
        "urn": "URN",
        "local": "local identifier, not an official URN",
        "original_urns": "Original URN",
        "version": "Version",
        "approved": "Approved on",
        "review_date": "Indicative review date",
        "validity": "Validity",
        "status": "Status",
        "begun": "Ready for assessment",
        "incomplete": "Doesn't meet the criterion",
        "partialcomplete": "Partially meets the criterion",
        "completed": "Meets the criterion",
    },
}


# -- the shared tree ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendering:
    """A standard's texts in one language, falling back field by field to the original."""

    document: dict
    language: str

    @property
    def translation(self) -> dict:
        if self.language == self.document["language"]:
            return {}
        return (self.document.get("translations") or {}).get(self.language) or {}

    @property
    def words(self) -> dict[str, str]:
        return WORDS[self.language]

    def field(self, name: str) -> str | None:
        return self.translation.get(name) or self.document.get(name)

    def field_language(self, name: str) -> str:
        return self.language if self.translation.get(name) else self.document["language"]

    def list_field(self, name: str) -> list[str]:
        return list(self.translation.get(name) or self.document.get(name) or [])

    def item_text(self, entry: dict) -> tuple[str, str]:
        return self._translated(entry["text"], self.translation.get("items", {}).get(entry["ref"]))

    def group_text(self, group: str) -> tuple[str, str]:
        return self._translated(group, self.translation.get("groups", {}).get(group))

    def _translated(self, original: str, rendering: str | None) -> tuple[str, str]:
        return (rendering, self.language) if rendering else (original, self.document["language"])


@dataclass(frozen=True)
class Node:
    """One entry of the tree: a section, a group heading, an item or a sub-item."""

    key: str
    kind: str
    section: str
    code: str | None
    text: str
    language: str
    parent: str | None
    position: int


def render(document: dict, language: str) -> Rendering:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}': use one of {', '.join(LANGUAGES)}")
    return Rendering(document, language)


def tree(rendering: Rendering) -> list[Node]:
    """Every node of the standard, each parent before its children, in the order printed."""
    nodes: list[Node] = []
    for position, section in enumerate(SECTIONS, start=1):
        key = SECTION_KEYS[section]
        nodes.append(Node(key, "section", section, None, rendering.words[section], rendering.language, None, position))
        nodes.extend(_section_nodes(rendering, section, key))
    return nodes


def _section_nodes(rendering: Rendering, section: str, section_key: str) -> list[Node]:
    """The section's groups, items and sub-items; a group comes where its first item stands."""
    nodes: list[Node] = []
    group_keys: dict[str, str] = {}
    positions: dict[str, int] = {}

    def next_position(parent: str) -> int:
        positions[parent] = positions.get(parent, 0) + 1
        return positions[parent]

    for entry in rendering.document[section]:
        group = entry["group"]
        if group is not None and group not in group_keys:
            group_keys[group] = f"{section_key}-group-{len(group_keys) + 1}"
            text, language = rendering.group_text(group)
            position = next_position(section_key)
            nodes.append(Node(group_keys[group], "group", section, None, text, language, section_key, position))
        parent = group_keys[group] if group is not None else section_key
        nodes.extend(_item_nodes(rendering, section, entry, parent, next_position(parent)))
    return nodes


def _item_nodes(rendering: Rendering, section: str, entry: dict, parent: str, position: int) -> list[Node]:
    text, language = rendering.item_text(entry)
    nodes = [Node(entry["ref"], "item", section, entry["code"], text, language, parent, position)]
    for index, child in enumerate(entry["children"], start=1):
        child_text, child_language = rendering.item_text(child)
        nodes.append(
            Node(child["ref"], "child", section, child["code"], child_text, child_language, entry["ref"], index)
        )
    return nodes


def shorten(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters, at a word boundary where one is near, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "\u2026"


def display_name(rendering: Rendering) -> str:
    version = rendering.document.get("version")
    urn = rendering.document.get("urn") or ""
    label = f"{urn} v{version}" if version else urn
    return f"{label}: {rendering.field('title')}" if label else rendering.field("title")


def details(rendering: Rendering) -> list[str]:
    """The standard's identity and status as labelled lines, in the chosen language."""
    document, words = rendering.document, rendering.words
    lines = []
    if document.get("urn"):
        local = f" ({words['local']})" if document.get("urn_is_local") else ""
        lines.append(f"{words['urn']}: {document['urn']}{local}")
    if document.get("original_urns"):
        lines.append(f"{words['original_urns']}: {', '.join(document['original_urns'])}")
    for name in ("version", "approved", "review_date", "validity", "status"):
        if rendering.field(name):
            lines.append(f"{words[name]}: {rendering.field(name)}")
    if rendering.translation.get("note"):
        lines.append(rendering.translation["note"])
    return lines


# -- json --------------------------------------------------------------------------------------


def export_json(document: dict, language: str = "cy") -> bytes:
    """Our own document, unchanged: it carries every language it has, so `language` is only checked."""
    render(document, language)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- 1EdTech CASE 1.1 ---------------------------------------------------------------------------

#: The creator when the text names neither who developed the standard nor its originating organisation.
CASE_CREATOR = "UK National Occupational Standards"
CASE_ITEM_TYPES = {
    ("section", "performance_criteria"): "Section",
    ("section", "knowledge"): "Section",
    ("group", "performance_criteria"): "Group",
    ("group", "knowledge"): "Group",
    ("item", "performance_criteria"): "Performance criterion",
    ("item", "knowledge"): "Knowledge item",
    ("child", "performance_criteria"): "Sub-item",
    ("child", "knowledge"): "Sub-item",
}


def case_identifier(document: dict, language: str, key: str = "") -> str:
    """A stable UUID for one object of a standard's CASE package (`key` empty for the CFDocument)."""
    name = "/".join((document.get("urn") or "", document.get("version") or "", language, key))
    return str(uuid.uuid5(CASE_NAMESPACE, name))


def case_last_change(document: dict) -> str:
    """The approval year as a date-time (1 January), so re-exports match; 1970 when none is printed."""
    match = re.search(r"\b(19|20)\d{2}\b", document.get("approved") or "")
    year = match.group(0) if match else "1970"
    return f"{year}-01-01T00:00:00Z"


def export_case(document: dict, language: str = "cy") -> bytes:
    rendering = render(document, language)
    nodes = tree(rendering)
    titles = {node.key: node.code or shorten(node.text, 60) for node in nodes}
    titles[None] = rendering.field("title")
    package = {
        "CFDocument": _case_document(rendering),
        "CFItems": [_case_item(rendering, node) for node in nodes],
        "CFAssociations": [_case_association(rendering, node, titles) for node in nodes],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _case_document(rendering: Rendering) -> dict:
    document = rendering.document
    identifier = case_identifier(document, rendering.language)
    fields = {
        "identifier": identifier,
        "uri": f"urn:uuid:{identifier}",
        "creator": rendering.field("developed_by") or rendering.field("originating_organisation") or CASE_CREATOR,
        "title": rendering.field("title"),
        "lastChangeDateTime": case_last_change(document),
        "caseVersion": "1.1",
        "publisher": rendering.field("originating_organisation"),
        "description": rendering.field("overview"),
        "subject": rendering.list_field("suites") or None,
        "language": rendering.field_language("title"),
        "version": document.get("version"),
        "adoptionStatus": "Deprecated" if document.get("legacy") else "Adopted",
        "notes": "\n".join(details(rendering)) or None,
        "extensions": {
            "nosUrn": document.get("urn"),
            "nosUrnIsLocal": bool(document.get("urn_is_local")),
            "nosOriginalUrns": list(document.get("original_urns") or []),
            "unofficialTranslation": bool(rendering.translation),
        },
    }
    return {name: value for name, value in fields.items() if value is not None}


def _case_item(rendering: Rendering, node: Node) -> dict:
    identifier = case_identifier(rendering.document, rendering.language, node.key)
    fields = {
        "identifier": identifier,
        "uri": f"urn:uuid:{identifier}",
        "fullStatement": node.text,
        "humanCodingScheme": node.code,
        "listEnumeration": str(node.position),
        "CFItemType": CASE_ITEM_TYPES[(node.kind, node.section)],
        "language": node.language,
        "lastChangeDateTime": case_last_change(rendering.document),
    }
    return {name: value for name, value in fields.items() if value is not None}


def _case_association(rendering: Rendering, node: Node, titles: dict[str | None, str]) -> dict:
    """The CFAssociation placing `node` under its parent (the CFDocument for a section)."""
    document, language = rendering.document, rendering.language
    identifier = case_identifier(document, language, f"{node.key}/isChildOf")
    return {
        "identifier": identifier,
        "uri": f"urn:uuid:{identifier}",
        "associationType": "isChildOf",
        "sequenceNumber": node.position,
        "originNodeURI": _case_link(document, language, node.key, titles[node.key]),
        "destinationNodeURI": _case_link(document, language, node.parent or "", titles[node.parent]),
        "lastChangeDateTime": case_last_change(document),
    }


def _case_link(document: dict, language: str, key: str, title: str) -> dict:
    identifier = case_identifier(document, language, key)
    return {"title": title, "identifier": identifier, "uri": f"urn:uuid:{identifier}"}


# -- Moodle competency framework CSV (tool_lpimportcsv) -----------------------------------------

#: The columns tool_lpimportcsv reads, by position, in its order (framework_importer::list_required_headers).
MOODLE_HEADERS = (
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
)
MOODLE_FORMAT_PLAIN = "2"
MOODLE_SCALE = "Not yet competent,Competent"
#: The first entry names the scale (the importer replaces the id); then each scale value by position.
MOODLE_SCALE_CONFIGURATION = json.dumps(
    [{"scaleid": "0"}, {"id": 1, "scaledefault": 0, "proficient": 0}, {"id": 2, "scaledefault": 1, "proficient": 1}],
    separators=(",", ":"),
)
MOODLE_TEXT_LIMIT = 100


def export_moodle_csv(document: dict, language: str = "cy") -> bytes:
    rendering = render(document, language)
    nodes = tree(rendering)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(MOODLE_HEADERS)
    writer.writerow(_moodle_framework_row(rendering, nodes))
    writer.writerows(_moodle_competency_row(node) for node in nodes)
    return buffer.getvalue().encode("utf-8")


def moodle_framework_idnumber(rendering: Rendering) -> str:
    """URN and version; a translation adds its language, so a site can hold both (Moodle wants it unique)."""
    document = rendering.document
    parts = [document.get("urn") or "standard"]
    if document.get("version"):
        parts.append(f"v{document['version']}")
    if rendering.translation:
        parts.append(rendering.language)
    return "_".join(parts)[:MOODLE_TEXT_LIMIT]


def _moodle_framework_row(rendering: Rendering, nodes: list[Node]) -> list[str]:
    description = "\n\n".join(filter(None, [rendering.field("overview"), "\n".join(details(rendering))]))
    return _moodle_row({
        "ID number": moodle_framework_idnumber(rendering),
        "Short name": shorten(display_name(rendering), MOODLE_TEXT_LIMIT),
        "Description": description,
        "Description format": MOODLE_FORMAT_PLAIN,
        "Scale values": MOODLE_SCALE,
        "Scale configuration": MOODLE_SCALE_CONFIGURATION,
        "Is framework": "1",
        "Taxonomy": ",".join(["competency"] * _depth(nodes)),
    })


def _moodle_competency_row(node: Node) -> list[str]:
    """A competency inheriting the framework's scale, without rules (as Moodle's own exporter writes one)."""
    label = f"{node.code} {node.text}" if node.code else node.text
    return _moodle_row({
        "Parent ID number": node.parent or "",
        "ID number": node.key,
        "Short name": shorten(label, MOODLE_TEXT_LIMIT),
        "Description": node.text,
        "Description format": MOODLE_FORMAT_PLAIN,
        "Rule outcome (optional)": "0",
        "Rule config (optional)": "null",
    })


def _moodle_row(values: dict[str, str]) -> list[str]:
    """A CSV row from values by column name; the columns not named stay empty."""
    return [values.get(header, "") for header in MOODLE_HEADERS]


def _depth(nodes: list[Node]) -> int:
    parents = {node.key: node.parent for node in nodes}
    deepest = 0
    for key in parents:
        depth = 0
        while key is not None:
            key, depth = parents[key], depth + 1
        deepest = max(deepest, depth)
    return deepest


# -- Mahara SmartEvidence .matrix ----------------------------------------------------------------

#: Column sizes of Mahara's framework tables (htdocs/module/framework/db/install.xml).
MAHARA_SHORTNAME_LIMIT = 100
MAHARA_NAME_LIMIT = 255
MAHARA_STATUSES = ("begun", "incomplete", "partialcomplete", "completed")


def export_mahara(document: dict, language: str = "cy") -> bytes:
    rendering = render(document, language)
    nodes = tree(rendering)
    standard_ids = {SECTION_KEYS[section]: number for number, section in enumerate(SECTIONS, start=1)}
    framework = {
        "institution": "all",
        "name": shorten(display_name(rendering), MAHARA_NAME_LIMIT),
        "description": _html_paragraphs([rendering.field("overview"), *details(rendering)]),
        "selfassess": False,
        "evidencestatuses": [{status: rendering.words[status]} for status in MAHARA_STATUSES],
        "standards": [_mahara_standard(node, standard_ids[node.key]) for node in nodes if node.kind == "section"],
        "standardelements": [_mahara_element(node, standard_ids) for node in nodes if node.kind != "section"],
    }
    return (json.dumps({"framework": framework}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _mahara_standard(node: Node, standard_id: int) -> dict:
    return {
        "shortname": shorten(node.text, MAHARA_SHORTNAME_LIMIT),
        "name": shorten(node.text, MAHARA_NAME_LIMIT),
        "description": "",
        "standardid": standard_id,
    }


def _mahara_element(node: Node, standard_ids: dict[str, int]) -> dict:
    element = {
        "shortname": shorten(node.code or node.text, MAHARA_SHORTNAME_LIMIT),
        "name": shorten(node.text, MAHARA_NAME_LIMIT),
        "description": _html_paragraphs([node.text]),
        "standardid": standard_ids[SECTION_KEYS[node.section]],
        "elementid": node.key,
    }
    if node.parent not in standard_ids:
        element["parentelementid"] = node.parent
    return element


def _html_paragraphs(texts: list[str | None]) -> str:
    paragraphs = [part for text in texts if text for part in text.split("\n\n")]
    return "".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


# -- the registry ------------------------------------------------------------------------------


class ExportFormat(NamedTuple):
    export: Callable[[dict, str], bytes]
    media_type: str
    extension: str
    label: str


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat(export_json, "application/json", "json", "Assessor JSON"),
    "case": ExportFormat(export_case, "application/json", "json", "1EdTech CASE 1.1 package"),
    "moodle-csv": ExportFormat(export_moodle_csv, "text/csv; charset=utf-8", "csv", "Moodle competency framework"),
    "mahara": ExportFormat(export_mahara, "application/json", "matrix", "Mahara SmartEvidence matrix"),
}


def export_standard(document: dict, fmt: str, language: str = "cy") -> bytes:
    """The standard in format `fmt` (a key of EXPORT_FORMATS), in Welsh ("cy") or English ("en")."""
    return _format(fmt).export(document, language)


def export_filename(document: dict, fmt: str, language: str = "cy") -> str:
    """A file name for the export: URN, version, language (except for our JSON, which has them all)."""
    parts = [document.get("urn") or "standard"]
    if document.get("version"):
        parts.append(f"v{document['version']}")
    if fmt != "json":
        parts.append(f"{fmt}-{language}")
    return re.sub(r"[^A-Za-z0-9._-]+", "_", "-".join(parts)) + "." + _format(fmt).extension


def _format(fmt: str) -> ExportFormat:
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format '{fmt}': use one of {', '.join(EXPORT_FORMATS)}")
    return EXPORT_FORMATS[fmt]

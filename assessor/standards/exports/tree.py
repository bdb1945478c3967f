"""The tree every export format shares: the standard, its two sections, groups, items, sub-items."""
import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from ..references import criterion_label

LANGUAGES = ("cy", "en")
SECTIONS = ("performance_criteria", "knowledge")
#: Language-neutral keys of the sections: CASE identifiers are made from them, so they never change.
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
        "performance_criteria_id": "meini-prawf-perfformiad",
        "knowledge_id": "gwybodaeth",
        "group_id": "grwp",
        "performance_criteria_lead": "Rhaid i chi allu:",
        "knowledge_lead": "Mae angen i chi wybod a deall:",
        "scale": "Ddim yn gymwys eto,Cymwys",
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
        "performance_criteria_id": "performance-criteria",
        "knowledge_id": "knowledge",
        "group_id": "group",
        "performance_criteria_lead": "You must be able to:",
        "knowledge_lead": "You need to know and understand:",
        "scale": "Not yet competent,Competent",
    },
}


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
class ExportContext:
    """What a document alone does not say: when this version was stored, where the CASE service answers, its neighbours.

    `newer` is the document of the version that replaces this one, `older` of the one this replaces (CASE `replacedBy`).
    """

    changed_at: datetime | None = None
    base_url: str | None = None
    newer: dict | None = None
    older: dict | None = None


@dataclass(frozen=True)
class Node:
    """One entry of the tree: a section, a group heading, an item or a sub-item.

    `key` is language-neutral (CASE identifiers are made from it); `idnumber` is what Moodle and Mahara show, in the
    export's language; `parent_idnumber` likewise for the parent.
    """

    key: str
    kind: str
    section: str
    code: str | None
    text: str
    language: str
    parent: str | None
    position: int
    idnumber: str = ""
    parent_idnumber: str | None = None

    @property
    def label(self) -> str | None:
        """The unique reference with the printed code beside it (`P1 (1)`), as pages show it; None for headings."""
        return criterion_label(self.key, self.code) if self.code else None


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
    return _with_idnumbers(rendering, nodes)


def _with_idnumbers(rendering: Rendering, nodes: list[Node]) -> list[Node]:
    """Each node with its identifier in the export's language: sections and groups named in it, items by reference."""
    words = rendering.words
    idnumbers: dict[str, str] = {}
    for node in nodes:
        if node.kind == "section":
            idnumbers[node.key] = words[f"{node.section}_id"]
        elif node.kind == "group":
            number = node.key.rsplit("-", 1)[1]
            idnumbers[node.key] = f"{idnumbers[node.parent]}-{words['group_id']}-{number}"
        else:
            idnumbers[node.key] = node.key
    return [replace(node, idnumber=idnumbers[node.key], parent_idnumber=idnumbers.get(node.parent)) for node in nodes]


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
    """The text cut to at most `limit` characters (docs/exports.md, "Names cut to a length").

    Runs of white space become one space. A text longer than `limit` is cut before the last space that leaves more
    than half of `limit` (else at `limit` - 1 characters), loses trailing spaces and , ; : and ends with "…".
    """
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

"""1EdTech CASE 1.1: a CFPackage with the standard, its sections, groups, items and isChildOf links."""
import json
import re
import uuid

from .tree import CASE_NAMESPACE, Node, Rendering, details, render, shorten, tree

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
            "unofficialTranslation": bool(rendering.translation) and rendering.translation.get("unofficial", True),
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

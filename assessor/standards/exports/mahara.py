"""A Mahara SmartEvidence .matrix file, as its framework importer reads it."""
import html
import json

from .tree import SECTION_KEYS, SECTIONS, ExportContext, Node, Rendering, details, display_name, render, shorten, tree

#: Column sizes of Mahara's framework tables (htdocs/module/framework/db/install.xml).
MAHARA_SHORTNAME_LIMIT = 100
MAHARA_NAME_LIMIT = 255
MAHARA_STATUSES = ("begun", "incomplete", "partialcomplete", "completed")


def export_mahara(document: dict, language: str = "cy", context: ExportContext | None = None) -> bytes:
    rendering = render(document, language)
    nodes = tree(rendering)
    standard_ids = {SECTION_KEYS[section]: number for number, section in enumerate(SECTIONS, start=1)}
    framework = {
        "institution": "all",
        "name": shorten(display_name(rendering), MAHARA_NAME_LIMIT),
        "description": _html_paragraphs([rendering.field("overview"), *details(rendering)]),
        "selfassess": False,
        "evidencestatuses": [{status: rendering.words[status]} for status in MAHARA_STATUSES],
        "standards": [
            _mahara_standard(rendering, node, standard_ids[node.key]) for node in nodes if node.kind == "section"
        ],
        "standardelements": [_mahara_element(node, standard_ids) for node in nodes if node.kind != "section"],
    }
    return (json.dumps({"framework": framework}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _mahara_standard(rendering: Rendering, node: Node, standard_id: int) -> dict:
    """A section, described by the standard it belongs to and the line that opens its list."""
    lead = rendering.words[f"{node.section}_lead"]
    return {
        "shortname": shorten(node.text, MAHARA_SHORTNAME_LIMIT),
        "name": shorten(node.text, MAHARA_NAME_LIMIT),
        "description": _html_paragraphs([display_name(rendering), lead]),
        "standardid": standard_id,
    }


def _mahara_element(node: Node, standard_ids: dict[str, int]) -> dict:
    """An item, sub-item or group heading; an item's short name is its reference (`P1 (1)`), unique in the framework."""
    element = {
        "shortname": shorten(node.label or node.text, MAHARA_SHORTNAME_LIMIT),
        "name": shorten(node.text, MAHARA_NAME_LIMIT),
        "description": _html_paragraphs([node.text]),
        "standardid": standard_ids[SECTION_KEYS[node.section]],
        "elementid": node.idnumber,
    }
    if node.parent not in standard_ids:
        element["parentelementid"] = node.parent_idnumber
    return element


def _html_paragraphs(texts: list[str | None]) -> str:
    paragraphs = [part for text in texts if text for part in text.split("\n\n")]
    return "".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)

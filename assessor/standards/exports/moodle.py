"""Moodle's competency framework CSV, as its tool_lpimportcsv reads it."""
import csv
import io
import json

from .tree import ExportContext, Node, Rendering, details, display_name, render, shorten, tree

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
#: The first entry names the scale (the importer replaces the id); then each scale value by position.
MOODLE_SCALE_CONFIGURATION = json.dumps(
    [{"scaleid": "0"}, {"id": 1, "scaledefault": 0, "proficient": 0}, {"id": 2, "scaledefault": 1, "proficient": 1}],
    separators=(",", ":"),
)
#: Moodle keeps 100 characters of a short name or ID number; longer names are cut by `shorten` (docs/exports.md).
MOODLE_TEXT_LIMIT = 100


def export_moodle_csv(document: dict, language: str = "cy", context: ExportContext | None = None) -> bytes:
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
        "Scale values": rendering.words["scale"],
        "Scale configuration": MOODLE_SCALE_CONFIGURATION,
        "Is framework": "1",
        "Taxonomy": ",".join(["competency"] * _depth(nodes)),
    })


def _moodle_competency_row(node: Node) -> list[str]:
    """A competency inheriting the framework's scale, without rules (as Moodle's own exporter writes one).

    An item's short name starts with its reference (`P1 (1) ...`), which is never cut, so no two repeat.
    """
    return _moodle_row({
        "Parent ID number": node.parent_idnumber or "",
        "ID number": node.idnumber,
        "Short name": moodle_short_name(node),
        "Description": node.text,
        "Description format": MOODLE_FORMAT_PLAIN,
        "Rule outcome (optional)": "0",
        "Rule config (optional)": "null",
    })


def moodle_short_name(node: Node) -> str:
    """The reference, a space and the text, cut to 100 characters; a heading's text alone."""
    return shorten(f"{node.label} {node.text}" if node.label else node.text, MOODLE_TEXT_LIMIT)


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

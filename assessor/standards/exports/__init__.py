"""Standards out to other tools: our JSON, 1EdTech CASE 1.1, Moodle's competency CSV, Mahara SmartEvidence.

Every exporter is a pure function from a standard document (the shape in standards/schema.json,
optionally with `translations`) and a language to bytes: the same document always gives the same
bytes. The language chooses the original text or its English rendering (`translations.en`), field by
field, falling back to the original wherever the rendering has nothing.

All formats share one tree: the standard, then a section for the performance criteria and one for
the knowledge, then the group headings (when the list has them), the items, and their sub-items.
An `ExportContext` adds what the document does not hold: when the version was stored (CASE dates it so),
the address of the CASE service (its `uri`s), and the neighbouring versions (`replacedBy`).
"""
import json
import re
from collections.abc import Callable
from typing import NamedTuple

from flask_babel import lazy_gettext as _l

from .case import export_case
from .mahara import export_mahara
from .moodle import export_moodle_csv
from .tree import ExportContext, render


def export_json(document: dict, language: str = "cy", context: ExportContext | None = None) -> bytes:
    """Our own document, unchanged: it carries every language it has, so `language` is only checked."""
    render(document, language)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class ExportFormat(NamedTuple):
    export: Callable[[dict, str, ExportContext | None], bytes]
    media_type: str
    extension: str
    label: object


__all__ = ["EXPORT_FORMATS", "ExportContext", "export_filename", "export_standard"]

EXPORT_FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat(export_json, "application/json", "json", _l("Assessor JSON")),
    "case": ExportFormat(export_case, "application/json", "json", _l("1EdTech CASE 1.1 package (JSON)")),
    "moodle-csv": ExportFormat(export_moodle_csv, "text/csv; charset=utf-8", "csv", _l("Moodle competency framework (CSV)")),
    "mahara": ExportFormat(export_mahara, "application/json", "matrix", _l("Mahara SmartEvidence matrix")),
}


def export_standard(document: dict, fmt: str, language: str = "cy", context: ExportContext | None = None) -> bytes:
    """The standard in format `fmt` (a key of EXPORT_FORMATS), in Welsh ("cy") or English ("en")."""
    return _format(fmt).export(document, language, context)


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

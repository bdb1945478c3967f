"""What the authoring pages show of the check: its problems, each linked to the field of the editor that fixes it
(or to the YAML for the scenario as a whole), the coverage and the map of the scenario."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import url_for
from sqlalchemy.orm import Session

from ..core.acts import Locked
from .citable import citable_outlines
from .coverage import scenario_coverage
from .draft_editing import document_of
from .field_anchors import place_of
from .models import ScenarioDraft
from .problems import ProblemRecord, check_source, problem_nodes
from .scenario_map import map_view
from .standards_data import known_refs

ENDPOINTS = {"node": "scenario_authoring.node", "persona": "scenario_authoring.persona",
             "variables": "scenario_authoring.variables"}


def draft_check(session: Session, draft: ScenarioDraft, language: str) -> dict[str, Any]:
    """The draft page's check against the standards its provider may cite: `records`, `errors`, `warnings`,
    `coverage` and `scenario_map` (None until the scenario passes the schema)."""
    outlines = citable_outlines(session, draft.provider_id)
    checked = check_source(draft.source, known_refs(outlines))
    scenario, records = checked.scenario, checked.problems
    return {"records": records, "errors": [record for record in records if record.severity == "error"],
            "warnings": [record for record in records if record.severity != "error"],
            "coverage": scenario_coverage(scenario, outlines) if scenario else None,
            "scenario_map": map_view(scenario, lambda node_id: node_url(draft, node_id), problem_nodes(records),
                                     language) if scenario else None}


def node_url(draft: ScenarioDraft, node_id: str, anchor: str | None = None) -> str:
    return url_for(ENDPOINTS["node"], draft_id=draft.id, node_id=node_id, _anchor=anchor or None)


def problem_url(draft: ScenarioDraft, document: Any = None) -> Callable[[ProblemRecord], str]:
    """record → the link to the field that fixes it: on a node, persona or variables page, else the YAML."""
    if document is None:
        document = readable(draft)

    def url(record: ProblemRecord) -> str:
        page, anchor = place_of(record.path, document) if document is not None else ((), "")
        if page and page[0] == "node" and page[1] not in document["nodes"]:
            page = ()
        if not page:
            return url_for("scenario_authoring.draft", draft_id=draft.id, _anchor="source")
        arguments = {"node_id": page[1]} if page[0] == "node" else {}
        return url_for(ENDPOINTS[page[0]], draft_id=draft.id, _anchor=anchor or None, **arguments)

    return url


def problems_within(records: list[ProblemRecord], scope: tuple) -> list[ProblemRecord]:
    """The problems whose place starts with `scope`, such as ("nodes", "greeting") or ("persona",)."""
    return [record for record in records if tuple(record.path[:len(scope)]) == scope]


def readable(draft: ScenarioDraft) -> dict | None:
    """The draft's document, or None while the forms cannot show it."""
    try:
        return document_of(draft)
    except Locked:
        return None

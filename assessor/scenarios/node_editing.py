"""A node of a scenario document into its editing form and back: `node_form_from` and `apply_node_form`.

Filling a form from a node and applying it unchanged gives back an equal node, so the canonical YAML of an
untouched scenario does not change. Checks that need the document (node ids, variables, declared criteria)
run with the form's own checks, so the page lists every problem at once.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from .authoring_forms import NodeForm
from .editing import Document
from .field_values import (
    condition_value,
    effect_text,
    effect_value,
    refs_text,
    refs_value,
)
from .format import node_kind
from .node_checks import blank_dimension, check_node


def node_form_from(document: Mapping[str, Any], node_id: str, formdata: Any = None) -> NodeForm:
    """The node's form: filled from the document, or from `formdata` (a posted form) when given. Each list has one
    empty row more (an effect, a branch, a rubric dimension) so that one can be added without script."""
    node = document["nodes"][node_id]
    kind = node_kind(node) if any(key in node for key in ("choices", "free_text", "ending")) else "ending"
    data = {"client": node.get("client") or {}, "kind": kind,
            "choices": [_choice_data(choice) for choice in node.get("choices") or []],
            "free_text": _free_text_data(node.get("free_text") or {}), "ending": _ending_data(node.get("ending") or {})}
    form = NodeForm(formdata=formdata, data=data)
    targets = [SelectChoice("", _l("Choose a node"))] + [SelectChoice(key, key) for key in document["nodes"]]
    for next_form in _next_forms(form):
        next_form.otherwise.choices = targets
        for branch in next_form.branches:
            branch.form.goto.choices = targets
    form.document_check = lambda checked: check_node(checked, document)
    return form


def apply_node_form(document: Mapping[str, Any], node_id: str, form: NodeForm) -> Document:
    """A new document whose node `node_id` is what the form says (keys the form does not edit are kept)."""
    result = copy.deepcopy(dict(document))
    node: dict[str, Any] = {}
    if (client := form.client.form.value) is not None:
        node["client"] = client
    kind = form.kind.data
    if kind == "choices":
        node["choices"] = [_choice_value(entry.form) for entry in form.choices]
    elif kind == "free_text":
        node["free_text"] = _free_text_value(form.free_text.form)
    else:
        node["ending"] = _ending_value(form.ending.form)
    result["nodes"] = {**result["nodes"], node_id: node}
    return result


def _choice_data(choice: Mapping[str, Any]) -> dict[str, Any]:
    return {"text": choice.get("text") or {}, "condition": _text(choice.get("if")),
            "effects": [{"variable": name, "change": effect_text(raw)} for name, raw in (choice.get("effects") or {}).items()]
            + [{}],
            "shows": refs_text(choice.get("shows")), "fails_to_show": refs_text(choice.get("fails_to_show")),
            "feedback": choice.get("feedback") or {}, "next": _next_data(choice.get("next"))}


def _choice_value(form) -> dict[str, Any]:
    choice: dict[str, Any] = {"text": form.text.form.value or {"cy": "", "en": ""}}
    if (condition := condition_value(form.condition.data)) is not None:
        choice["if"] = condition
    effects = {row.form.variable.data.strip(): effect_value(row.form.change.data)
               for row in form.effects if (row.form.variable.data or "").strip()}
    if effects:
        choice["effects"] = effects
    for key in ("shows", "fails_to_show"):
        if refs := refs_value(form[key].data):
            choice[key] = refs
    if (feedback := form.feedback.form.value) is not None:
        choice["feedback"] = feedback
    choice["next"] = _next_value(form.next.form)
    return choice


def _free_text_data(spec: Mapping[str, Any]) -> dict[str, Any]:
    rubric = spec.get("rubric") or {}
    return {"prompt": spec.get("prompt") or {}, "guidance": spec.get("guidance") or {},
            "min_words": _text(spec.get("min_words")), "evidences": refs_text(spec.get("evidences")),
            "dimensions": [dict(dimension) for dimension in rubric.get("dimensions") or []] + [{}],
            "exemplar": rubric.get("exemplar") or {}, "next": _next_data(spec.get("next"))}


def _free_text_value(form) -> dict[str, Any]:
    spec: dict[str, Any] = {"prompt": form.prompt.form.value or {"cy": "", "en": ""}}
    if (guidance := form.guidance.form.value) is not None:
        spec["guidance"] = guidance
    if (min_words := (form.min_words.data or "").strip()).isdecimal():
        spec["min_words"] = int(min_words)
    spec["evidences"] = refs_value(form.evidences.data)
    rubric: dict[str, Any] = {"dimensions": [_dimension_value(row.form) for row in form.dimensions
                                             if not blank_dimension(row.form)]}
    if (exemplar := form.exemplar.form.value) is not None:
        rubric["exemplar"] = exemplar
    spec["rubric"], spec["next"] = rubric, _next_value(form.next.form)
    return spec


def _dimension_value(form) -> dict[str, Any]:
    return {"id": (form.id.data or "").strip(), "label": form.label.form.value or {"cy": "", "en": ""},
            "guidance": form.guidance.form.value or {"cy": "", "en": ""}}


def _ending_data(spec: Mapping[str, Any]) -> dict[str, Any]:
    return {"outcome": spec.get("outcome") or "", "label": spec.get("label") or {}, "debrief": spec.get("debrief") or {}}


def _ending_value(form) -> dict[str, Any]:
    ending: dict[str, Any] = {"outcome": form.outcome.data or ""}
    if (label := form.label.form.value) is not None:
        ending["label"] = label
    ending["debrief"] = form.debrief.form.value or {"cy": "", "en": ""}
    return ending


def _next_data(spec: Any) -> dict[str, Any]:
    if not isinstance(spec, list):
        return {"branches": [{}], "otherwise": spec or ""}
    branches = [{"condition": _text(branch.get("if")), "goto": branch.get("goto") or ""}
                for branch in spec if isinstance(branch, Mapping) and "else" not in branch]
    otherwise = next((branch["else"] for branch in spec if isinstance(branch, Mapping) and "else" in branch), "")
    return {"branches": branches + [{}], "otherwise": otherwise}


def _next_value(form) -> str | list[dict[str, Any]]:
    branches = [{"if": condition_value(row.form.condition.data), "goto": row.form.goto.data or ""}
                for row in form.branches if (row.form.condition.data or "").strip() or row.form.goto.data]
    if not branches:
        return form.otherwise.data or ""
    return branches + ([{"else": form.otherwise.data}] if form.otherwise.data else [])


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _next_forms(form: NodeForm) -> list:
    return [entry.form.next.form for entry in form.choices] + [form.free_text.form.next.form]

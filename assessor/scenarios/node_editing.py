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

from .authoring_forms import OUTCOMES, NodeForm, leaves
from .editing import Document
from .field_values import (
    check_condition,
    check_effect,
    check_refs,
    condition_value,
    effect_text,
    effect_value,
    refs_text,
    refs_value,
    set_errors,
)
from .format import declared_criteria, node_kind


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
    form.document_check = lambda checked: _check(checked, document)
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
    if (form.min_words.data or "").strip():
        spec["min_words"] = int(form.min_words.data)
    spec["evidences"] = refs_value(form.evidences.data)
    rubric: dict[str, Any] = {"dimensions": [_dimension_value(row.form) for row in form.dimensions
                                             if not _blank_dimension(row.form)]}
    if (exemplar := form.exemplar.form.value) is not None:
        rubric["exemplar"] = exemplar
    spec["rubric"], spec["next"] = rubric, _next_value(form.next.form)
    return spec


def _dimension_value(form) -> dict[str, Any]:
    return {"id": (form.id.data or "").strip(), "label": form.label.form.value or {"cy": "", "en": ""},
            "guidance": form.guidance.form.value or {"cy": "", "en": ""}}


def _blank_dimension(form) -> bool:
    return not (form.id.data or "").strip() and form.label.form.value is None and form.guidance.form.value is None


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


def _check(form: NodeForm, document: Mapping[str, Any]) -> None:
    """Add the problems that need the document, for the kind of node chosen only."""
    kind = form.kind.data
    sections = {"choices": form.choices, "free_text": form.free_text, "ending": form.ending}
    for name, section in sections.items():
        if name != kind:
            _clear(section)
    form.client.form.pair_errors(required=False)
    if kind not in sections:
        set_errors(form.kind, _l("Choose what happens after the client speaks."))
    elif kind == "choices":
        _check_choices(form, document)
    elif kind == "free_text":
        _check_free_text(form.free_text.form, document)
    else:
        _check_ending(form.ending.form)


def _clear(section) -> None:
    for field in leaves(section.form) if hasattr(section, "form") else [
            leaf for entry in section for leaf in leaves(entry.form)]:
        field.errors = []


def _check_choices(form: NodeForm, document: Mapping[str, Any]) -> None:
    if not form.choices.entries:
        set_errors(form.kind, _l("Add at least one choice, or make this node a written reply or an ending."))
    variables, criteria = document.get("state") or {}, declared_criteria(document)
    for entry in form.choices:
        choice = entry.form
        choice.text.form.pair_errors(required=True)
        choice.feedback.form.pair_errors(required=False)
        check_condition(choice.condition, variables)
        for row in choice.effects:
            check_effect(row.form.variable, row.form.change, variables)
        check_refs(choice.shows, criteria)
        check_refs(choice.fails_to_show, criteria)
        _check_next(choice.next.form, document, variables)


def _check_free_text(form, document: Mapping[str, Any]) -> None:
    form.prompt.form.pair_errors(required=True)
    for pair in (form.guidance, form.exemplar):
        pair.form.pair_errors(required=False)
    if (form.min_words.data or "").strip().isdigit() and int(form.min_words.data) > 2000:
        set_errors(form.min_words, _l("Give the fewest words as a whole number from 0 to 2000."))
    if not refs_value(form.evidences.data):
        set_errors(form.evidences, _l("Name at least one criterion the reply can evidence."))
    check_refs(form.evidences, declared_criteria(document))
    rows = [row.form for row in form.dimensions if not _blank_dimension(row.form)]
    if not rows:
        set_errors(form.evidences, _l("Give the rubric at least one dimension for the assessor to judge."))
    for row in rows:
        if not (row.id.data or "").strip():
            set_errors(row.id, _l("Give the dimension an id, such as empathy."))
        row.label.form.pair_errors(required=True)
        row.guidance.form.pair_errors(required=True)
    _check_next(form.next.form, document, document.get("state") or {})


def _check_ending(form) -> None:
    if form.outcome.data not in OUTCOMES:
        set_errors(form.outcome, _l("Choose how the conversation ended."))
    form.label.form.pair_errors(required=False)
    form.debrief.form.pair_errors(required=True)


def _check_next(form, document: Mapping[str, Any], variables: Mapping[str, Any]) -> None:
    nodes = document.get("nodes") or {}
    for row in form.branches:
        branch = row.form
        if not ((branch.condition.data or "").strip() or branch.goto.data):
            continue
        if not (branch.condition.data or "").strip():
            set_errors(branch.condition, _l("Give the condition for this branch."))
        check_condition(branch.condition, variables)
        if branch.goto.data not in nodes:
            set_errors(branch.goto, _l("Choose the node this branch goes to."))
    if form.otherwise.data not in nodes:
        set_errors(form.otherwise, _l("Choose the node to go to next."))

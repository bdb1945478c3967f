"""The checks of a node's form that need the scenario document: node ids, variables and declared criteria.

Only the kind of node chosen is checked (the other sections' problems are cleared), and every problem is put
beside its field, so the page lists them all at once.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from ..core.acts import add_error
from .authoring_forms import OUTCOMES, NodeForm, leaves
from .field_values import check_condition, check_effect, check_refs, refs_value
from .format import declared_criteria


def blank_dimension(form) -> bool:
    """A rubric row left empty (the spare row for adding one): neither checked nor written."""
    return not (form.id.data or "").strip() and form.label.form.value is None and form.guidance.form.value is None


def check_node(form: NodeForm, document: Mapping[str, Any]) -> None:
    """Add the problems that need the document, for the kind of node chosen only."""
    kind = form.kind.data
    sections = {"choices": form.choices, "free_text": form.free_text, "ending": form.ending}
    for name, section in sections.items():
        if name != kind:
            _clear(section)
    form.client.form.pair_errors(required=False)
    if kind not in sections:
        add_error(form.kind, _l("Choose what happens after the client speaks."))
    elif kind == "choices":
        _check_choices(form, document)
    elif kind == "free_text":
        _check_free_text(form.free_text.form, document)
    else:
        _check_ending(form.ending.form)


def _clear(section) -> None:
    for field in leaves([section]):
        field.errors = []


def _check_choices(form: NodeForm, document: Mapping[str, Any]) -> None:
    if not form.choices.entries:
        add_error(form.kind, _l("Add at least one choice, or make this node a written reply or an ending."))
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
        add_error(form.min_words, _l("Give the fewest words as a whole number from 0 to 2000."))
    if not refs_value(form.evidences.data):
        add_error(form.evidences, _l("Name at least one criterion the reply can evidence."))
    check_refs(form.evidences, declared_criteria(document))
    rows = [row.form for row in form.dimensions if not blank_dimension(row.form)]
    if not rows:
        add_error(form.evidences, _l("Give the rubric at least one dimension for the assessor to judge."))
    for row in rows:
        if not (row.id.data or "").strip():
            add_error(row.id, _l("Give the dimension an id, such as empathy."))
        row.label.form.pair_errors(required=True)
        row.guidance.form.pair_errors(required=True)
    _check_next(form.next.form, document, document.get("state") or {})


def _check_ending(form) -> None:
    if form.outcome.data not in OUTCOMES:
        add_error(form.outcome, _l("Choose how the conversation ended."))
    form.label.form.pair_errors(required=False)
    form.debrief.form.pair_errors(required=True)


def _check_next(form, document: Mapping[str, Any], variables: Mapping[str, Any]) -> None:
    nodes = document.get("nodes") or {}
    for row in form.branches:
        branch = row.form
        if not ((branch.condition.data or "").strip() or branch.goto.data):
            continue
        if not (branch.condition.data or "").strip():
            add_error(branch.condition, _l("Give the condition for this branch."))
        check_condition(branch.condition, variables)
        if branch.goto.data not in nodes:
            add_error(branch.goto, _l("Choose the node this branch goes to."))
    if form.otherwise.data not in nodes:
        add_error(form.otherwise, _l("Choose the node to go to next."))

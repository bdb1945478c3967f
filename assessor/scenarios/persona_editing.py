"""The persona and the state variables of a scenario document into their editing forms and back."""
from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from ..core.acts import add_error
from .authoring_forms import PersonaForm, VariablesForm
from .editing import Document
from .field_values import effect_text, number_value

RESERVED = {"and", "or", "not", "true", "false"}


def persona_form_from(document: Mapping[str, Any], formdata: Any = None) -> PersonaForm:
    """The persona's form: filled from the document, or from `formdata` (a posted form) when given."""
    persona = document.get("persona") or {}
    data = {"name": persona.get("name") or "", "role": persona.get("role") or {},
            "organisation": persona.get("organisation") or "", "cares_about": persona.get("cares_about") or {}}
    form = PersonaForm(formdata=formdata, data=data)
    form.document_check = _check_persona
    return form


def apply_persona_form(document: Mapping[str, Any], form: PersonaForm) -> Document:
    result = copy.deepcopy(dict(document))
    result["persona"] = {"name": form.name.data or "", "role": form.role.form.value or {"cy": "", "en": ""},
                         "organisation": form.organisation.data or "",
                         "cares_about": form.cares_about.form.value or {"cy": "", "en": ""}}
    return result


def variables_form_from(document: Mapping[str, Any], formdata: Any = None) -> VariablesForm:
    """The state variables' form, one row per variable (plus one empty row to add a variable)."""
    rows = [_variable_data(name, spec) for name, spec in (document.get("state") or {}).items()]
    form = VariablesForm(formdata=formdata, data={"variables": rows + [{}]})
    form.document_check = _check_variables
    return form


def apply_variables_form(document: Mapping[str, Any], form: VariablesForm) -> Document:
    """A new document whose `state` is the form's filled rows (no `state` key when there are none)."""
    result = copy.deepcopy(dict(document))
    state = {row.form.name.data.strip(): _variable_value(row.form) for row in form.variables
             if (row.form.name.data or "").strip()}
    if state:
        result["state"] = state
    else:
        result.pop("state", None)
    return result


def _variable_data(name: str, spec: Mapping[str, Any]) -> dict[str, Any]:
    def text(value: Any) -> str:
        return "" if value is None else effect_text(value).lstrip("+")

    return {"name": name, "initial": text(spec.get("initial")), "minimum": text(spec.get("min")),
            "maximum": text(spec.get("max")), "visible": bool(spec.get("visible")), "label": spec.get("label") or {}}


def _variable_value(form) -> dict[str, Any]:
    initial = (form.initial.data or "").strip()
    spec: dict[str, Any] = {"initial": initial == "true" if initial in ("true", "false") else number_value(initial)}
    for key, field in (("min", form.minimum), ("max", form.maximum)):
        if (value := number_value(field.data)) is not None:
            spec[key] = value
    if form.visible.data:
        spec["visible"] = True
    if (label := form.label.form.value) is not None:
        spec["label"] = label
    return spec


def _check_persona(form: PersonaForm) -> None:
    for field, message in ((form.name, _l("Give the client's name.")),
                           (form.organisation, _l("Say who the client works for."))):
        if not (field.data or "").strip():
            add_error(field, message)
    form.role.form.pair_errors(required=True)
    form.cares_about.form.pair_errors(required=True)


def _check_variables(form: VariablesForm) -> None:
    seen: set[str] = set()
    for row in form.variables:
        variable, name = row.form, (row.form.name.data or "").strip()
        if not name:
            continue
        if name in RESERVED or name in seen:
            add_error(variable.name, _l("Choose another name: %(name)s is taken.", name=name))
        seen.add(name)
        _check_values(variable)
        variable.label.form.pair_errors(required=bool(variable.visible.data))


def _check_values(variable) -> None:
    initial = (variable.initial.data or "").strip()
    if initial not in ("true", "false") and number_value(initial) is None:
        add_error(variable.initial, _l("Give a number, or true or false."))
    for field in (variable.minimum, variable.maximum):
        if (field.data or "").strip() and number_value(field.data) is None:
            add_error(field, _l("Give a number, or leave it empty."))
    low, high, start = number_value(variable.minimum.data), number_value(variable.maximum.data), number_value(initial)
    if low is not None and high is not None and low > high:
        add_error(variable.maximum, _l("The highest value must not be below the lowest."))
    if start is not None and ((low is not None and start < low) or (high is not None and start > high)):
        add_error(variable.initial, _l("The starting value must lie between the lowest and the highest."))

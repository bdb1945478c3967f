"""The preferences form: one set of radios per kind open to the person; the rules live in the services."""
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice

from .kinds import DELIVERY_LABELS, Kind


class PreferencesForm(FlaskForm):
    """Fields are added per person (preferences_form)."""


def preferences_form(kinds: list[Kind], chosen: dict[str, str], posted: bool) -> PreferencesForm:
    form_class = type("PersonPreferencesForm", (PreferencesForm,), {
        kind.name: RadioField(kind.label, choices=[SelectChoice(value, DELIVERY_LABELS[value]) for value in kind.choices], validate_choice=False)
        for kind in kinds
    })
    return form_class() if posted else form_class(data={kind.name: chosen[kind.name] for kind in kinds})

"""The preview's own forms: the language to play in, and the jump to a node with the variables' values."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from .engine import AttemptState
from .expressions import Value
from .format import Scenario
from .forms import StepForm

LANGUAGE_CHOICES = [SelectChoice("cy", _l("Welsh")), SelectChoice("en", _l("English"))]


class LanguageForm(FlaskForm):
    language = RadioField(_l("Play it in"), choices=LANGUAGE_CHOICES,
                          validators=[InputRequired(_l("Choose Welsh or English."))])


class JumpForm(StepForm):
    target = SelectField(_l("Node"), validators=[InputRequired(_l("Choose a node to jump to."))])

    def values(self) -> dict[str, str]:
        """The variables' values as typed, by variable name."""
        return {field.short_name[4:]: field.data for field in self.variable_fields()}

    def variable_fields(self) -> list:
        return [field for name, field in self._fields.items() if name.startswith("var_")]


def jump_form(scenario: Scenario, state: AttemptState, posted: bool = False) -> JumpForm:
    """The jump control: every node, and a field for each variable holding its value now (the form posted, if so)."""
    fields = {f"var_{name}": _variable_field(name, variable.kind) for name, variable in scenario.variables.items()}
    form_class = type("ScenarioJumpForm", (JumpForm,), fields)
    data = {f"var_{name}": _shown(value) for name, value in state.variables.items()}
    form = form_class(**({} if posted else {"formdata": None}), prefix="jump", target=state.node_id, **data)
    form.target.choices = [SelectChoice(node_id, node_id) for node_id in scenario.nodes]
    return form


def _variable_field(name: str, kind: str):
    if kind == "boolean":
        return SelectField(name, choices=[SelectChoice("true", _l("yes")), SelectChoice("false", _l("no"))])
    return StringField(name)


def _shown(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)

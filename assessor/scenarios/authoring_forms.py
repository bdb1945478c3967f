"""The structured editor's forms: persona, state variables and one node, each text as a Welsh and English pair.

Only shapes and wording live here; `node_editing.py` fills them from a document, checks what needs the document
(node ids, variables, declared criteria) and writes them back. Every check runs, so every problem shows at once.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, FieldList, Form, FormField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, Regexp

from ..core.acts import add_error
from .format import NODE_KINDS
from .transcript import OUTCOME_LABELS

OUTCOMES = OUTCOME_LABELS
KIND_LABELS = dict(zip(NODE_KINDS, (_l("Choices"), _l("A written reply"), _l("An ending")), strict=True))


class PairForm(Form):
    """One text in Welsh and English. `required` pairs need both; optional pairs need both or neither."""

    cy = TextAreaField(_l("Welsh"), render_kw={"lang": "cy"})
    en = TextAreaField(_l("English"), render_kw={"lang": "en"})

    def pair_errors(self, required: bool) -> None:
        cy, en = (self.cy.data or "").strip(), (self.en.data or "").strip()
        if not (cy or en) and not required:
            return
        for field, text in ((self.cy, cy), (self.en, en)):
            if not text:
                add_error(field, _l("Write this in Welsh.") if field is self.cy else _l("Write this in English."))

    @property
    def value(self) -> dict[str, str] | None:
        if not ((self.cy.data or "").strip() or (self.en.data or "").strip()):
            return None
        return {"cy": self.cy.data or "", "en": self.en.data or ""}


class EffectForm(Form):
    variable = StringField(_l("Variable"))
    change = StringField(_l("Change"), description=_l("+1 or -2 adds, = 5 sets, true or false for yes/no"))


class BranchForm(Form):
    condition = StringField(_l("If"), description=_l("For example: trust >= 7 and cost_agreed"))
    goto = SelectField(_l("Go to"), validate_choice=False)


class NextForm(Form):
    """Where next: branches tried in order, then the node to go to when none applies (or always)."""

    branches = FieldList(FormField(BranchForm), _l("Branch"), min_entries=0)
    otherwise = SelectField(_l("Otherwise go to"), validate_choice=False)


class ChoiceForm(Form):
    text = FormField(PairForm, _l("What the learner says"))
    condition = StringField(_l("Offer only if"), description=_l("Leave empty to offer it always"))
    effects = FieldList(FormField(EffectForm), _l("Effect"), min_entries=0)
    shows = StringField(_l("Criteria shown"), description=_l("Refs separated by commas, such as P2, K7"))
    fails_to_show = StringField(_l("Criteria not yet met"), description=_l("Refs separated by commas"))
    feedback = FormField(PairForm, _l("Feedback in the debrief"))
    next = FormField(NextForm, _l("Where next"))


class DimensionForm(Form):
    id = StringField(_l("Dimension id"), validators=[Optional(), Regexp(
        r"^[a-z][a-z0-9_-]*$", message=_l("Use lower-case letters, digits, - and _, starting with a letter."))])
    label = FormField(PairForm, _l("Name"))
    guidance = FormField(PairForm, _l("What a reply that meets it does"))


class FreeTextForm(Form):
    prompt = FormField(PairForm, _l("What the learner is asked to write"))
    guidance = FormField(PairForm, _l("Hints for the learner"))
    min_words = StringField(_l("Fewest words"), validators=[Optional(), Regexp(
        r"^\d{1,4}$", message=_l("Give the fewest words as a whole number from 0 to 2000."))])
    evidences = StringField(_l("Criteria the reply can evidence"), description=_l("Refs separated by commas"))
    dimensions = FieldList(FormField(DimensionForm), _l("Rubric dimension"), min_entries=0)
    exemplar = FormField(PairForm, _l("Model answer"))
    next = FormField(NextForm, _l("Where next"))


class EndingForm(Form):
    outcome = SelectField(_l("Outcome"), choices=[SelectChoice("", _l("Choose an outcome"))]
                          + [SelectChoice(value, label) for value, label in OUTCOMES.items()], validate_choice=False)
    label = FormField(PairForm, _l("Heading"))
    debrief = FormField(PairForm, _l("Debrief"))


def located(form, place: tuple = ()) -> list[tuple[Any, tuple]]:
    """Every input field of a form, through its sub-forms and lists, in page order, each with its place: the
    labels leading to it ("Choice 2", "What the learner says", "Welsh")."""
    found: list[tuple[Any, tuple]] = []
    for field in form:
        if isinstance(field, FormField):
            found += located(field.form, place + (field.label.text,))
        elif isinstance(field, FieldList):
            for number, entry in enumerate(field.entries, start=1):
                where = place + (f"{field.label.text} {number}",)
                found += located(entry.form, where) if isinstance(entry, FormField) else [(entry, where)]
        else:
            found.append((field, place + (field.label.text,)))
    return found


def leaves(form) -> list:
    """Every input field of a form, through its sub-forms and lists, in page order."""
    return [field for field, _place in located(form)]


class DocumentForm(FlaskForm):
    """A form checked against the scenario document too: `document_check(form)` adds its problems beside the
    fields after the form's own checks, and the form is valid only when no field has a problem."""

    document_check: Callable[[DocumentForm], None] | None = None

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        if self.document_check is not None:
            self.document_check(self)
        return not any(field.errors for field in leaves(self))

    def problems(self) -> list[tuple[str, str]]:
        """(field id, message) for every problem."""
        return [(field.id, str(message)) for field in leaves(self) for message in field.errors]

    def summary(self) -> list[tuple[str, str, str]]:
        """(field id, place, message) for every problem, for the error summary: the place says which of the
        many "Welsh" boxes is meant ("Choice 2 › What the learner says › Welsh"); hidden fields have none."""
        return [(field.id, "" if field.type == "CSRFTokenField" else " › ".join(str(label) for label in place),
                 str(message)) for field, place in located(self) for message in field.errors]


class NodeForm(DocumentForm):
    client = FormField(PairForm, _l("What the client says"))
    kind = RadioField(_l("Then"), choices=[SelectChoice(value, label) for value, label in KIND_LABELS.items()],
                      validate_choice=False)
    choices = FieldList(FormField(ChoiceForm), _l("Choice"), min_entries=0)
    free_text = FormField(FreeTextForm, _l("The learner's written reply"))
    ending = FormField(EndingForm, _l("The ending"))


class PersonaForm(DocumentForm):
    name = StringField(_l("Name"))
    role = FormField(PairForm, _l("Job"))
    organisation = StringField(_l("Organisation"))
    cares_about = FormField(PairForm, _l("What matters most to them"))


class VariableForm(Form):
    name = StringField(_l("Name"), validators=[Optional(), Regexp(
        r"^[a-z][a-z0-9_]*$", message=_l("Use lower-case letters, digits and _, starting with a letter."))])
    initial = StringField(_l("Starting value"), description=_l("A number, or true or false"))
    minimum = StringField(_l("Lowest"))
    maximum = StringField(_l("Highest"))
    visible = BooleanField(_l("Show it to the learner while they play"))
    label = FormField(PairForm, _l("The name the learner sees"))


class VariablesForm(DocumentForm):
    variables = FieldList(FormField(VariableForm), _l("Variable"), min_entries=0)

"""The forms of the quality-assurance pages; the rules they enforce live in the services."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from ..accounts.models import User
from ..cohorts.forms import MultiCheckboxField
from .models import AGREED, REFERRED

TEXT_MAX = 5000


class WholeNumberField(IntegerField):
    """A whole number; anything else leaves no value, and the service says what it needs (the typed text stays)."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None


def _coerce_id(value) -> int:
    return int(value)


class PlanForm(FlaskForm):
    share_percent = WholeNumberField(_l("Share of each assessor's decisions to sample, in per cent"))
    new_assessor_percent = WholeNumberField(_l("Share of a new assessor's decisions to sample, in per cent"))
    new_assessors = MultiCheckboxField(_l("New assessors"), coerce=_coerce_id, validate_choice=False)
    version = HiddenField()

    def offer(self, assessors: list[User]) -> "PlanForm":
        self.new_assessors.choices = [SelectChoice(str(person.id), f"{person.name} ({person.email})") for person in assessors]
        return self


class DecisionForm(FlaskForm):
    outcome = RadioField(
        _l("Do you agree with the assessor's decision?"),
        choices=[SelectChoice(AGREED, _l("Agree with the assessor's decision")), SelectChoice(REFERRED, _l("Refer it back to the assessor"))],
        validate_choice=False,
    )
    comment = TextAreaField(_l("Comment (optional)"), validators=[Length(max=TEXT_MAX)])
    action = TextAreaField(_l("Action for the assessor"), validators=[Length(max=TEXT_MAX)])
    version = HiddenField()


class ResponseForm(FlaskForm):
    response = TextAreaField(_l("What you have done about the action"), validators=[Length(max=TEXT_MAX)])
    version = HiddenField()


class TimesRequiredForm(FlaskForm):
    times_required = WholeNumberField(_l("Pieces of evidence judged met that each criterion needs"))
    expected = HiddenField()

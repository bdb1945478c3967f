"""The player's forms: a choice, a written reply, and the reflection; the rules live in the services."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, TextAreaField
from wtforms.validators import InputRequired


class StepForm(FlaskForm):
    """Where the page was in the conversation when it was loaded: a reply for another point is stale."""

    position = HiddenField()
    node = HiddenField()

    def at(self, position: int, node_id: str) -> "StepForm":
        self.position.data, self.node.data = str(position), node_id
        return self

    @property
    def posted_position(self) -> int:
        return int(self.position.data) if str(self.position.data or "").isdigit() else -1


class ChoiceForm(StepForm):
    choice = RadioField(_l("Your reply"), coerce=int, validate_choice=False,
                        validators=[InputRequired(_l("Choose what to say."))])


class AnswerForm(StepForm):
    answer = TextAreaField(_l("Your reply"), validators=[InputRequired(_l("Write your reply."))])


class ReflectionForm(FlaskForm):
    reflection = TextAreaField(_l("Your reflection"))


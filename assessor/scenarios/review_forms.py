"""The forms of reviewing and sharing: the provider's review setting, a decision with a note, a plain button."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, TextAreaField


class ReviewSettingForm(FlaskForm):
    required = BooleanField(_l("Scenario versions need a review before learners see them"))


class SendBackForm(FlaskForm):
    note = TextAreaField(_l("What should the authors change?"))


class DeclineForm(FlaskForm):
    note = TextAreaField(_l("Why is the scenario not shared?"))


class ButtonForm(FlaskForm):
    """A button that acts: approve, accept, offer, withdraw (the CSRF token is all it carries)."""

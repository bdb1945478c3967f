"""The forms of the sign-off pages; the rules they check live in assessment/signoff.py."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length
from wtforms.widgets import HiddenInput

from .signoff import AGREE_REQUIRED, ASSESSOR_DECLARATION, NAME_REQUIRED, REASON_REQUIRED

NAME_MAX = 200


def signature_field() -> StringField:
    return StringField(
        _l("Type your full name as your signature"), validators=[DataRequired(NAME_REQUIRED), Length(max=NAME_MAX)]
    )


def version_field() -> IntegerField:
    """The version the page was loaded with: a change by someone else in between is a conflict."""
    return IntegerField(widget=HiddenInput(), validators=[InputRequired()])


class SignOffForm(FlaskForm):
    agreed = BooleanField(ASSESSOR_DECLARATION, validators=[DataRequired(AGREE_REQUIRED)])
    signature_name = signature_field()


class CountersignForm(FlaskForm):
    version = version_field()
    signature_name = signature_field()


class WithdrawSignOffForm(FlaskForm):
    version = version_field()
    reason = TextAreaField(_l("Reason for withdrawing"), validators=[DataRequired(REASON_REQUIRED), Length(max=2000)])

"""The forms of the providers pages."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, StringField
from wtforms.validators import DataRequired, Email, Length

NAME_REQUIRED = _l("Enter the provider's name.")


class ProviderForm(FlaskForm):
    name = StringField(_l("Provider name"), validators=[DataRequired(NAME_REQUIRED), Length(max=200)])
    admin_name = StringField(
        _l("Administrator's full name"), validators=[DataRequired(_l("Enter the administrator's full name.")), Length(max=200)]
    )
    admin_email = EmailField(
        _l("Administrator's email address"),
        validators=[
            DataRequired(_l("Enter the administrator's email address.")),
            Email(_l("Enter an email address like name@example.com.")),
            Length(max=254),
        ],
    )


class RenameForm(FlaskForm):
    name = StringField(_l("Provider name"), validators=[DataRequired(NAME_REQUIRED), Length(max=200)])
    #: the name as the page showed it, to notice a rename made meanwhile
    expected_name = HiddenField()


class ConfirmForm(FlaskForm):
    """A button only: the CSRF token is the whole form."""

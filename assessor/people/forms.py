"""The forms of the people pages."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length
from wtforms.widgets import CheckboxInput, ListWidget

from ..accounts.labels import ROLE_LABELS


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _roles_field() -> CheckboxesField:
    return CheckboxesField(
        _l("Roles"),
        choices=[SelectChoice(value, label) for value, label in ROLE_LABELS.items()],
        validators=[DataRequired(_l("Choose at least one role."))],
    )


class InviteForm(FlaskForm):
    name = StringField(_l("Full name"), validators=[DataRequired(_l("Enter the person's name.")), Length(max=200)])
    email = EmailField(
        _l("Email address"),
        validators=[DataRequired(_l("Enter their email address.")), Email(_l("Enter an email address like name@example.com.")), Length(max=254)],
    )
    roles = _roles_field()


class RolesForm(FlaskForm):
    roles = _roles_field()


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""

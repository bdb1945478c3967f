"""The forms of the witness pages: naming the witness, and the witness's own confirmation."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

YES, NO = "yes", "no"


class WitnessRequestForm(FlaskForm):
    witness_name = StringField(_l("Witness's name"))
    witness_role = StringField(_l("Witness's role"))
    witness_email = EmailField(_l("Witness's email address"))


class WitnessSignForm(FlaskForm):
    accurate = RadioField(_l("Is the statement accurate?"), validate_choice=False,
                          choices=[SelectChoice(YES, _l("Yes, it is accurate as written")), SelectChoice(NO, _l("No, I need to correct it"))])
    corrected = TextAreaField(_l("The statement as you would correct it"))
    signed_name = StringField(_l("Your full name"))
    agreed = BooleanField()
    #: the statement the page showed, so a change made while the witness read it is noticed
    shown = HiddenField()

    def answer(self) -> bool | None:
        return {YES: True, NO: False}.get(self.accurate.data)

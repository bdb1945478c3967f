"""The forms of the evidence pages; what each kind must contain is checked by the services."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

from ..cohorts.forms import DayField
from ..i18n import signed_wording
from .fields import LIMITS
from .labels import KIND_LABELS
from .models import ACCOUNT, DISCUSSION, FILE, LEARNER_KINDS, OBSERVATION, WITNESS

#: what the learner agrees to when submitting; stored with the submission as worded in their language
DECLARATION = signed_wording(_l(
    "I confirm that this evidence is my own work and a true record of what I did. "
    "Anything that someone else wrote or made is clearly shown as theirs."
))
KIND_HINTS = {
    FILE: _l("Documents, photos or recordings of work you have done, such as a client brief, notes or a report."),
    ACCOUNT: _l("Your own description of something you did at work and how you did it."),
    WITNESS: _l("A statement from someone who saw you at work, such as a manager or client, with how to contact them."),
    DISCUSSION: _l("A record of a planned discussion with your assessor about your work."),
}
BODY_LABELS = {
    ACCOUNT: _l("Your account"),
    WITNESS: _l("The witness's statement"),
    DISCUSSION: _l("Record of the discussion"),
    OBSERVATION: _l("Observation record"),
}
BODY_HINTS = {
    ACCOUNT: _l("Say what you did, when, who was involved and why you did it that way."),
    WITNESS: _l("In the witness's own words: what they saw you do."),
    DISCUSSION: _l("The questions asked and the answers given."),
    OBSERVATION: _l("What you saw the learner do, where and how well."),
}
MARKDOWN_HINT = _l("You can use Markdown: *italic*, **bold**, lists starting with -, and links.")


class KindForm(FlaskForm):
    """Chosen with a GET form, so it carries no CSRF token."""

    class Meta:
        csrf = False

    kind = RadioField(_l("What kind of evidence is it?"), choices=[SelectChoice(kind, KIND_LABELS[kind]) for kind in LEARNER_KINDS])


def _most(name: str) -> dict:
    """The page stops typing at the field's limit; the service checks it too (for a page without the attribute)."""
    return {"maxlength": LIMITS[name]}


class EvidenceForm(FlaskForm):
    title = StringField(_l("Title"), render_kw=_most("title"))
    activity_date = DayField(_l("Date of the activity"))
    description = TextAreaField(_l("Description"), render_kw=_most("description"))
    body = TextAreaField(_l("Text"), render_kw=_most("body"))
    witness_name = StringField(_l("Witness's name"), render_kw=_most("witness_name"))
    witness_role = StringField(_l("Witness's role"), render_kw=_most("witness_role"))
    witness_contact = StringField(_l("Witness's contact details"), render_kw=_most("witness_contact"))
    files = MultipleFileField(_l("Files"))
    version = HiddenField()

    def for_kind(self, kind: str) -> "EvidenceForm":
        if kind in BODY_LABELS:
            self.body.label.text = BODY_LABELS[kind]
        return self

    def typed(self, kind: str) -> dict:
        """The fields this kind has, as typed."""
        names = ["title", "activity_date", "description"]
        names += ["body"] if kind in BODY_LABELS else []
        names += ["witness_name", "witness_role", "witness_contact"] if kind == WITNESS else []
        return {name: self[name].data for name in names}


class UploadForm(FlaskForm):
    files = MultipleFileField(_l("Add files"))
    version = HiddenField()


class VersionForm(FlaskForm):
    """A button that acts on the item as it was when the page was loaded."""

    version = HiddenField()


class SubmitForm(VersionForm):
    declaration = BooleanField(DECLARATION)

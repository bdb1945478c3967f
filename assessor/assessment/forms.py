"""The review and correction forms; the rules they enforce live in the services."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from ..evidence.models import Mapping
from ..standards.references import reference
from .labels import OUTCOME_LABELS
from .services import Outcomes

FEEDBACK_MAX = 5000


def _outcome_field(label) -> RadioField:
    return RadioField(label, choices=[SelectChoice(value, label) for value, label in OUTCOME_LABELS.items()], validate_choice=False)


class ReviewForm(FlaskForm):
    feedback = TextAreaField(_l("Overall feedback to the learner (optional)"), validators=[Optional(), Length(max=FEEDBACK_MAX)])
    evidence_version = IntegerField(
        widget=HiddenInput(), validators=[InputRequired(_l("This form is out of date. Reload the page and try again."))]
    )

    def outcomes(self, mappings: list[Mapping]) -> Outcomes:
        return {
            mapping.criterion_id: (self[f"outcome_{mapping.criterion_id}"].data, self[f"feedback_{mapping.criterion_id}"].data or "")
            for mapping in mappings
        }

    def keep_version(self, version: int) -> None:
        """Carry the evidence's current version, so the assessor can submit again once they have re-read it."""
        self.evidence_version.data, self.evidence_version.raw_data = version, [str(version)]


def review_form(mappings: list[Mapping], version: int) -> ReviewForm:
    """A form with a decision and feedback for each criterion the evidence claims."""

    class Form(ReviewForm):
        pass

    for mapping in mappings:
        code = reference(mapping.criterion)
        setattr(Form, f"outcome_{mapping.criterion_id}", _outcome_field(_l("Decision on %(code)s", code=code)))
        feedback = TextAreaField(_l("Feedback on %(code)s", code=code), validators=[Length(max=FEEDBACK_MAX)])
        setattr(Form, f"feedback_{mapping.criterion_id}", feedback)
    return Form(data={"evidence_version": version})


class CorrectionForm(FlaskForm):
    outcome = _outcome_field(_l("Corrected decision"))
    feedback = TextAreaField(_l("Feedback to the learner"), validators=[Length(max=FEEDBACK_MAX)])
    reason = TextAreaField(_l("Reason for the correction"), validators=[Length(max=2000)])

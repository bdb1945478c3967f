"""The review and correction forms; the rules they enforce live in the services."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from ..standards.references import reference
from .claims import Claim, ToDecide
from .labels import OUTCOME_LABELS
from .models import MET
from .services import Outcomes

FEEDBACK_MAX = 5000


def _outcome_field(label) -> RadioField:
    return RadioField(label, choices=[SelectChoice(value, label) for value, label in OUTCOME_LABELS.items()], validate_choice=False)


class ReviewForm(FlaskForm):
    feedback = TextAreaField(_l("Overall feedback to the learner (optional)"), validators=[Optional(), Length(max=FEEDBACK_MAX)])
    bulk_feedback = TextAreaField(_l("Feedback for every criterion (optional)"), validators=[Optional(), Length(max=FEEDBACK_MAX)])
    evidence_version = IntegerField(
        widget=HiddenInput(), validators=[InputRequired(_l("This form is out of date. Reload the page and try again."))]
    )

    def outcomes(self, claims: list[Claim]) -> Outcomes:
        return {
            claim.criterion_id: (self[f"outcome_{claim.criterion_id}"].data, self[f"feedback_{claim.criterion_id}"].data or "")
            for claim in claims
        }

    def reopened(self, kept: list[Claim]) -> dict[int, str]:
        """{criterion id: reason} for each criterion met before that the assessor chose to decide again."""
        return {claim.criterion_id: self[f"reason_{claim.criterion_id}"].data or "" for claim in kept if self[f"reopen_{claim.criterion_id}"].data}

    def mark_all_met(self, claims: list[Claim]) -> None:
        """Every criterion asked set to met, with the one feedback wherever none was typed; nothing is recorded."""
        shared = (self.bulk_feedback.data or "").strip()
        for claim in claims:
            self[f"outcome_{claim.criterion_id}"].data = MET
            feedback = self[f"feedback_{claim.criterion_id}"]
            if shared and not (feedback.data or "").strip():
                feedback.data = shared

    def keep_version(self, version: int) -> None:
        """Carry the evidence's current version, so the assessor can submit again once they have re-read it."""
        self.evidence_version.data, self.evidence_version.raw_data = version, [str(version)]


def review_form(plan: ToDecide, version: int) -> ReviewForm:
    """A form with a decision and feedback for each criterion asked, and a way to reopen each one met before."""

    class Form(ReviewForm):
        pass

    for claim in plan.claims:
        code = reference(claim.criterion)
        setattr(Form, f"outcome_{claim.criterion_id}", _outcome_field(_l("Decision on %(code)s", code=code)))
        feedback = TextAreaField(_l("Feedback on %(code)s", code=code), validators=[Length(max=FEEDBACK_MAX)])
        setattr(Form, f"feedback_{claim.criterion_id}", feedback)
    for claim in plan.kept:
        code = reference(claim.criterion)
        setattr(Form, f"reopen_{claim.criterion_id}", BooleanField(_l("Decide %(code)s again", code=code)))
        reason = TextAreaField(_l("Why %(code)s needs deciding again", code=code), validators=[Length(max=2000)])
        setattr(Form, f"reason_{claim.criterion_id}", reason)
    return Form(data={"evidence_version": version})


class CorrectionForm(FlaskForm):
    outcome = _outcome_field(_l("Corrected decision"))
    feedback = TextAreaField(_l("Feedback to the learner"), validators=[Length(max=FEEDBACK_MAX)])
    reason = TextAreaField(_l("Reason for the correction"), validators=[Length(max=2000)])

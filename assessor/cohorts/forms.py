"""The forms of the cohort pages; the rules they enforce live in the services."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..accounts.models import User
from ..core.loading import as_id
from ..standards.models import Standard
from ..timeutil import today
from .enrolments import Assignment
from .labels import standard_title
from .models import Cohort, CohortMember

DATE_MESSAGE = _l("Enter a real date, like 2027-03-31.")


class DayField(DateField):
    """A date typed as YYYY-MM-DD (the browser's date picker sends it so), with our own message when it is not one."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format="%Y-%m-%d", **kwargs)

    def process_formdata(self, valuelist):
        if not "".join(valuelist).strip():
            self.data = None  # left blank: whether that is allowed is for the validators and the service to say
            return
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(DATE_MESSAGE)) from None


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _coerce_id(value) -> int:
    return int(value)


def _standard_label(standard: Standard) -> str:
    title = standard_title(standard)
    return _("%(title)s (%(urn)s, version %(version)s)", title=title, urn=standard.urn, version=standard.version)


class CohortForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter a name for the cohort.")), Length(max=200)])
    start_date = DayField(_l("Start date"), validators=[InputRequired(_l("Enter the start date."))])
    target_end_date = DayField(_l("Target end date"), validators=[InputRequired(_l("Enter the target end date."))])
    standards = MultiCheckboxField(_l("Standards"), coerce=_coerce_id, validate_choice=False)

    def offer(self, standards: list[Standard]) -> "CohortForm":
        self.standards.choices = [SelectChoice(str(s.id), _standard_label(s)) for s in standards]
        return self

    @classmethod
    def for_cohort(cls, cohort: Cohort) -> "CohortForm":
        pinned_ids = [pinned.standard_id for pinned in cohort.standards]
        details = {"name": cohort.name, "start_date": cohort.start_date, "target_end_date": cohort.target_end_date}
        return cls(data=details | {"standards": pinned_ids})


class LearnerForm(FlaskForm):
    """Checked by the services (cohorts.services.learner_problems), so that every problem, with the enrolment's, shows at once."""

    name = StringField(_l("Full name"))
    email = EmailField(_l("Email address"))


class UploadForm(FlaskForm):
    file = FileField(_l("CSV file of learners"), validators=[FileRequired(_l("Choose a CSV file to upload."))])


class ConfirmUploadForm(FlaskForm):
    token = HiddenField(validators=[DataRequired()])


def _people_choices(people: list[User], empty: str) -> list[SelectChoice]:
    return [SelectChoice("", empty)] + [SelectChoice(str(person.id), f"{person.name} ({person.email})") for person in people]


def _offer_assignments(form_class: type, cohort: Cohort, assessors: list[User], iqas: list[User]) -> None:
    """An assessor and an IQA choice on the form for each of the cohort's standards."""
    for pinned in cohort.standards:
        label = f"{pinned.standard.urn} v{pinned.standard.version}"
        assessor_choices, iqa_choices = _people_choices(assessors, _("Choose an assessor")), _people_choices(iqas, _("Choose an IQA"))
        assessor = SelectField(_l("Assessor for %(standard)s", standard=label), choices=assessor_choices, validate_choice=False)
        iqa = SelectField(_l("IQA for %(standard)s", standard=label), choices=iqa_choices, validate_choice=False)
        setattr(form_class, f"assessor_{pinned.standard_id}", assessor)
        setattr(form_class, f"iqa_{pinned.standard_id}", iqa)


def enrol_form(cohort: Cohort, members: list[CohortMember], assessors: list[User], iqas: list[User], formdata=None) -> FlaskForm:
    """A form with the learners to choose and, for each of the cohort's standards, an assessor and an IQA."""

    class EnrolForm(FlaskForm):
        learners = MultiCheckboxField(_l("Learners"), coerce=_coerce_id, validate_choice=False)
        all_unenrolled = BooleanField(_l("All active learners not yet enrolled"))

    _offer_assignments(EnrolForm, cohort, assessors, iqas)
    form = EnrolForm(formdata=formdata) if formdata is not None else EnrolForm()
    form.learners.choices = [SelectChoice(str(member.id), member.learner.name) for member in members]
    return form


def chosen_assignments(form: FlaskForm, cohort: Cohort, default: Assignment | None = None) -> dict[int, Assignment]:
    """{standard id: the assessor and IQA chosen for it} from a form made with _offer_assignments; `default` fills what is left empty."""
    default = default or Assignment(None, None)
    return {
        pinned.standard_id: Assignment(
            as_id(form[f"assessor_{pinned.standard_id}"].data) or default.assessor_id, as_id(form[f"iqa_{pinned.standard_id}"].data) or default.iqa_id
        )
        for pinned in cohort.standards
    }


def learner_form(cohort: Cohort, assessors: list[User], iqas: list[User]) -> FlaskForm:
    """The learner's name and email and, when the cohort has standards, whether to enrol them now and with whom:
    one assessor and IQA for every standard, or a choice per standard."""

    class NewLearnerForm(LearnerForm):
        enrol = BooleanField(_l("Enrol them on the cohort's standards now"))
        assessor_all = SelectField(_l("Assessor"), choices=_people_choices(assessors, _("Choose an assessor")), validate_choice=False)
        iqa_all = SelectField(_l("IQA"), choices=_people_choices(iqas, _("Choose an IQA")), validate_choice=False)

        def assignments(self, cohort: Cohort) -> dict[int, Assignment]:
            return chosen_assignments(self, cohort, Assignment(as_id(self.assessor_all.data), as_id(self.iqa_all.data)))

    _offer_assignments(NewLearnerForm, cohort, assessors, iqas)
    return NewLearnerForm()


class AssignmentForm(FlaskForm):
    assessor = SelectField(_l("Assessor"), validate_choice=False)
    iqa = SelectField(_l("IQA"), validate_choice=False)
    reason = TextAreaField(_l("Reason for the change (optional)"), validators=[Optional(), Length(max=2000)])

    def offer(self, assessors: list[User], iqas: list[User]) -> "AssignmentForm":
        self.assessor.choices = _people_choices(assessors, _("Choose an assessor"))
        self.iqa.choices = _people_choices(iqas, _("Choose an IQA"))
        return self


class MovementForm(FlaskForm):
    """A dated, reasoned change: withdrawal, the start or end of a break."""

    effective_on = DayField(
        _l("Date it takes effect"), validators=[InputRequired(_l("Enter the date it takes effect."))], default=today
    )
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(_l("Enter the reason.")), Length(max=2000)])


class TransferForm(MovementForm):
    target = SelectField(
        _l("Cohort to transfer to"), validators=[DataRequired(_l("Choose the cohort to transfer to."))], validate_choice=False
    )

    def offer(self, cohorts: list[Cohort]) -> "TransferForm":
        options = [SelectChoice(str(cohort.id), cohort.name) for cohort in cohorts]
        self.target.choices = [SelectChoice("", _("Choose a cohort")), *options]
        return self

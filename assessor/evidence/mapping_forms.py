"""The mapping form: a tick and an optional note per criterion, and the version of the evidence it was loaded with."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectMultipleField, TextAreaField
from wtforms.validators import InputRequired, Length
from wtforms.widgets import HiddenInput

from ..core.acts import add_error
from ..standards.criteria import CriterionLine
from ..standards.references import reference
from .mapping import NOTE_MAX, clean_note


def _as_id(value) -> int:
    """A ticked criterion's id; anything else becomes 0, which no criterion has, and the service refuses it."""
    return int(value) if str(value).isdigit() else 0


class MappingFormBase(FlaskForm):
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    criteria = SelectMultipleField(_l("Criteria"), coerce=_as_id, validate_choice=False)
    #: {criterion id: code}, set on each subclass
    codes: dict[int, str] = {}

    def note(self, criterion_id: int):
        return self[f"note_{criterion_id}"]

    def claims(self) -> dict[int, str]:
        """{criterion id: note} for every ticked criterion."""
        ticked = self.criteria.data or []
        return {cid: (self.note(cid).data if cid in self.codes else "") or "" for cid in ticked}

    def carry_version(self, version: int) -> None:
        """Load the form again at this version, keeping everything the person ticked and typed."""
        self.version.data, self.version.raw_data = version, [str(version)]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        ticked = set(self.criteria.data or [])
        for criterion_id, code in self.codes.items():
            field = self.note(criterion_id)
            if (field.data or "").strip() and criterion_id not in ticked:
                add_error(field, _("Tick %(code)s to claim it, or clear its note.", code=code))
                valid = False
        return valid


def mapping_form(lines: list[CriterionLine], saved: dict[int, str] | None = None, version: int | None = None) -> MappingFormBase:
    """A form with a note field per criterion; filled from `saved` ({criterion id: note}) unless it was posted."""

    class MappingForm(MappingFormBase):
        codes = {line.id: reference(line) for line in lines}

    for line in lines:
        label = _l("How this evidence shows %(code)s (optional)", code=reference(line))
        too_long = _l("The note for %(code)s must be %(max)s characters or fewer.", code=reference(line), max=NOTE_MAX)
        note = TextAreaField(label, filters=[clean_note], validators=[Length(max=NOTE_MAX, message=too_long)])
        setattr(MappingForm, f"note_{line.id}", note)
    saved = saved or {}
    data = {"version": version, "criteria": list(saved)} | {f"note_{cid}": note for cid, note in saved.items()}
    return MappingForm(data=data)

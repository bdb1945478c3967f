"""The check of a structured editor's form as it is typed: the form applied to the draft's document as a save would
apply it, and the whole scenario checked, without saving anything (for the pages' script)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..accounts.models import User
from . import authoring
from .authoring_forms import DocumentForm
from .check_panels import problems_within
from .dumper import dump_document
from .editing import Document
from .models import ScenarioDraft
from .problems import ProblemRecord


@dataclass(frozen=True)
class FormCheck:
    """What the check finds in a form's text: the form's own problems (field id, place, message), the check's
    problems within the page's part of the scenario, how many the check finds elsewhere, and the document the
    form makes (where the problems' links point)."""

    fields: list[tuple[str, str, str]]
    here: list[ProblemRecord]
    elsewhere: int
    document: Document


def check_form(session: Session, author: User, draft: ScenarioDraft, form: DocumentForm, changed: Callable[[], Document],
               scope: tuple) -> FormCheck:
    """Check `form` as the save does, then the scenario `changed()` makes of it (Refused when too long)."""
    form.validate()
    document = changed()
    records = authoring.check_typed(session, author, draft, dump_document(document))
    here = problems_within(records, scope)
    return FormCheck(form.summary(), here, len(records) - len(here), document)

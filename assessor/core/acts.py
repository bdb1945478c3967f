"""One way to act: what services raise when the rules refuse, and how a page shows it and keeps the data.

Services raise `Refused` (or `Conflict`, `Locked`) with a lazily translated message; views call
`attempt`, which commits the service's work or rolls it back, and `show_refusal`, which puts every
problem beside its field or above the form.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_wtf import FlaskForm
from sqlalchemy.orm import Session

#: (field name or None for the whole form, message)
Problem = tuple[str | None, str]


class Refused(Exception):
    """A change the rules refuse; the message is for the person, `field` says where, `problems` lists them all."""

    def __init__(self, message: str, field: str | None = None, problems: list[Problem] | None = None):
        super().__init__(message)
        self.field = field
        self.problems = problems or [(field, message)]

    def __str__(self) -> str:
        return str(self.args[0])

    @classmethod
    def listing(cls, problems: list[Problem]) -> "Refused":
        """One refusal carrying every problem found, headed by the first."""
        field, message = problems[0]
        return cls(message, field, problems=problems)


class Conflict(Refused):
    """Someone else changed the thing since the form was loaded (or at the same moment); nothing was saved."""


class Locked(Refused):
    """The thing's state no longer allows the change (submitted, signed, already done)."""


def status_of(refusal: Refused) -> int:
    """The HTTP status a page shows a refusal with: 409 for a conflict or a lock, 422 for bad input."""
    return 409 if isinstance(refusal, Conflict | Locked) else 422


def show_refusal(form: FlaskForm, refusal: Refused) -> None:
    """Put each problem beside its field (one a field: a field the form's own checks refused keeps that message),
    or above the form when it names none the form has."""
    for name, message in refusal.problems:
        field = form._fields.get(name) if name else None
        if field is None:
            form.form_errors.append(str(message))
        elif not field.errors:
            field.errors = [str(message)]


def add_error(field: Any, message: Any) -> None:
    """One more problem beside a form field, after those it already shows."""
    field.errors = [*field.errors, message]


def validated(form: FlaskForm, check: Callable[[], Any] | None = None) -> bool:
    """Whether a posted form passes its own checks and the service's `check` (which raises Refused listing every
    problem); both always run, so the page shows every problem at once rather than one round at a time."""
    if not form.is_submitted():
        return False
    valid = form.validate()
    if check is not None:
        try:
            check()
        except Refused as refusal:
            show_refusal(form, refusal)
            return False
    return valid


@dataclass
class Outcome:
    """What became of an attempt: the service's answer once committed, or the refusal after rolling back."""

    value: Any = None
    refused: Refused | None = None

    @property
    def done(self) -> bool:
        return self.refused is None

    @property
    def status(self) -> int:
        return 200 if self.refused is None else status_of(self.refused)


def attempt(session: Session, act: Callable[[], Any], form: FlaskForm | None = None) -> Outcome:
    """Run a service and commit; on a refusal roll back (nothing half-done stays) and show it on the form."""
    try:
        value = act()
    except Refused as refusal:
        session.rollback()
        if form is not None:
            show_refusal(form, refusal)
        return Outcome(refused=refusal)
    session.commit()
    return Outcome(value)

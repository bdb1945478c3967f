"""Loading what a page is about: 404 when it is missing or not the signed-in person's organisation's."""
from collections.abc import Callable
from typing import TypeVar

from flask import abort

from ..db import get_session

Row = TypeVar("Row")


def visible_or_404(model: type[Row], row_id: int, visible: Callable[[Row], bool]) -> Row:
    """The row, when it exists and `visible` says the signed-in person's organisation holds it; else 404."""
    row = get_session().get(model, row_id)
    if row is None or not visible(row):
        abort(404)
    return row


def as_id(value) -> int | None:
    """A chosen id from a form, or None when nothing (or nonsense) was chosen."""
    return int(value) if value and str(value).isdigit() else None

"""The parser's result on a document's text, its problems placed on the page and row they came from, and a check
that every criterion and knowledge row read from the tables came through whole."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..parse_model import ParseResult, Problem
from .model import Place, Reading, with_place


@dataclass
class PlacedProblem:
    """A problem named by where it is in the document (page, table, row) rather than by a line of text."""

    message: str
    place: Place | None = None
    line: int | None = None

    @property
    def english(self) -> str:
        return Problem(self.line, self.message).english

    def __str__(self) -> str:
        return with_place(self.message, self.place)


def placed(result: ParseResult, reading: Reading) -> ParseResult:
    """The same result with each problem placed, and a refusal for every table row that did not come through whole."""
    errors = [_place(problem, reading) for problem in result.errors]
    if result.ok:
        errors += _unmatched_rows(result.document, reading)
    return ParseResult(result.document, errors, [_place(problem, reading) for problem in result.warnings])


def _place(problem: Problem, reading: Reading) -> PlacedProblem:
    place = reading.place_of_line(problem.line)
    return PlacedProblem(problem.message, place if place and place.label() else None)


def _unmatched_rows(document: dict, reading: Reading) -> list[PlacedProblem]:
    made: dict[tuple[str, str], list[str]] = {}
    for section in ("performance_criteria", "knowledge"):
        for item in document.get(section) or []:
            for entry in (item, *item.get("children", [])):
                made.setdefault((section, entry["code"]), []).append(entry["text"])
    problems = []
    for row in reading.rows:
        if row.kind == "item" and row.cells[1] not in made.get((row.section, row.cells[0]), []):
            problems.append(PlacedProblem(
                _l("This row did not come through whole as %(code)s. Check the table in the document, or copy "
                   "the standard's text and paste it in instead.", code=row.cells[0]),
                row.place,
            ))
    return problems

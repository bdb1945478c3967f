"""The check's problems as records for the authoring pages: node, field, line and a translated message."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from .check import check_text
from .format import Scenario
from .report import Problem
from .schema_check import _name as field_name
from .schema_check import validator
from .standards_data import KnownRefs, known_refs

LANGUAGES = {"cy": _l("Welsh"), "en": _l("English")}
MESSAGES = {
    "yaml_syntax": _l("This is not valid YAML: %(detail)s"),
    "missing_language": _l("The %(language)s text is missing."),
    "empty_language": _l("The %(language)s text is empty."),
    "dead_end": _l("Node %(node)s is a dead end: give it choices, a written reply or an ending."),
    "ending_way_out": _l("Node %(node)s is an ending, so it cannot also have choices or a written reply."),
    "two_turns": _l("Node %(node)s has both choices and a written reply: give it only one."),
    "missing_start": _l("The start node %(node)s does not exist."),
    "missing_node": _l("This leads to node %(node)s, which does not exist."),
    "unreachable": _l("Node %(node)s cannot be reached from the start node %(start)s."),
    "trapped_loop": _l("No ending can be reached from these nodes; they only loop among themselves: %(nodes)s."),
    "choices_all_conditional": _l("Every choice of node %(node)s has a condition: when none holds, the learner "
                                  "is stuck and no choice can be taken. Leave one choice without a condition."),
    "duplicate_choice_text": _l("Choices %(first)s and %(second)s of node %(node)s have the same %(language)s text."),
    "unknown_key": _l("Unknown key %(key)s here (allowed: %(allowed)s)."),
    "missing_key": _l("%(key)s is missing here."),
    "duplicate_key": _l("The key %(key)s appears twice: the later one silently replaces the earlier."),
    "yaml_boolean": _l("YAML reads yes, no, on, off, true and false as true or false: put the text in quotes."),
    "no_else": _l("This conditional next has no else: end it with an else branch."),
    "else_not_last": _l("The else branch must be the last: the branches after it are never used."),
    "branch_if_and_else": _l("A branch has either an if and a goto, or only an else."),
    "undeclared_placeholder": _l("{%(name)s} names no variable of the scenario's state."),
    "undeclared_condition": _l("The condition %(condition)s uses %(name)s, which is not a variable of the scenario's state."),
    "undeclared_effect": _l("This effect changes %(name)s, which is not a variable of the scenario's state."),
    "unused_variable": _l("%(name)s is never read: no condition or placeholder uses it."),
    "cited_twice": _l("%(urn)s version %(version)s is cited twice: merge the two entries."),
    "criterion_ambiguous": _l("%(ref)s is listed for %(urns)s: write it with the standard's URN in front."),
    "duplicate_rubric_dimension": _l("The rubric dimension %(id)s appears twice."),
    "identical_translation": _l("The Welsh and English texts are identical: is one of them untranslated?"),
    "unknown_standard": _l("Unknown standard %(urn)s (known: %(known)s)."),
    "unknown_version": _l("%(urn)s has no version %(version)s (known: %(known)s)."),
    "unknown_criterion": _l("%(ref)s is not a criterion of %(urn)s version %(version)s."),
    "criterion_not_listed": _l("%(ref)s is not listed among the scenario's criteria; add it there first."),
    "criterion_unused": _l("%(ref)s is listed, but no choice or written reply shows or evidences it."),
    "playthrough_stuck": _l("Random playthrough %(run)s (seed %(seed)s) got stuck at node %(node)s: "
                            "no choice's condition holds."),
    "playthrough_too_long": _l("Random playthrough %(run)s (seed %(seed)s) did not reach an ending within "
                               "%(steps)s steps."),
    "playthrough_error": _l("Random playthrough %(run)s (seed %(seed)s) stopped with an error: %(detail)s"),
}
ENGLISH_ONLY = _l("(in English only) %(message)s")


@dataclass(frozen=True)
class ProblemRecord:
    """One problem: `node_id` is None for the scenario as a whole; `field` reads like nodes.call.choices[2].text.cy
    (lists counted from 1, as the CLI prints them); `path` is the same place as keys and 0-based indexes."""

    severity: str
    node_id: str | None
    field: str
    line: int
    kind: str
    english: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    path: tuple[Any, ...] = field(default=(), compare=False)

    @property
    def message(self) -> str:
        """In the reader's language (needs a request or app context with Flask-Babel)."""
        template = MESSAGES.get(self.kind)
        if template is None:
            return self.english if _reading_english() else ENGLISH_ONLY % {"message": self.english}
        params = {key: str(LANGUAGES.get(value, value)) if key == "language" else value for key, value in self.params.items()}
        return template % params


def records(problems: Iterable[Problem]) -> list[ProblemRecord]:
    """Errors first, then by line."""
    found = [_record(problem) for problem in problems]
    return sorted(found, key=lambda record: (record.severity != "error", record.line, record.field))


@dataclass(frozen=True)
class CheckedSource:
    """A checked draft: its problems, and the scenario once it passes the schema (for the map and coverage)."""

    problems: list[ProblemRecord]
    scenario: Scenario | None

    @property
    def has_errors(self) -> bool:
        return any(record.severity == "error" for record in self.problems)


def check_source(text: str, standards: KnownRefs | None = None, playthroughs: int = 200,
                 seed: int = 0) -> CheckedSource:
    """What `assessor scenarios check` finds in this YAML source, as records."""
    standards = known_refs() if standards is None else standards
    report = check_text(text, "draft", standards, playthroughs, seed)
    data = report.document.data if report.document else None
    scenario = Scenario.from_document(data) if data is not None and validator().is_valid(data) else None
    return CheckedSource(records(report.problems), scenario)


def problem_nodes(found: Iterable[ProblemRecord]) -> dict[str, str]:
    """node id → its worst severity, for highlighting the map."""
    worst: dict[str, str] = {}
    for record in found:
        if record.node_id is not None and worst.get(record.node_id) != "error":
            worst[record.node_id] = record.severity
    return worst


def _record(problem: Problem) -> ProblemRecord:
    path = problem.path
    node_id = str(path[1]) if len(path) > 1 and path[0] == "nodes" else None
    return ProblemRecord(problem.severity, node_id, field_name(path) if path else "", problem.line,
                         problem.kind, problem.message, dict(problem.params), tuple(path))


def _reading_english() -> bool:
    locale = get_locale()
    return locale is None or locale.language == "en"

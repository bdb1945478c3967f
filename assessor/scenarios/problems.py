"""The check's problems as records for the authoring pages: node, field, line and a translated message."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import get_locale

from .check import check_text
from .format import Scenario
from .problem_messages import ENGLISH_ONLY, LANGUAGES, MESSAGES
from .report import Problem, Report
from .schema_check import field_name, validator
from .standards_data import KnownRefs, known_refs


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
    return CheckedSource(records(report.problems), scenario_of(report))


def scenario_of(report: Report) -> Scenario | None:
    """The checked source as a scenario, once it passes the schema (the map and coverage need its structure)."""
    data = report.document.data if report.document else None
    return Scenario.from_document(data) if data is not None and validator().is_valid(data) else None


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

"""The authoring check: YAML, then schema, then graph and content, then random playthroughs."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..config import PROJECT_ROOT
from .content import check_choice_texts, check_citations, check_criteria_use, check_rubrics, check_translations
from .format import Scenario
from .graph import check_graph
from .loader import LoadedDocument, ScenarioSyntaxError, load_text
from .playthrough import check_playthroughs
from .reachability import check_never_taken
from .report import Problem, Report
from .schema_check import check_schema
from .standards_data import KnownRefs, known_refs
from .variables import check_variables

SCENARIOS_DIR = PROJECT_ROOT / "scenarios"


def default_paths() -> list[Path]:
    return sorted(SCENARIOS_DIR.glob("*.yaml"))


def check_paths(paths: Iterable[Path], standards: KnownRefs | None = None,
                playthroughs: int = 200, seed: int = 0) -> list[Problem]:
    """Every problem in the given files, sorted by file and line."""
    standards = known_refs() if standards is None else standards
    problems: list[Problem] = []
    first_file_of_id: dict[str, str] = {}
    for path in paths:
        report = check_file(path, standards, playthroughs, seed)
        scenario_id = _scenario_id(report.document)
        if scenario_id in first_file_of_id:
            report.error(("id",), f"id {scenario_id!r} is already used by {first_file_of_id[scenario_id]}")
        elif scenario_id:
            first_file_of_id[scenario_id] = str(path)
        problems += report.problems
    return sorted(problems)


def check_file(path: Path, standards: KnownRefs, playthroughs: int = 200, seed: int = 0) -> Report:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Report(str(path), problems=[Problem(str(path), 1, "error", f"cannot read the file: {error}")])
    return check_text(text, str(path), standards, playthroughs, seed)


def check_text(text: str, name: str, standards: KnownRefs, playthroughs: int = 200, seed: int = 0) -> Report:
    """The check of one scenario's YAML source, e.g. a draft being written in the browser."""
    report = Report(name)
    try:
        report.document = load_text(text)
    except ScenarioSyntaxError as error:
        report.problems.append(Problem(name, error.line, "error", f"not valid YAML: {error}", (), "yaml_syntax",
                                       {"detail": str(error)}))
        return report
    check_document(report.document, report, standards, playthroughs, seed)
    return report


def check_document(document: LoadedDocument, report: Report, standards: KnownRefs,
                   playthroughs: int = 200, seed: int = 0) -> None:
    for path, line in document.duplicate_keys:
        message = f"duplicate key {path[-1]!r}: the later one silently replaces the earlier"
        report.problems.append(Problem(report.file, line, "error", message, path, "duplicate_key", {"key": path[-1]}))
    check_schema(document.data, report)
    if report.has_errors:
        return
    scenario = Scenario.from_document(document.data)
    check_graph(scenario, report)
    check_variables(scenario, report)
    check_citations(document.data, standards, report)
    check_criteria_use(scenario, report)
    check_choice_texts(scenario.nodes, report)
    check_translations(document.data, report)
    check_rubrics(scenario.nodes, report)
    if not report.has_errors:
        check_never_taken(scenario, report, playthroughs, seed)
    if not report.has_errors and playthroughs > 0:
        check_playthroughs(scenario, report, playthroughs, seed)


def _scenario_id(document: LoadedDocument | None) -> str | None:
    data = document.data if document else None
    return data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None

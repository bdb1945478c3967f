"""What a preview needs checked: whether the saved draft can be played at all, and variable values an author types."""
from __future__ import annotations

import re
from collections.abc import Mapping

from flask_babel import lazy_gettext as _l

from ..core.acts import Refused
from .expressions import Value
from .format import Scenario, Variable
from .graph import check_graph
from .loader import ScenarioSyntaxError, load_text
from .problems import ProblemRecord, records
from .report import ERROR, Problem, Report
from .schema_check import check_schema
from .variables import check_variables

#: errors of the structure check that do not stop play: a preview can jump to a node the start never reaches
PLAYABLE_ANYWAY = frozenset({"unreachable", "trapped_loop", "else_not_last"})
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def unplayable(source: str) -> list[ProblemRecord]:
    """The errors that stop the YAML being played: its syntax, the schema, missing nodes, broken conditions and
    effects. Warnings, wording, translations and criteria never stop a preview."""
    report = Report("draft")
    try:
        report.document = load_text(source)
    except ScenarioSyntaxError as error:
        report.problems.append(Problem("draft", error.line, ERROR, f"not valid YAML: {error}", (), "yaml_syntax",
                                       {"detail": str(error)}))
        return records(report.problems)
    check_schema(report.document.data, report)
    if not report.has_errors:
        scenario = Scenario.from_document(report.document.data)
        check_graph(scenario, report)
        check_variables(scenario, report)
    return [problem for problem in records(report.problems)
            if problem.severity == ERROR and problem.kind not in PLAYABLE_ANYWAY]


def checked_values(scenario: Scenario, typed: Mapping[str, str]) -> dict[str, Value]:
    """The variables' values as typed ("true"/"false", or a number within the variable's bounds); Refused listing each
    value that is not, on its field `var_<name>`."""
    values, problems = {}, []
    for name, raw in typed.items():
        variable = scenario.variables.get(name)
        if variable is None or raw is None or not str(raw).strip():
            continue
        try:
            values[name] = _value(variable, str(raw).strip())
        except ValueError as error:
            problems.append((f"var_{name}", str(error.args[0])))
    if problems:
        raise Refused.listing(problems)
    return values


def _value(variable: Variable, raw: str) -> Value:
    if variable.kind == "boolean":
        if raw not in ("true", "false"):
            raise ValueError(_l("Choose yes or no for %(name)s.", name=variable.name))
        return raw == "true"
    if not NUMBER.match(raw):
        raise ValueError(_l("Enter a number for %(name)s, such as 3.", name=variable.name))
    value = float(raw) if "." in raw else int(raw)
    if variable.clamp(value) != value:
        raise ValueError(_l("%(name)s must be between %(minimum)s and %(maximum)s.", name=variable.name,
                            minimum=_bound(variable.minimum), maximum=_bound(variable.maximum)))
    return value


def _bound(bound: float | None) -> str:
    return "…" if bound is None else f"{bound:g}"

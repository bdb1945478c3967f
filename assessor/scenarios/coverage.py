"""Which criteria the scenarios can evidence, per standard, and which no scenario reaches."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from .format import Criterion, Scenario, declared_criteria, resolve_ref
from .graph import distances
from .loader import ScenarioSyntaxError, load_file
from .report import Report
from .schema_check import check_schema
from .standards_data import Item, StandardOutline


def evidenced_criteria(scenario: Scenario, node_ids: Collection[str] | None = None) -> set[Criterion]:
    """Every criterion some choice `shows` or some free-text reply `evidences` (in the given nodes, or all)."""
    table = declared_criteria(scenario.document)
    nodes = [node for node_id, node in scenario.nodes.items() if node_ids is None or node_id in node_ids]
    refs = [ref for node in nodes for choice in node.get("choices") or [] for ref in choice.get("shows") or []]
    refs += [ref for node in nodes for ref in (node.get("free_text") or {}).get("evidences") or []]
    return {criterion for ref in refs if (criterion := resolve_ref(ref, table))}


def load_scenarios(paths: Iterable[Path]) -> tuple[list[Scenario], list[dict[str, str]]]:
    """The scenarios that pass the schema, and the files skipped with the reason."""
    scenarios, skipped = [], []
    for path in paths:
        try:
            document = load_file(path)
        except (ScenarioSyntaxError, OSError, UnicodeDecodeError) as error:
            skipped.append({"file": str(path), "reason": str(error)})
            continue
        report = Report(str(path), document)
        check_schema(document.data, report)
        if report.has_errors:
            skipped.append({"file": str(path), "reason": "it does not pass the schema; run `assessor scenarios check`"})
        else:
            scenarios.append(Scenario.from_document(document.data))
    return scenarios, skipped


def coverage_report(scenarios: Sequence[Scenario], outlines: Sequence[StandardOutline]) -> list[dict[str, Any]]:
    """One entry per standard: each scenario's criteria, and what is covered and not."""
    by_scenario = {scenario.id: evidenced_criteria(scenario) for scenario in scenarios}
    return [_standard_entry(outline, by_scenario) for outline in outlines]


def _standard_entry(outline: StandardOutline, by_scenario: dict[str, set[Criterion]]) -> dict[str, Any]:
    per_scenario = {}
    for scenario_id, criteria in sorted(by_scenario.items()):
        refs = {c.ref for c in criteria if (c.urn, c.version) == (outline.urn, outline.version)}
        if refs:
            per_scenario[scenario_id] = _in_standard_order(refs, outline)
    reached = {ref for refs in per_scenario.values() for ref in refs}
    return {"urn": outline.urn, "version": outline.version, "title": outline.title, "scenarios": per_scenario,
            "performance_criteria": _tally(outline.performance, reached),
            "knowledge": _tally(outline.knowledge, reached)}


def scenario_coverage(scenario: Scenario, outlines: Sequence[StandardOutline]) -> list[dict[str, Any]]:
    """Per standard version the scenario cites: what a path from the start can evidence, and what none reaches."""
    reachable = set(distances(scenario))
    can = evidenced_criteria(scenario, reachable)
    stranded = evidenced_criteria(scenario) - can
    cited = {(str(citation.get("urn")), str(citation.get("version"))) for citation in scenario.document.get("standards") or []}
    return [{"urn": outline.urn, "version": outline.version, "title": outline.title,
             "evidenced": _in_standard_order(_refs_of(can, outline), outline),
             "unreachable_only": _in_standard_order(_refs_of(stranded, outline), outline),
             "performance_criteria": _tally(outline.performance, _refs_of(can, outline)),
             "knowledge": _tally(outline.knowledge, _refs_of(can, outline))}
            for outline in outlines if (outline.urn, outline.version) in cited]


def _refs_of(criteria: set[Criterion], outline: StandardOutline) -> set[str]:
    return {c.ref for c in criteria if (c.urn, c.version) == (outline.urn, outline.version)}


def _tally(items: Sequence[Item], reached: set[str]) -> dict[str, Any]:
    """An item counts as covered when it or one of its sub-items is reached."""
    covered = [item.ref for item in items if item.ref in reached or reached & set(item.children)]
    uncovered = [item.ref for item in items if item.ref not in covered]
    percent = round(100 * len(covered) / len(items), 1) if items else 0.0
    return {"total": len(items), "covered": covered, "not_reached": uncovered, "percent": percent}


def _in_standard_order(refs: set[str], outline: StandardOutline) -> list[str]:
    order = [ref for item in outline.performance + outline.knowledge for ref in (item.ref,) + item.children]
    return sorted(refs, key=lambda ref: order.index(ref) if ref in order else len(order))


def render_text(entries: Sequence[dict[str, Any]]) -> str:
    lines = []
    for entry in entries:
        pcs, knowledge = entry["performance_criteria"], entry["knowledge"]
        lines.append("") if lines else None
        lines.append(f"{entry['urn']} version {entry['version']}: {entry['title']}")
        for scenario_id, refs in entry["scenarios"].items():
            lines.append(f"  {scenario_id}: {' '.join(refs)}")
        if not entry["scenarios"]:
            lines.append("  no scenario evidences this standard")
        lines.append(f"  performance criteria covered: {len(pcs['covered'])}/{pcs['total']} ({pcs['percent']}%)"
                     f"; not reached: {' '.join(pcs['not_reached']) or 'none'}")
        lines.append(f"  knowledge covered: {len(knowledge['covered'])}/{knowledge['total']} ({knowledge['percent']}%)"
                     f"; not reached: {' '.join(knowledge['not_reached']) or 'none'}")
    return "\n".join(lines)

"""Content checks: criteria refs against the standards, duplicate choices, untranslated text."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .format import Scenario, declared_criteria, resolve_ref, texts
from .report import Report
from .standards_data import KnownRefs

LANGUAGE_NAMES = {"cy": "Welsh", "en": "English"}


def check_citations(document: Mapping[str, Any], standards: KnownRefs, report: Report) -> None:
    """Each cited standard, version and criterion exists; no standard is cited twice."""
    seen: set[tuple[str, str]] = set()
    for index, citation in enumerate(document["standards"]):
        urn, version, where = citation["urn"], str(citation["version"]), ("standards", index)
        if (urn, version) in seen:
            report.error(where, f"{urn} version {version} is cited twice; merge the two entries",
                         "cited_twice", {"urn": urn, "version": version})
        seen.add((urn, version))
        if urn not in standards:
            report.error(where + ("urn",), f"unknown standard {urn!r} (known: {', '.join(sorted(standards))})",
                         "unknown_standard", {"urn": urn, "known": ", ".join(sorted(standards))})
        elif version not in standards[urn]:
            known = ", ".join(sorted(standards[urn]))
            report.error(where + ("version",), f"{urn} has no version {version!r} (known: {known})",
                         "unknown_version", {"urn": urn, "version": version, "known": known})
        else:
            for position, ref in enumerate(citation["criteria"]):
                if ref not in standards[urn][version]:
                    report.error(where + ("criteria", position), f"{ref} is not a criterion of {urn} version {version}",
                                 "unknown_criterion", {"ref": ref, "urn": urn, "version": version})


def check_criteria_use(scenario: Scenario, report: Report) -> None:
    """shows / fails_to_show / evidences name criteria listed under `standards`; listed ones are used."""
    table = declared_criteria(scenario.document)
    used = set()
    for path, ref in _criteria_refs(scenario.nodes):
        matches = set(table.get(ref) or [])
        if not matches:
            report.error(path, f"{ref} is not listed under 'standards' criteria; add it there first",
                         "criterion_not_listed", {"ref": ref})
        elif len(matches) > 1:
            urns = " and ".join(sorted(criterion.urn for criterion in matches))
            report.error(path, f"{ref} is listed for {urns}: write it as URN:{ref}", "criterion_ambiguous",
                         {"ref": ref, "urns": urns})
        else:
            used.add(resolve_ref(ref, table))
    for index, citation in enumerate(scenario.document["standards"]):
        for position, ref in enumerate(citation["criteria"]):
            if not any(c.urn == citation["urn"] and c.ref == ref for c in used):
                report.warning(("standards", index, "criteria", position),
                               f"{ref} is listed but no choice or free-text reply shows or evidences it",
                               "criterion_unused", {"ref": ref})


def _criteria_refs(nodes: Mapping[str, Any]) -> Iterator[tuple[tuple, str]]:
    for node_id, node in nodes.items():
        for index, choice in enumerate(node.get("choices") or []):
            for key in ("shows", "fails_to_show"):
                for position, ref in enumerate(choice.get(key) or []):
                    yield ("nodes", node_id, "choices", index, key, position), ref
        for position, ref in enumerate((node.get("free_text") or {}).get("evidences") or []):
            yield ("nodes", node_id, "free_text", "evidences", position), ref


def check_choice_texts(nodes: Mapping[str, Any], report: Report) -> None:
    """Two choices of one node with the same text: an error when both are always offered."""
    for node_id, node in nodes.items():
        first_seen: dict[tuple[str, str], int] = {}
        for index, choice in enumerate(node.get("choices") or []):
            for language, text in choice["text"].items():
                key = (language, " ".join(text.lower().split()))
                if key in first_seen:
                    both_open = "if" not in choice and "if" not in node["choices"][first_seen[key]]
                    report.add("error" if both_open else "warning", ("nodes", node_id, "choices", index, "text"),
                               f"choices {first_seen[key] + 1} and {index + 1} of node {node_id!r} have the same "
                               f"{LANGUAGE_NAMES[language]} text", "duplicate_choice_text",
                               {"first": first_seen[key] + 1, "second": index + 1, "node": node_id, "language": language})
                    break
                first_seen[key] = index


def check_translations(document: Mapping[str, Any], report: Report) -> None:
    """Warn where the Welsh and English of a sentence are identical: one was probably not translated."""
    pairs: dict[tuple, dict[str, str]] = {}
    for path, text in texts(document, ()):
        pairs.setdefault(path[:-1], {})[path[-1]] = text
    for path, pair in pairs.items():
        if pair.get("cy") == pair.get("en") and len(pair["cy"].split()) > 3:
            report.warning(path, "the Welsh and English texts are identical: is one of them untranslated?",
                           "identical_translation")


def check_rubrics(nodes: Mapping[str, Any], report: Report) -> None:
    for node_id, node in nodes.items():
        dimensions = ((node.get("free_text") or {}).get("rubric") or {}).get("dimensions") or []
        ids = [dimension["id"] for dimension in dimensions]
        for index, dimension_id in enumerate(ids):
            if dimension_id in ids[:index]:
                report.error(("nodes", node_id, "free_text", "rubric", "dimensions", index, "id"),
                             f"rubric dimension {dimension_id!r} appears twice", "duplicate_rubric_dimension",
                             {"id": dimension_id})

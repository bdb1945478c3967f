"""The shipped scenario files loaded into the database, one row per (id, version), and read back."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..standards.models import Standard
from .check import check_file, default_paths
from .format import Scenario
from .models import LIVE, SHARED, ScenarioDraft, ScenarioVersion
from .standards_data import KnownRefs, known_refs

ADDED, UNCHANGED = "added", "unchanged"


class CatalogueError(Exception):
    """A scenario file that cannot be loaded; the message says why and what to do."""


@dataclass(frozen=True)
class LoadResult:
    path: Path
    scenario_id: str
    version: int
    status: str


def content_hash(document: Mapping[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_files(session: Session, paths: Iterable[Path] | None = None,
               standards: KnownRefs | None = None) -> list[LoadResult | CatalogueError]:
    """Load each file (default: scenarios/*.yaml) in its own savepoint; errors are returned, not raised."""
    standards = known_refs() if standards is None else standards
    results: list[LoadResult | CatalogueError] = []
    for path in default_paths() if paths is None else paths:
        try:
            with session.begin_nested():
                results.append(load_path(session, Path(path), standards))
        except CatalogueError as error:
            results.append(error)
    return results


def load_path(session: Session, path: Path, standards: KnownRefs) -> LoadResult:
    """Check a file, then store it unless that id and version are already loaded."""
    report = check_file(path, standards, playthroughs=0)
    if report.has_errors:
        first = next(problem for problem in report.problems if problem.severity == "error")
        raise CatalogueError(f"{path.name}: not loaded: it fails the check ({first}); "
                             "run `assessor scenarios check` for every problem")
    status = load_document(session, report.document.data)
    document = report.document.data
    return LoadResult(path, document["id"], document["version"], status)


def load_document(session: Session, document: Mapping[str, Any]) -> str:
    """ADDED or UNCHANGED; CatalogueError when the same id and version was loaded with other content."""
    digest = content_hash(document)
    existing = find_version(session, document["id"], document["version"])
    if existing is not None:
        if existing.content_hash != digest:
            raise CatalogueError(
                f"{document['id']} version {document['version']} is already loaded with different content. "
                "Attempts replay from the version they were played on, so a loaded version never changes: "
                "bump the version (add 1 to `version:` in the file) and load it again.")
        return UNCHANGED
    session.add(ScenarioVersion(
        scenario_id=document["id"], version=document["version"],
        title=document["title"]["cy"], title_en=document["title"]["en"],
        summary=document["summary"]["cy"], summary_en=document["summary"]["en"],
        document=dict(document), content_hash=digest,
    ))
    session.flush()
    return ADDED


def find_version(session: Session, scenario_id: str, version: int | None = None) -> ScenarioVersion | None:
    """That version of the scenario, or its newest when no version is given."""
    query = select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id)
    if version is not None:
        query = query.where(ScenarioVersion.version == version)
    return session.scalar(query.order_by(ScenarioVersion.version.desc()).limit(1))


def newest_versions(session: Session, provider_id: int | None = None) -> list[ScenarioVersion]:
    """The newest live version of every scenario a learner of this provider may start (the site's, those shared
    with the site and the provider's own, none retired), by English title."""
    newest: dict[str, ScenarioVersion] = {}
    query = select(ScenarioVersion).where(_playable(provider_id)).order_by(ScenarioVersion.version)
    for row in session.scalars(query):
        newest[row.scenario_id] = row
    return sorted(newest.values(), key=lambda row: row.title_en.lower())


def playable_version(session: Session, scenario_id: str, provider_id: int | None) -> ScenarioVersion | None:
    """The newest live version a learner of this provider may start: None for another provider's unshared scenario,
    a retired one, or one with no version approved yet."""
    query = select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id, _playable(provider_id))
    return session.scalar(query.order_by(ScenarioVersion.version.desc()).limit(1))


def _playable(provider_id: int | None):
    retired = select(ScenarioDraft.scenario_id).where(ScenarioDraft.retired_at.is_not(None))
    shared = select(ScenarioDraft.scenario_id).where(ScenarioDraft.shared_state == SHARED)
    owner = or_(ScenarioVersion.provider_id.is_(None), ScenarioVersion.scenario_id.in_(shared))
    if provider_id is not None:
        owner = or_(owner, ScenarioVersion.provider_id == provider_id)
    return and_(owner, ScenarioVersion.review_state == LIVE, ScenarioVersion.scenario_id.not_in(retired))


def scenario_of(row: ScenarioVersion) -> Scenario:
    return Scenario.from_document(row.document)


def cited_standards(session: Session, row: ScenarioVersion) -> list[Standard]:
    """The loaded standards a scenario version cites (a cited standard not loaded is left out)."""
    found = []
    for citation in row.document.get("standards") or []:
        standard = session.scalar(select(Standard).where(Standard.urn == citation["urn"],
                                                         Standard.version == str(citation["version"])))
        if standard is not None:
            found.append(standard)
    return found


def text(pair: Mapping[str, str] | None, language: str) -> str:
    """One side of a {cy, en} pair: the requested language, else the other."""
    pair = pair or {}
    return pair.get(language) or pair.get("en" if language == "cy" else "cy") or ""

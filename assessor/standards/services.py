"""Loading standards into the database, and finding them again."""
import copy
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..config import PROJECT_ROOT
from .models import KNOWLEDGE, PERFORMANCE, Criterion, Standard, StandardSuite
from .parser import ParseResult, decode, parse_standard
from .publications import UNCHANGED, Attachment, adopt, attach, plan_attachment

DEFAULT_VERSION = "1"
SCHEMA_PATH = PROJECT_ROOT / "standards" / "schema.json"
ITEM_LISTS = ((PERFORMANCE, "performance_criteria"), (KNOWLEDGE, "knowledge"))


class StandardError(Exception):
    """A standard that cannot be loaded; the message says why and what to do."""


class StandardConflict(StandardError):
    pass


class PublicationRefused(StandardError):
    """The other language's publication disagrees with the standard held too much to attach."""

    def __init__(self, plan: Attachment):
        self.plan = plan
        with force_locale("en"):
            reasons = "; ".join(str(d) for d in plan.differences if d.refuses)
        super().__init__(f"{plan.standard.urn} version {plan.standard.version} is held in another language, and this publication cannot be attached to it: {reasons}. Nothing was changed.")


@dataclass
class LoadOutcome:
    urn: str
    version: str
    status: str  # "added", "unchanged", "translation updated", "official text attached"
    standard: Standard
    attachment: Attachment | None = None


@lru_cache(maxsize=1)
def document_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_document(document: dict) -> None:
    validator = jsonschema.Draft202012Validator(document_schema())
    problems = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    if problems:
        details = "; ".join(f"{'/'.join(map(str, p.path)) or 'document'}: {p.message}" for p in problems[:5])
        raise StandardError(f"the document does not match standards/schema.json: {details}")


def content_hash(document: dict) -> str:
    """sha256 of the authoritative content: everything but the translations."""
    authoritative = {key: value for key, value in document.items() if key != "translations"}
    canonical = json.dumps(authoritative, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_document(session: Session, document: dict) -> LoadOutcome:
    """Store a standard; the same text again changes nothing, a changed text needs a new version."""
    validate_document(document)
    version = document.get("version") or DEFAULT_VERSION
    digest = content_hash(document)
    existing = find_standard(session, document["urn"], version)
    translations = document.get("translations") or {}
    translation = translations.get("en")
    if existing is None:
        standard = _new_standard(document, version, digest)
        session.add(standard)
        _apply_translation(standard, translation)
        adopt(standard, translations)
        session.flush()
        return LoadOutcome(standard.urn, version, "added", standard)
    if existing.content_hash != digest:
        raise StandardConflict(
            f"{existing.urn} version {version} is already loaded with different text. A standard in use is "
            "never changed in place: give the changed text a new version number (its 'Version number' "
            "line, or --version when importing) and load it again."
        )
    adopted = adopt(existing, translations)
    if "en" in adopted:
        _apply_translation(existing, translation)
    if adopted:
        return LoadOutcome(existing.urn, version, "translation updated", existing)
    if not translation or existing.translation_en == translation or existing.publication("en"):
        return LoadOutcome(existing.urn, version, "unchanged", existing)
    _apply_translation(existing, translation)
    return LoadOutcome(existing.urn, version, "translation updated", existing)


def plan_publication(session: Session, document: dict) -> Attachment | None:
    """When a standard of this URN and version is held in the other language: what attaching this would do."""
    version = document.get("version") or DEFAULT_VERSION
    held = find_standard(session, document["urn"], version)
    if held is None or held.language == document["language"]:
        return None
    return plan_attachment(held, document, content_hash(document))


def import_document(session: Session, document: dict, *, source: str) -> LoadOutcome:
    """Load a parsed standard, or attach it as the official text in its language to the standard held."""
    plan = plan_publication(session, document)
    if plan is None:
        return load_document(session, document)
    standard = plan.standard
    if plan.refused:
        raise PublicationRefused(plan)
    if plan.status == UNCHANGED:
        return LoadOutcome(standard.urn, standard.version, "unchanged", standard, plan)
    attach(plan, source=source)
    if plan.language == "en":
        _apply_translation(standard, plan.rendering)
    else:
        standard.search_text = _search_text(standard, standard.translation_en or {}, plan.rendering)
    session.flush()
    return LoadOutcome(standard.urn, standard.version, "official text attached", standard, plan)


def load_directory(session: Session, directory: Path) -> list[tuple[Path, LoadOutcome | StandardError]]:
    """Load every standard data file in a folder, each in its own savepoint."""
    results: list[tuple[Path, LoadOutcome | StandardError]] = []
    for path in sorted(directory.glob("*.json")):
        if path.name == SCHEMA_PATH.name:
            continue
        results.append((path, _load_file(session, path)))
    return results


def _load_file(session: Session, path: Path) -> LoadOutcome | StandardError:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return StandardError(f"cannot read {path.name}: {error}")
    try:
        with session.begin_nested():
            return load_document(session, document)
    except StandardError as error:
        return error


def parse_file(path: Path, **supplied: str | None) -> ParseResult:
    """Parse a NOS text file; `supplied` may give language, urn, title and version."""
    version = supplied.pop("version", None)
    result = parse_standard(decode(path.read_bytes()), **supplied)
    if version:
        result.document["version"] = version
    return result


def find_standard(session: Session, urn: str, version: str | None = None) -> Standard | None:
    """The standard with this URN at this version, or its newest version when none is given."""
    query = select(Standard).where(Standard.urn == urn)
    if version is not None:
        query = query.where(Standard.version == version)
    query = query.order_by(Standard.loaded_at.desc(), Standard.id.desc()).limit(1)
    return session.scalar(query.options(selectinload(Standard.criteria), selectinload(Standard.suites)))


@dataclass
class StandardPage:
    standards: list[Standard]
    counts: dict[int, dict[str, int]]
    total: int
    page: int
    pages: int


def search_standards(
    session: Session, *, text: str = "", suite: str = "", page: int = 1, per_page: int = 20, english: bool = False
) -> StandardPage:
    """Standards whose title, URN or keywords contain `text`, optionally in one suite, by title."""
    query = select(Standard)
    if text.strip():
        query = query.where(Standard.search_text.contains(text.strip().casefold(), autoescape=True))
    if suite:
        in_suite = select(StandardSuite.id).where(StandardSuite.standard_id == Standard.id, StandardSuite.name == suite)
        query = query.where(in_suite.exists())
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    title = func.coalesce(Standard.title_en, Standard.title) if english else Standard.title
    ordered = query.order_by(title, Standard.urn, Standard.version)
    standards = list(session.scalars(ordered.offset((page - 1) * per_page).limit(per_page).options(selectinload(Standard.suites))))
    return StandardPage(standards, item_counts(session, [s.id for s in standards]), total, page, pages)


def item_counts(session: Session, standard_ids: list[int]) -> dict[int, dict[str, int]]:
    """Top-level performance criteria and knowledge items per standard, in one query."""
    counts: dict[int, dict[str, int]] = {sid: {PERFORMANCE: 0, KNOWLEDGE: 0} for sid in standard_ids}
    if not standard_ids:
        return counts
    rows = session.execute(
        select(Criterion.standard_id, Criterion.kind, func.count())
        .where(Criterion.standard_id.in_(standard_ids), Criterion.parent_id.is_(None))
        .group_by(Criterion.standard_id, Criterion.kind)
    )
    for standard_id, kind, count in rows:
        counts[standard_id][kind] = count
    return counts


def suite_names(session: Session) -> list[tuple[str, str | None]]:
    """Every suite (Welsh name, English name), for the library's filter."""
    rows = session.execute(select(StandardSuite.name, func.max(StandardSuite.name_en)).group_by(StandardSuite.name).order_by(StandardSuite.name))
    return [(name, name_en) for name, name_en in rows]


# -- building rows ----------------------------------------------------------------------------


def _new_standard(document: dict, version: str, digest: str) -> Standard:
    authoritative = copy.deepcopy({key: value for key, value in document.items() if key != "translations"})
    standard = Standard(
        urn=document["urn"],
        urn_is_local=document["urn_is_local"],
        version=version,
        version_given=bool(document.get("version")),
        title=document["title"],
        language=document["language"],
        legacy=document["legacy"],
        document=authoritative,
        content_hash=digest,
    )
    standard.suites = [StandardSuite(name=name, position=index) for index, name in enumerate(document["suites"])]
    standard.criteria = list(_criteria_rows(document))
    return standard


def _criteria_rows(document: dict):
    position = 0
    for kind, key in ITEM_LISTS:
        for item in document[key]:
            parent = Criterion(kind=kind, ref=item["ref"], code=item["code"], text=item["text"], group=item["group"], position=position)
            position += 1
            yield parent
            for child in item["children"]:
                yield Criterion(kind=kind, ref=child["ref"], code=child["code"], text=child["text"], parent=parent, position=position)
                position += 1


def _apply_translation(standard: Standard, translation: dict | None) -> None:
    translation = copy.deepcopy(translation or {})
    standard.translation_en = translation or None
    standard.title_en = translation.get("title")
    items = translation.get("items", {})
    groups = translation.get("groups", {})
    for criterion in standard.criteria:
        criterion.text_en = items.get(criterion.ref)
        criterion.group_en = groups.get(criterion.group) if criterion.group else None
    suites_en = translation.get("suites", [])
    for suite in standard.suites:
        suite.name_en = suites_en[suite.position] if suite.position < len(suites_en) else None
    standard.search_text = _search_text(standard, translation)


def _search_text(standard: Standard, translation: dict, welsh: dict | None = None) -> str:
    document = standard.document
    welsh = welsh or {}
    words = [standard.title, standard.title_en or "", welsh.get("title", ""), standard.urn, *document.get("original_urns", [])]
    words += document.get("keywords", []) + translation.get("keywords", []) + welsh.get("keywords", [])
    return " | ".join(word for word in words if word).casefold()


def standard_versions(session: Session, urn: str) -> list[Standard]:
    """Every loaded version of a standard, newest first."""
    query = select(Standard).where(Standard.urn == urn).order_by(Standard.loaded_at.desc(), Standard.id.desc())
    return list(session.scalars(query))


def document_for_export(standard: Standard) -> dict:
    """The stored document with its English rendering, as the exporters take it."""
    document = dict(standard.document)
    translations = {"en": standard.translation_en} if standard.translation_en else {}
    translations.update({p.language: p.rendering for p in standard.publications if p.language != standard.language})
    if translations:
        document["translations"] = translations
    return document

"""What the CASE service serves: the packages of the public standards, each object findable by its identifier.

Only standards marked public are in the catalogue, in every language they have (the Welsh original and the English
rendering), and their `replacedBy` links name only public versions, so nothing of a standard that is not public
can be found or guessed from the service. The catalogue is built once for each state of the public standards
(their ids, versions, load times, contents, translations and publications) and base address, and kept in this process.
"""
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC
from threading import Lock

from sqlalchemy import select
from sqlalchemy.orm import Session

from .exports import ExportContext
from .exports.case import case_identifier, case_package, case_uri
from .models import Standard, StandardPublication
from .reading import other_language
from .services import document_for_export

COLLECTIONS = ("CFDocuments", "CFPackages", "CFItems", "CFAssociations")
#: how many catalogues (states of the public standards, base addresses) one process keeps
CATALOGUES_KEPT = 4


@dataclass
class Catalogue:
    """Every CFDocument (as listed), and every object by collection and identifier, as the service answers them."""

    documents: list[dict] = field(default_factory=list)
    objects: dict[tuple[str, str], dict] = field(default_factory=dict)


_catalogues: dict[str, Catalogue] = {}
_lock = Lock()


def case_object(session: Session, base_url: str, collection: str, identifier: str) -> dict | None:
    """The object the service answers at /ims/case/v1p1/`collection`/`identifier`, or None (not public, or none)."""
    return catalogue(session, base_url).objects.get((collection, identifier.lower()))


def case_documents(session: Session, base_url: str) -> list[dict]:
    """Every public standard's CFDocument in each of its languages, by title."""
    return catalogue(session, base_url).documents


def package_identifier(standard: Standard, language: str | None = None) -> str:
    """The identifier of the standard's CFDocument (and CFPackage) in a language, the original's by default."""
    return case_identifier(standard.document, language or standard.language)


def languages(standard: Standard) -> list[str]:
    """The standard's own language, and the other when it has an official publication or a rendering in it."""
    other = other_language(standard)
    return [standard.language] + ([other] if other else [])


def changed_at(standard: Standard, language: str):
    """When the text in `language` was stored: the version's loading, or the later attaching of its publication."""
    publication = standard.publication(language) if language != standard.language else None
    moments = [standard.loaded_at] + ([publication.attached_at] if publication else [])
    return max(moment if moment.tzinfo else moment.replace(tzinfo=UTC) for moment in moments)


def export_context(standard: Standard, versions: list[Standard], base_url: str | None, language: str | None = None) -> ExportContext:
    """The stored date, the base address, and the neighbours among `versions` (newest first) for `standard`."""
    ids = [version.id for version in versions]
    at = ids.index(standard.id) if standard.id in ids else None
    newer = versions[at - 1] if at else None
    older = versions[at + 1] if at is not None and at + 1 < len(versions) else None
    return ExportContext(
        changed_at=changed_at(standard, language or standard.language),
        base_url=base_url,
        newer=document_for_export(newer) if newer else None,
        older=document_for_export(older) if older else None,
    )


def catalogue(session: Session, base_url: str) -> Catalogue:
    key = _fingerprint(session, base_url)
    with _lock:
        found = _catalogues.get(key)
    if found is None:
        found = _build(_public_standards(session), base_url)
        with _lock:
            if len(_catalogues) >= CATALOGUES_KEPT:
                _catalogues.clear()
            _catalogues[key] = found
    return found


def _public_standards(session: Session) -> list[Standard]:
    query = select(Standard).where(Standard.public.is_(True)).order_by(Standard.urn, Standard.loaded_at.desc(), Standard.id.desc())
    return list(session.scalars(query))


def _fingerprint(session: Session, base_url: str) -> str:
    """What the catalogue depends on, read without the documents: the public standards and their translations."""
    columns = (Standard.id, Standard.urn, Standard.version, Standard.loaded_at, Standard.content_hash, Standard.translation_en)
    rows = session.execute(select(*columns).where(Standard.public.is_(True)).order_by(Standard.id))
    state = [tuple(row) for row in rows]
    attached = (StandardPublication.standard_id, StandardPublication.language, StandardPublication.content_hash, StandardPublication.attached_at)
    public_ids = select(Standard.id).where(Standard.public.is_(True))
    state += [tuple(row) for row in session.execute(select(*attached).where(StandardPublication.standard_id.in_(public_ids)).order_by(*attached[:2]))]
    return hashlib.sha256(json.dumps([base_url, state], sort_keys=True, default=str).encode()).hexdigest()


def _build(standards: list[Standard], base_url: str) -> Catalogue:
    found = Catalogue()
    for standard in standards:
        versions = [other for other in standards if other.urn == standard.urn]
        for language in languages(standard):
            context = export_context(standard, versions, base_url, language)
            _add_package(found, case_package(document_for_export(standard), language, context), base_url)
    found.documents.sort(key=lambda document: (document["title"].casefold(), document["identifier"]))
    return found


def _add_package(found: Catalogue, package: dict, base_url: str) -> None:
    document = package["CFDocument"]
    identifier = document["identifier"]
    document_link = {"title": document["title"], "identifier": identifier, "uri": document["uri"]}
    package_link = {**document_link, "uri": case_uri(base_url, "CFPackages", identifier)}
    listed = {**document, "CFPackageURI": package_link}
    found.documents.append(listed)
    found.objects[("CFDocuments", identifier)] = listed
    found.objects[("CFPackages", identifier)] = package
    for item in package["CFItems"]:
        found.objects[("CFItems", item["identifier"])] = {**item, "CFDocumentURI": document_link}
    for association in package["CFAssociations"]:
        found.objects.setdefault(
            ("CFAssociations", association["identifier"]), {**association, "CFDocumentURI": document_link}
        )

"""1EdTech CASE 1.1: a CFPackage with the standard, its sections, groups, items, and the associations between them.

Besides the `isChildOf` tree, a package links its neighbours: the English package `isTranslationOf` the Welsh one
(the document and each translated item), and a version is `replacedBy` the next (same URN, newer version). The
`uri` of every object is where the CASE service (assessor/standards/case_views.py) answers for it.
"""
import json
import uuid
from datetime import UTC, datetime
from functools import lru_cache

from .tree import CASE_NAMESPACE, LANGUAGES, ExportContext, Node, Rendering, details, render, shorten, tree

#: The creator when the text names neither who developed the standard nor its originating organisation.
CASE_CREATOR = "UK National Occupational Standards"
CASE_PATH = "/ims/case/v1p1"
CASE_ITEM_TYPES = {
    ("section", "performance_criteria"): "Section",
    ("section", "knowledge"): "Section",
    ("group", "performance_criteria"): "Group",
    ("group", "knowledge"): "Group",
    ("item", "performance_criteria"): "Performance criterion",
    ("item", "knowledge"): "Knowledge item",
    ("child", "performance_criteria"): "Sub-item",
    ("child", "knowledge"): "Sub-item",
}


def case_identifier(document: dict, language: str, key: str = "") -> str:
    """A stable UUID for one object of a standard's CASE package (`key` empty for the CFDocument)."""
    return _uuid5("/".join((document.get("urn") or "", document.get("version") or "", language, key)))


@lru_cache(maxsize=65536)
def _uuid5(name: str) -> str:
    """A package names most identifiers twice (an item, and the links to it): each is made once."""
    return str(uuid.uuid5(CASE_NAMESPACE, name))


def case_uri(base_url: str | None, collection: str, identifier: str) -> str:
    """Where the CASE service answers for the object (`CFItems`, ...); a bare `urn:uuid:` without a base address."""
    if not base_url:
        return f"urn:uuid:{identifier}"
    return f"{base_url.rstrip('/')}{CASE_PATH}/{collection}/{identifier}"


def case_datetime(moment: datetime | None) -> str:
    """The stored version's time in UTC; a package is never dated by guesswork."""
    if moment is None:
        raise ValueError("a CASE package is dated by when its version was stored: pass ExportContext(changed_at=...)")
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def export_case(document: dict, language: str = "cy", context: ExportContext | None = None) -> bytes:
    return (json.dumps(case_package(document, language, context), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def case_package(document: dict, language: str = "cy", context: ExportContext | None = None) -> dict:
    """The CFPackage as a dict: the CFDocument, every CFItem, and every CFAssociation."""
    context = context or ExportContext()
    package = _Package(render(document, language), context)
    return {
        "CFDocument": package.document(),
        "CFItems": [package.item(node) for node in package.nodes],
        "CFAssociations": [package.child_of(node) for node in package.nodes] + package.links(),
    }


class _Package:
    def __init__(self, rendering: Rendering, context: ExportContext) -> None:
        self.rendering, self.context = rendering, context
        self.source, self.language = rendering.document, rendering.language
        self.nodes = tree(rendering)
        self.changed = case_datetime(context.changed_at)
        self.titles = {node.key: node.label or shorten(node.text, 60) for node in self.nodes}

    def uri(self, collection: str, identifier: str) -> str:
        return case_uri(self.context.base_url, collection, identifier)

    def document(self) -> dict:
        rendering, source = self.rendering, self.source
        identifier = case_identifier(source, self.language)
        fields = {
            "identifier": identifier,
            "uri": self.uri("CFDocuments", identifier),
            "creator": rendering.field("developed_by") or rendering.field("originating_organisation") or CASE_CREATOR,
            "title": rendering.field("title"),
            "lastChangeDateTime": self.changed,
            "caseVersion": "1.1",
            "publisher": rendering.field("originating_organisation"),
            "description": rendering.field("overview"),
            "subject": rendering.list_field("suites") or None,
            "language": rendering.field_language("title"),
            "version": source.get("version"),
            "adoptionStatus": "Deprecated" if source.get("legacy") else "Adopted",
            "notes": "\n".join(details(rendering)) or None,
            "extensions": {
                "nosUrn": source.get("urn"),
                "nosUrnIsLocal": bool(source.get("urn_is_local")),
                "nosOriginalUrns": list(source.get("original_urns") or []),
                "unofficialTranslation": bool(rendering.translation) and rendering.translation.get("unofficial", True),
            },
        }
        return _present(fields)

    def item(self, node: Node) -> dict:
        identifier = case_identifier(self.source, self.language, node.key)
        fields = {
            "identifier": identifier,
            "uri": self.uri("CFItems", identifier),
            "fullStatement": node.text,
            "humanCodingScheme": node.key if node.code else None,
            "listEnumeration": str(node.position),
            "CFItemType": CASE_ITEM_TYPES[(node.kind, node.section)],
            "language": node.language,
            "lastChangeDateTime": self.changed,
            "extensions": {"nosPrintedCode": node.code} if node.code and node.code != node.key else None,
        }
        return _present(fields)

    def child_of(self, node: Node) -> dict:
        """The CFAssociation placing `node` under its parent (the CFDocument for a section)."""
        origin = self.link(self.source, self.language, node.key, self.titles[node.key])
        parent_title = self.titles[node.parent] if node.parent else self.rendering.field("title")
        destination = self.link(self.source, self.language, node.parent or "", parent_title)
        return self.association(f"{node.key}/isChildOf", "isChildOf", origin, destination, node.position)

    def links(self) -> list[dict]:
        """isTranslationOf between the two languages' packages, replacedBy between versions."""
        return self.translation_links() + self.version_links()

    def translation_links(self) -> list[dict]:
        original = self.source["language"]
        if not (self.source.get("translations") or {}).get(_other(original)):
            return []
        english = render(self.source, _other(original))
        translated = [node for node in tree(english) if node.language != original]
        original_titles = self.titles_in(original)
        pairs = [("", english.field("title"), self.source["title"])]
        pairs += [(node.key, node.label or shorten(node.text, 60), original_titles[node.key]) for node in translated]
        return [self.translation_link(key, *titles) for key, *titles in pairs]

    def titles_in(self, language: str) -> dict[str, str]:
        if language == self.language:
            return self.titles
        return {node.key: node.label or shorten(node.text, 60) for node in tree(render(self.source, language))}

    def translation_link(self, key: str, translated_title: str, original_title: str) -> dict:
        original = self.source["language"]
        origin = self.link(self.source, _other(original), key, translated_title)
        destination = self.link(self.source, original, key, original_title)
        name = f"{key}/isTranslationOf/{original}"
        return self.association(name, "isTranslationOf", origin, destination, None, language=_other(original))

    def version_links(self) -> list[dict]:
        pairs = [(self.context.older, self.source), (self.source, self.context.newer)]
        return [self.replaced_by(old, new) for old, new in pairs if old and new]

    def replaced_by(self, old: dict, new: dict) -> dict:
        origin = self.link(old, self.language, "", render(old, self.language).field("title"))
        destination = self.link(new, self.language, "", render(new, self.language).field("title"))
        name = f"replacedBy/{new.get('version') or ''}"
        return self.association(name, "replacedBy", origin, destination, None, document=old)

    def association(self, name, kind, origin, destination, sequence, *, language=None, document=None) -> dict:
        identifier = case_identifier(document or self.source, language or self.language, name)
        fields = {
            "identifier": identifier,
            "uri": self.uri("CFAssociations", identifier),
            "associationType": kind,
            "sequenceNumber": sequence,
            "originNodeURI": origin,
            "destinationNodeURI": destination,
            "lastChangeDateTime": self.changed,
        }
        return _present(fields)

    def link(self, document: dict, language: str, key: str, title: str) -> dict:
        identifier = case_identifier(document, language, key)
        collection = "CFItems" if key else "CFDocuments"
        return {"title": title, "identifier": identifier, "uri": self.uri(collection, identifier)}


def _other(language: str) -> str:
    return next(other for other in LANGUAGES if other != language)


def _present(fields: dict) -> dict:
    return {name: value for name, value in fields.items() if value is not None}

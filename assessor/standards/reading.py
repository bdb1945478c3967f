"""A standard arranged for reading in one language: the Welsh original or the English rendering."""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from .models import KNOWLEDGE, PERFORMANCE, Criterion, Standard

DETAIL_LABELS = {
    "developed_by": _l("Developed by"),
    "approved": _l("Approved on"),
    "version": _l("Version number"),
    "review_date": _l("Indicative review date"),
    "validity": _l("Validity"),
    "status": _l("Status"),
    "originating_organisation": _l("Originating organisation"),
    "original_urns": _l("Original URN"),
    "suites": _l("Suite"),
    "occupations": _l("Relevant occupations"),
    "soc_codes": _l("SOC code"),
    "keywords": _l("Keywords"),
}
SECTION_LABELS = {
    "scope": _l("Scope/range"),
    "values": _l("Values"),
    "behaviours": _l("Behaviours"),
    "skills": _l("Skills"),
    "glossary": _l("Glossary"),
}


@dataclass
class ItemView:
    ref: str
    code: str
    text: str
    children: list["ItemView"] = field(default_factory=list)


@dataclass
class GroupView:
    title: str | None
    items: list[ItemView]


@dataclass
class StandardReading:
    language: str
    is_translation: bool
    #: the text is the official publication in this language (when a translation), not an unofficial rendering
    official: bool
    title: str
    overview: list[str]
    performance: list[GroupView]
    knowledge: list[GroupView]
    sections: list[tuple[str, list[str]]]
    links: list[str]
    details: list[tuple[str, str]]


def has_translation(standard: Standard) -> bool:
    """The standard can also be read (and exported) in the other language."""
    return bool(standard.translation_en) or any(p.language != standard.language for p in standard.publications)


def rendering_of(standard: Standard, language: str) -> dict | None:
    """The standard's text in another language: its official publication there, else the unofficial English."""
    if language == standard.language:
        return None
    publication = standard.publication(language)
    if publication is not None:
        return publication.rendering
    return (standard.translation_en or None) if language == "en" else None


def other_language(standard: Standard) -> str | None:
    """The language the standard can also be read in, if any."""
    other = "en" if standard.language == "cy" else "cy"
    return other if rendering_of(standard, other) else None


def read_standard(standard: Standard, language: str) -> StandardReading:
    """The standard in `language` where a publication or rendering exists, else in its own language."""
    overlay = rendering_of(standard, language) or {}
    document = standard.document

    def text(key: str):
        return overlay.get(key) or document.get(key)

    return StandardReading(
        language=language if overlay else standard.language,
        is_translation=bool(overlay),
        official=bool(overlay) and standard.publication(language) is not None,
        title=text("title"),
        overview=_paragraphs(text("overview")),
        performance=_groups(standard, PERFORMANCE, overlay),
        knowledge=_groups(standard, KNOWLEDGE, overlay),
        sections=[(str(label), _paragraphs(text(key))) for key, label in SECTION_LABELS.items() if text(key)],
        links=text("links") or [],
        details=_details(document, overlay, standard),
    )


def _groups(standard: Standard, kind: str, overlay: dict) -> list[GroupView]:
    groups: list[GroupView] = []
    headings = overlay.get("groups") or {}
    for criterion in standard.top_level(kind):
        title = headings.get(criterion.group) or criterion.group if criterion.group else None
        if not groups or groups[-1].title != title:
            groups.append(GroupView(title, []))
        groups[-1].items.append(_item(criterion, overlay.get("items") or {}))
    return groups


def _item(criterion: Criterion, texts: dict) -> ItemView:
    text = texts.get(criterion.ref) or criterion.text
    return ItemView(criterion.ref, criterion.code, text, [_item(child, texts) for child in criterion.children])


def _details(document: dict, overlay: dict, standard: Standard) -> list[tuple[str, str]]:
    rows = []
    for key, label in DETAIL_LABELS.items():
        value = overlay.get(key) or document.get(key)
        if key == "version" and not value:
            continue
        if isinstance(value, list):
            value = "; ".join(value)
        if value:
            rows.append((str(label), value))
    return rows


def _paragraphs(text: str | None) -> list[str]:
    return [part for part in (text or "").split("\n\n") if part.strip()]

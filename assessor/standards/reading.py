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
    title: str
    overview: list[str]
    performance: list[GroupView]
    knowledge: list[GroupView]
    sections: list[tuple[str, list[str]]]
    links: list[str]
    details: list[tuple[str, str]]


def has_translation(standard: Standard) -> bool:
    return bool(standard.translation_en)


def read_standard(standard: Standard, language: str) -> StandardReading:
    """The standard in `language` where a rendering exists, else in its own language."""
    english = language == "en" and standard.language != "en" and has_translation(standard)
    overlay = (standard.translation_en or {}) if english else {}
    document = standard.document

    def text(key: str):
        return overlay.get(key) or document.get(key)

    return StandardReading(
        language="en" if english else standard.language,
        is_translation=english,
        title=text("title"),
        overview=_paragraphs(text("overview")),
        performance=_groups(standard, PERFORMANCE, english),
        knowledge=_groups(standard, KNOWLEDGE, english),
        sections=[(str(label), _paragraphs(text(key))) for key, label in SECTION_LABELS.items() if text(key)],
        links=text("links") or [],
        details=_details(document, overlay, standard),
    )


def _groups(standard: Standard, kind: str, english: bool) -> list[GroupView]:
    groups: list[GroupView] = []
    for criterion in standard.top_level(kind):
        title = (criterion.group_en or criterion.group) if english else criterion.group
        if not groups or groups[-1].title != title:
            groups.append(GroupView(title, []))
        groups[-1].items.append(_item(criterion, english))
    return groups


def _item(criterion: Criterion, english: bool) -> ItemView:
    text = (criterion.text_en or criterion.text) if english else criterion.text
    return ItemView(criterion.ref, criterion.code, text, [_item(child, english) for child in criterion.children])


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

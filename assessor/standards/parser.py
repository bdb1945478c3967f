"""Reads a National Occupational Standard from its published text, in Welsh or English.

`parse_standard(text)` returns a ParseResult: the document in the shape described by
`standards/schema.json`, the problems that stop it being used (errors) and the things a person
should check (warnings). Every problem names its line. It never raises on any input.
"""
import re
from dataclasses import dataclass, field

from .vocabulary import (
    ENGLISH_MARKERS,
    FREE_TEXT_SECTIONS,
    HEADING_INDEX,
    LABEL_INDEX,
    SUBHEADING_SET,
    TEXT_FIELDS,
    WELSH_MARKERS,
    normalise,
)

SCHEMA_VERSION = 1
LOCAL_URN_PREFIX = "LOCAL-"
URN_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{1,63}$")

_CODED = re.compile(r"^(?P<code>(?:PC|KU|P|K|G|C) ?\d{1,3}(?:\.\d{1,3})*)[.):]?\s+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^(?P<code>\d{1,3}(?:\.\d{1,3})*)(?:[.)]\s*|\s+)(?P<text>\S.*)$")
_BULLET = re.compile(r"^[-\u2013\u2022*\u00b7\u25aa\u25cf\u25e6]\s*(?P<text>\S.*)$")
_LETTERED = re.compile(r"^\(?(?P<code>[a-h]|i{1,3}|iv|v|vi{1,3})[.)]\s+(?P<text>\S.*)$")
_UNKNOWN_LABEL = re.compile(r"^[^\W\d_][^:]{0,39}:\s+(?P<value>\S.*)$")
LONGEST_KEY = 120
_SENTENCE_END = (".", "!", "?")
_TERMINAL = (".", "!", "?", ":", ";")
PROMPT_PHRASES = ("able to", "know and understand", "allu", "wybod a deall")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

ITEM_PREFIX = {"performance_criteria": "P", "knowledge": "K"}
SECTION_NAMES = {
    "preamble": "the opening lines",
    "performance_criteria": "the performance criteria",
    "knowledge": "the knowledge and understanding",
    "metadata": "the details at the end",
}
LIST_FIX = "Start it with a code (P1, K1), a number or a bullet (-)"
DETAIL_FIX = "Start it with a known label (Developed by: ..., Datblygwyd gan: ...)"


@dataclass
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ParseResult:
    document: dict
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Item:
    code: str | None
    text: str
    group: str | None
    line: int
    children: list["_Item"] = field(default_factory=list)


@dataclass
class _Line:
    number: int
    text: str


def decode(data: bytes) -> str:
    """Text from bytes in UTF-8 (with or without BOM), falling back to Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse_standard(
    text: str, *, language: str | None = None, urn: str | None = None, title: str | None = None
) -> ParseResult:
    """Parse NOS text; `language`, `urn` and `title` supply what the text lacks or override it."""
    try:
        return _Parser(text).run(language=language, urn=urn, title=title)
    except RecursionError:  # pragma: no cover - defensive; the parser does not recurse
        return ParseResult(document={}, errors=[Problem(None, "the text is too deeply nested to read")])


class _Parser:
    def __init__(self, text: str):
        cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", ""))
        self.lines = [_Line(n, raw.rstrip()) for n, raw in enumerate(cleaned.split("\n"), start=1)]
        self.section = "preamble"
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.free_text: dict[str, list[str | None]] = {name: [] for name in FREE_TEXT_SECTIONS}
        self.links: list[str] = []
        self.items: dict[str, list[_Item]] = {"performance_criteria": [], "knowledge": []}
        self.group: str | None = None
        self.after_item = False
        self.metadata: dict[str, list[str]] = {}
        self.other_metadata: dict[str, str] = {}
        self.pending_label: str | None = None
        self.title: str | None = None
        self.title_line: int | None = None
        self.pending_subheading: str | None = None
        self.seen_sections: set[str] = set()

    # -- the walk ---------------------------------------------------------------------------

    def run(self, *, language, urn, title) -> ParseResult:
        for index, line in enumerate(self.lines):
            stripped = line.text.strip()
            if not stripped:
                self._blank()
                continue
            self._line(index, line.number, stripped)
        document = self._document(language=language, urn=urn, title=title)
        return ParseResult(document=document, errors=self.errors, warnings=self.warnings)

    def _blank(self) -> None:
        self.after_item = False
        if self.section in FREE_TEXT_SECTIONS:
            self.free_text[self.section].append(None)

    def _line(self, index: int, number: int, stripped: str) -> None:
        key = _key(stripped)
        if self._heading(key, number):
            return
        if self.section in self.items and self._item(stripped, number):
            return
        if self._label(stripped, key, number):
            return
        if self.section in self.items:
            self._plain_in_list(index, number, stripped)
        elif self.section in FREE_TEXT_SECTIONS:
            self._free_text(stripped, key)
        elif self.section in ("links_nos", "links_external"):
            self.links.append(stripped)
        elif self.pending_label and _continues_value(self.metadata[self.pending_label], stripped):
            self.metadata[self.pending_label].append(stripped)
        elif self.section == "preamble" and self.title is None:
            self.title, self.title_line = stripped, number
        else:
            self._cannot_place(number, stripped)

    def _heading(self, key: str, number: int) -> bool:
        section = HEADING_INDEX.get(key)
        if section is None:
            if self.section == "scope" and key in SUBHEADING_SET:
                self.pending_subheading = key
                return True
            return False
        if section in self.seen_sections and section in self.items:
            self.warnings.append(Problem(number, f"a second '{key}' heading: its items join the first list"))
        self.section, self.group, self.after_item, self.pending_label = section, None, False, None
        self.pending_subheading = None
        self.seen_sections.add(section)
        return True

    def _label(self, stripped: str, key: str, number: int) -> bool:
        found = _split_label(stripped)
        if found is None and self.section == "metadata":
            found = _unknown_colon_label(stripped)
        if found is None:
            return False
        field_name, value = found
        if field_name is None:
            if self.section in ("metadata", "preamble") or self.pending_label:
                label = stripped.partition("\t" if "\t" in stripped else ":")[0].strip()
                self.other_metadata[label] = value
                self.warnings.append(Problem(number, f"unknown detail '{label}': kept under other_metadata"))
                return True
            return False
        if self.section not in ("preamble",):
            self.section = "metadata"
        self.after_item = False
        self.metadata.setdefault(field_name, [])
        if value:
            self.metadata[field_name].append(value)
        self.pending_label = field_name
        return True

    def _free_text(self, stripped: str, key: str) -> None:
        lines = self.free_text[self.section]
        if self.pending_subheading:
            lines.extend([None, _title_case(self.pending_subheading), None])
            self.pending_subheading = None
        lines.append(stripped)

    # -- criteria and knowledge ---------------------------------------------------------------

    def _item(self, stripped: str, number: int) -> bool:
        match = _match_item(stripped)
        if match is None:
            return False
        kind, code, text = match
        items = self.items[self.section]
        parent = items[-1] if items else None
        if parent and (kind == "lettered" or _is_child_code(code, parent.code)):
            parent.children.append(_Item(code, text, None, number))
        elif kind == "lettered":
            return False
        else:
            items.append(_Item(code, text, self.group, number))
        self.after_item = True
        self.pending_label = None
        return True

    def _plain_in_list(self, index: int, number: int, stripped: str) -> None:
        items = self.items[self.section]
        next_line = self._next_nonblank(index)
        next_is_item = next_line is not None and _match_item(next_line.text.strip()) is not None
        if self.after_item and items and _continues_item(_last_item(items).text, stripped, next_is_item):
            _last_item(items).text += " " + stripped
            return
        if not items and self.group is None and _is_prompt(stripped, next_is_item):
            return
        if next_is_item:
            self.group = stripped.rstrip(":").strip()
            self.after_item = False
            return
        if items and stripped[0].islower():
            _last_item(items).text += " " + stripped
            return
        if self.title is None and self._followed_by_details(next_line):
            self.title, self.title_line = stripped, number
            self.warnings.append(Problem(number, "no title at the top: the line before the details was taken as the title"))
            return
        self._cannot_place(number, stripped)

    def _followed_by_details(self, next_line: _Line | None) -> bool:
        if next_line is None:
            return True
        key = _key(next_line.text)
        return _split_label(next_line.text.strip()) is not None or key in HEADING_INDEX

    def _next_nonblank(self, index: int) -> _Line | None:
        for line in self.lines[index + 1 :]:
            if line.text.strip():
                return line
        return None

    def _cannot_place(self, number: int, stripped: str) -> None:
        where = SECTION_NAMES.get(self.section, f"the '{self.section}' section")
        excerpt = stripped if len(stripped) <= 60 else stripped[:57] + "..."
        fix = LIST_FIX if self.section in self.items else DETAIL_FIX
        self.errors.append(
            Problem(
                number,
                f"cannot place '{excerpt}' in {where}: it is not a criterion, a group heading, a known "
                f"heading or a detail. {fix}, put it under a heading, or remove it.",
            )
        )

    # -- the document -------------------------------------------------------------------------

    def _document(self, *, language, urn, title) -> dict:
        meta = self.metadata
        found_urn = _first(meta.get("urn"))
        found_title = _first(meta.get("title")) or self.title
        document = {
            "schema_version": SCHEMA_VERSION,
            "urn": None,
            "urn_is_local": False,
            "original_urns": _split_list(meta.get("original_urns"), r"[,;\s]+"),
            "title": None,
            "legacy": False,
            "language": None,
            "overview": self._text("overview"),
            "performance_criteria": self._criteria("performance_criteria"),
            "knowledge": self._criteria("knowledge"),
            "scope": self._text("scope"),
            "values": self._text("values"),
            "behaviours": self._text("behaviours"),
            "skills": self._text("skills"),
            "glossary": self._text("glossary"),
            "links": self.links,
        }
        for name in TEXT_FIELDS:
            document[name] = _joined(meta.get(name))
        document["suites"] = _split_list(meta.get("suites"), r";|\n")
        document["occupations"] = _rejoin_lowercase(_split_list(meta.get("occupations"), r"[,;]"))
        document["soc_codes"] = _split_list(meta.get("soc_codes"), r"[,;\s]+")
        document["keywords"] = _split_list(meta.get("keywords"), r"[,;]")
        document["other_metadata"] = self.other_metadata
        self._settle_identity(document, urn or found_urn, title or found_title, explicit_urn=bool(urn))
        document["language"] = self._language(language)
        self._require_lists(document)
        return document

    def _settle_identity(self, document: dict, urn: str | None, title: str | None, *, explicit_urn: bool) -> None:
        if urn:
            urn = urn.strip()
            if not URN_PATTERN.match(urn):
                self.errors.append(Problem(None, f"'{urn}' is not a usable URN: letters, digits, '.', '-' and '_' only"))
            document["urn"] = urn
            document["urn_is_local"] = urn.upper().startswith(LOCAL_URN_PREFIX)
        else:
            hint = ""
            if document["original_urns"]:
                hint = (
                    f" (the text gives only an original URN, {document['original_urns'][0]}; for an identifier of "
                    f"your own, mark it local: --urn {LOCAL_URN_PREFIX}{document['original_urns'][0]})"
                )
            self.errors.append(Problem(None, f"no URN found: pass --urn{hint}"))
        if title:
            document["title"] = title.strip()
        else:
            self.errors.append(Problem(None, "no title found: pass --title"))
        legacy_title = "legacy" in (document["title"] or "").casefold()
        legacy_urn = bool(document["urn"]) and not document["urn_is_local"] and document["urn"].endswith("L")
        document["legacy"] = legacy_title or legacy_urn

    def _language(self, language: str | None) -> str:
        if language in ("cy", "en"):
            return language
        if language:
            self.errors.append(Problem(None, f"unknown language '{language}': use cy or en"))
        words = re.findall(r"[^\W\d_]+", " ".join(line.text for line in self.lines).casefold())
        welsh = sum(word in WELSH_MARKERS for word in words)
        english = sum(word in ENGLISH_MARKERS for word in words)
        return "cy" if welsh > english else "en"

    def _require_lists(self, document: dict) -> None:
        if not document["performance_criteria"]:
            self.errors.append(
                Problem(None, "no performance criteria found: the text needs a 'Performance criteria' "
                        "('Meini prawf perfformiad') heading followed by the criteria")
            )
        if not document["knowledge"]:
            self.errors.append(
                Problem(None, "no knowledge items found: the text needs a 'Knowledge and understanding' "
                        "('Gwybodaeth a dealltwriaeth') heading followed by the items")
            )

    def _text(self, section: str) -> str | None:
        return _paragraphs(self.free_text[section])

    def _criteria(self, section: str) -> list[dict]:
        items = self.items[section]
        prefix = ITEM_PREFIX[section]
        for position, item in enumerate(items, start=1):
            if item.code is None:
                item.code = f"{prefix}{position}"
        refs = [_ref(prefix, item.code) for item in items]
        by_position = len(set(refs)) != len(refs)
        if by_position:
            repeat = next(item for item, ref in zip(items, refs, strict=False) if refs.count(ref) > 1 and item is not items[refs.index(ref)])
            self.warnings.append(
                Problem(repeat.line, f"numbering restarts or repeats here: items are referred to by position ({prefix}1, {prefix}2, ...)")
            )
            refs = [f"{prefix}{position}" for position in range(1, len(items) + 1)]
        return [_item_dict(item, ref, prefix, by_position) for item, ref in zip(items, refs, strict=False)]


# -- helpers -----------------------------------------------------------------------------------


def _key(text: str) -> str:
    """The heading or label form of a line; empty for lines too long to be either."""
    return normalise(text) if len(text) <= LONGEST_KEY else ""


def _match_item(stripped: str) -> tuple[str, str | None, str] | None:
    for kind, pattern in (("coded", _CODED), ("numbered", _NUMBERED), ("lettered", _LETTERED), ("bullet", _BULLET)):
        match = pattern.match(stripped)
        if match:
            code = match.groupdict().get("code")
            return kind, code.replace(" ", "") if code else None, match.group("text").strip()
    return None


def _split_label(stripped: str) -> tuple[str | None, str] | None:
    """(field, value) when the line is a detail: 'Label: value', 'Label<TAB>value' or 'Label' alone."""
    if "\t" in stripped:
        label, _, value = stripped.partition("\t")
        return LABEL_INDEX.get(_key(label)), value.strip()
    key = _key(stripped)
    if key in LABEL_INDEX:
        return LABEL_INDEX[key], ""
    label, colon, value = stripped.partition(":")
    if colon and _key(label) in LABEL_INDEX:
        return LABEL_INDEX[_key(label)], value.strip()
    return None


def _unknown_colon_label(stripped: str) -> tuple[None, str] | None:
    """(None, value) for a detail with a label the vocabulary does not know ("Level: 3")."""
    match = _UNKNOWN_LABEL.match(stripped)
    return (None, match.group("value").strip()) if match else None


def _is_prompt(stripped: str, next_is_item: bool) -> bool:
    """True for the line that introduces the list ("You must be able to:")."""
    if not stripped.endswith(":"):
        return False
    key = normalise(stripped)
    return not next_is_item or any(phrase in key for phrase in PROMPT_PHRASES)


def _continues_item(item_text: str, stripped: str, next_is_item: bool) -> bool:
    """True for a hard-wrapped line that carries on the item just read."""
    if stripped[0].islower():
        return True
    return not next_is_item and not item_text.endswith(_SENTENCE_END)


def _continues_value(values: list[str], stripped: str) -> bool:
    """True for the value of a label given alone, or a hard-wrapped line that carries the value on."""
    if not values:
        return True
    return stripped[0].islower() or values[-1].endswith((",", ";"))


def _is_child_code(code: str | None, parent_code: str | None) -> bool:
    return bool(code and parent_code and code.startswith(parent_code + "."))


def _last_item(items: list[_Item]) -> _Item:
    last = items[-1]
    return last.children[-1] if last.children else last


def _ref(prefix: str, code: str) -> str:
    return code if code[0].isalpha() else f"{prefix}{code}"


def _item_dict(item: _Item, ref: str, prefix: str, by_position: bool) -> dict:
    children = []
    for index, child in enumerate(item.children, start=1):
        if by_position:
            child_ref = f"{ref}.{index}"
        elif _is_child_code(child.code, item.code):
            child_ref = _ref(prefix, child.code)
        else:
            child_ref = f"{ref}{child.code}"
        children.append({"code": child.code, "ref": child_ref, "text": child.text})
    return {"code": item.code, "ref": ref, "text": item.text, "group": item.group, "children": children}


def _paragraphs(lines: list[str | None]) -> str | None:
    paragraphs: list[str] = []
    current: str | None = None
    for line in lines:
        if line is None:
            if current:
                paragraphs.append(current)
            current = None
        elif current and not current.endswith(_TERMINAL) and line[0].islower():
            current += " " + line
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs) or None


def _title_case(key: str) -> str:
    return key[:1].upper() + key[1:]


def _first(values: list[str] | None) -> str | None:
    return values[0].strip() if values else None


def _joined(values: list[str] | None) -> str | None:
    text = " ".join(value.strip() for value in values or [] if value.strip())
    return text or None


def _rejoin_lowercase(parts: list[str]) -> list[str]:
    """Parts split at a comma inside a name ("Craft, creative arts and design") put back together."""
    joined: list[str] = []
    for part in parts:
        if joined and part[0].islower():
            joined[-1] += ", " + part
        else:
            joined.append(part)
    return joined


def _split_list(values: list[str] | None, separators: str) -> list[str]:
    parts = re.split(separators, "\n".join(values or []))
    cleaned = [part.strip().strip(".").strip() for part in parts]
    return [part for part in cleaned if part]

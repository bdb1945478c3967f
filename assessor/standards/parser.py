"""Reads a National Occupational Standard from its published text, in Welsh or English.

`parse_standard(text)` returns a ParseResult: the document in the shape described by
`standards/schema.json`, the problems that stop it being used (errors) and the things a person
should check (warnings). Every problem names its line. It never raises on any input.
"""
import re

from .parse_document import DocumentBuilder
from .parse_lines import (
    continues_item,
    continues_value,
    is_child_code,
    is_prompt,
    last_item,
    line_key,
    match_item,
    split_label,
    unknown_colon_label,
)
from .parse_model import (  # noqa: F401  (LOCAL_URN_PREFIX, URN_PATTERN and Problem are part of this API)
    DETAIL_FIX,
    LIST_FIX,
    LOCAL_URN_PREFIX,
    SECTION_NAMES,
    URN_PATTERN,
    Item,
    Line,
    ParseResult,
    Problem,
)
from .vocabulary import FREE_TEXT_SECTIONS, HEADING_INDEX, SUBHEADING_SET

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


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


class _Parser(DocumentBuilder):
    def __init__(self, text: str):
        cleaned = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", ""))
        self.lines = [Line(n, raw.rstrip()) for n, raw in enumerate(cleaned.split("\n"), start=1)]
        self.section = "preamble"
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.free_text: dict[str, list[str | None]] = {name: [] for name in FREE_TEXT_SECTIONS}
        self.links: list[str] = []
        self.items: dict[str, list[Item]] = {"performance_criteria": [], "knowledge": []}
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
        key = line_key(stripped)
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
        elif self.pending_label and continues_value(self.metadata[self.pending_label], stripped):
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
        found = split_label(stripped)
        if found is None and self.section == "metadata":
            found = unknown_colon_label(stripped)
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
        match = match_item(stripped)
        if match is None:
            return False
        kind, code, text = match
        items = self.items[self.section]
        parent = items[-1] if items else None
        if parent and (kind == "lettered" or is_child_code(code, parent.code)):
            parent.children.append(Item(code, text, None, number))
        elif kind == "lettered":
            return False
        else:
            items.append(Item(code, text, self.group, number))
        self.after_item = True
        self.pending_label = None
        return True

    def _plain_in_list(self, index: int, number: int, stripped: str) -> None:
        items = self.items[self.section]
        next_line = self._next_nonblank(index)
        next_is_item = next_line is not None and match_item(next_line.text.strip()) is not None
        if self.after_item and items and continues_item(last_item(items).text, stripped, next_is_item):
            last_item(items).text += " " + stripped
            return
        if not items and self.group is None and is_prompt(stripped, next_is_item):
            return
        if next_is_item:
            self.group = stripped.rstrip(":").strip()
            self.after_item = False
            return
        if items and stripped[0].islower():
            last_item(items).text += " " + stripped
            return
        if self.title is None and self._followed_by_details(next_line):
            self.title, self.title_line = stripped, number
            self.warnings.append(Problem(number, "no title at the top: the line before the details was taken as the title"))
            return
        self._cannot_place(number, stripped)

    def _followed_by_details(self, next_line: Line | None) -> bool:
        if next_line is None:
            return True
        key = line_key(next_line.text)
        return split_label(next_line.text.strip()) is not None or key in HEADING_INDEX

    def _next_nonblank(self, index: int) -> Line | None:
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


def _title_case(key: str) -> str:
    return key[:1].upper() + key[1:]

"""The walk over a standard's lines: headings switch sections, details are gathered, free text is kept."""
import re

from .parse_document import DocumentBuilder
from .parse_lines import BARE_NUMBER, SENTENCE_END, continues_value, line_key, split_label, unknown_colon_label
from .parse_lists import ListReader
from .parse_model import SECTION_NAMES, Item, Line, ParseResult, Problem, _l
from .parse_pages import furniture
from .vocabulary import FREE_TEXT_SECTIONS, HEADING_INDEX, SUBHEADING_SET

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
PROSE_WORDS = 9


def clean_lines(text: str) -> list[Line]:
    """The text's lines, numbered from 1, without control characters or trailing spaces."""
    cleaned = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", ""))
    return [Line(number, raw.rstrip()) for number, raw in enumerate(cleaned.split("\n"), start=1)]


class LineWalker(ListReader, DocumentBuilder):
    """One pass over the lines: each line is a heading, an item, a detail, free text, or a problem named by its line."""

    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.section = "preamble"
        self.errors: list[Problem] = []
        self.furniture, self.warnings = furniture(self.lines)
        self.free_text: dict[str, list[str | None]] = {name: [] for name in FREE_TEXT_SECTIONS}
        self.links: list[str] = []
        self.items: dict[str, list[Item]] = {"performance_criteria": [], "knowledge": []}
        self.group: str | None = None
        self.after_item = False
        self.metadata: dict[str, list[str]] = {}
        self.other_metadata: dict[str, str] = {}
        self.pending_label: str | None = None
        self.title: str | None = None
        self.pending_subheading: str | None = None
        self.seen_sections: set[str] = set()
        self.reset_list_state()

    def run(self, *, language, urn, title) -> ParseResult:
        for index, line in enumerate(self.lines):
            stripped = line.text.strip()
            if line.number in self.furniture:
                continue
            if not stripped:
                self._blank()
                continue
            self._line(index, line, stripped)
        self.finish_lists()
        document = self._document(language=language, urn=urn, title=title)
        return ParseResult(document=document, errors=self.errors, warnings=self.warnings)

    def _blank(self) -> None:
        self.after_item = False
        if self.section in FREE_TEXT_SECTIONS:
            self.free_text[self.section].append(None)

    def _line(self, index: int, line: Line, stripped: str) -> None:
        key, number = line_key(stripped), line.number
        if self._heading(key, number):
            return
        if self.section in self.items and self.list_line(index, number, stripped):
            return
        if self._label(stripped, key, number):
            return
        if self.section in self.items:
            self.plain_in_list(index, number, stripped)
        elif self.section in FREE_TEXT_SECTIONS:
            self._free_text(stripped, number)
        elif self.section in ("links_nos", "links_external"):
            self.links.append(stripped)
        elif self.pending_label and continues_value(self.metadata[self.pending_label], stripped, line.text[:1].isspace()):
            self.metadata[self.pending_label].append(stripped)
        elif self.section == "preamble":
            self._preamble_text(number, stripped)
        else:
            self.cannot_place(number, stripped)

    def _heading(self, key: str, number: int) -> bool:
        section = HEADING_INDEX.get(key)
        if section is None:
            if self.section == "scope" and key in SUBHEADING_SET:
                self.pending_subheading = key
                return True
            return False
        if section in self.seen_sections and section in self.items:
            self.warnings.append(Problem(number, _l("a second '%(heading)s' heading: its items join the first list", heading=key)))
        self.finish_lists()
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
                self.warnings.append(Problem(number, _l("unknown detail '%(label)s': kept under other_metadata", label=label)))
                return True
            return False
        self.finish_lists()
        if self.section != "preamble":
            self.section = "metadata"
        self.after_item = False
        self.metadata.setdefault(field_name, [])
        if value:
            self.metadata[field_name].append(value)
        self.pending_label = field_name
        return True

    def _free_text(self, stripped: str, number: int) -> None:
        if BARE_NUMBER.match(stripped):
            self.warnings.append(Problem(number, _l("'%(number)s' alone on a line was taken for a page number and left out", number=stripped)))
            return
        lines = self.free_text[self.section]
        if self.pending_subheading:
            lines.extend([None, self.pending_subheading[:1].upper() + self.pending_subheading[1:], None])
            self.pending_subheading = None
        lines.append(stripped)

    def _preamble_text(self, number: int, stripped: str) -> None:
        """The title at the top, or the overview's prose straight under the details with no heading."""
        has_title = self.title is not None or bool(self.metadata.get("title"))
        if not has_title and not self.metadata:
            self.title = stripped
        elif has_title and (stripped.endswith(SENTENCE_END) or len(stripped.split()) >= PROSE_WORDS):
            self.section, self.pending_label = "overview", None
            self.seen_sections.add("overview")
            self._free_text(stripped, number)
        elif not has_title:
            self.title = stripped
        else:
            self.cannot_place(number, stripped)

    def next_nonblank(self, index: int) -> Line | None:
        for line in self.lines[index + 1 :]:
            if line.text.strip() and line.number not in self.furniture:
                return line
        return None

    def cannot_place(self, number: int, stripped: str) -> None:
        where = SECTION_NAMES.get(self.section) or _l("the '%(section)s' section", section=self.section)
        excerpt = stripped if len(stripped) <= 60 else stripped[:57] + "..."
        if self.section in self.items:
            message = _l("cannot place '%(excerpt)s' in %(where)s: it is not a criterion, a group heading, a known heading or a "
                         "detail. Start it with a code (P1, K1), a number or a bullet (-), put it under a heading, or remove it.",
                         excerpt=excerpt, where=where)
        else:
            message = _l("cannot place '%(excerpt)s' in %(where)s: it is not a criterion, a group heading, a known heading or a "
                         "detail. Start it with a known label (Developed by: ..., Datblygwyd gan: ...), put it under a heading, "
                         "or remove it.", excerpt=excerpt, where=where)
        self.errors.append(Problem(number, message))

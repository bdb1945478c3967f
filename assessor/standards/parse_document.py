"""The parsed document: identity (URN, title, language), the criteria with their refs, and the details, as schema.json shapes them."""
import re

from .parse_lines import TERMINAL, is_child_code
from .parse_model import ITEM_PREFIX, LOCAL_URN_PREFIX, SCHEMA_VERSION, URN_PATTERN, Item, Problem, _l
from .vocabulary import ENGLISH_MARKERS, TEXT_FIELDS, WELSH_MARKERS


class DocumentBuilder:
    """The parser's last stage: what the walk over the lines gathered, made into the document."""

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
                self.errors.append(Problem(None, _l("'%(urn)s' is not a usable URN: letters, digits, '.', '-' and '_' only", urn=urn)))
            document["urn"] = urn
            document["urn_is_local"] = urn.upper().startswith(LOCAL_URN_PREFIX)
        elif document["original_urns"]:
            self.errors.append(Problem(None, _l(
                "no URN found: pass --urn (the text gives only an original URN, %(original)s; for an identifier "
                "of your own, mark it local: --urn %(local)s)",
                original=document["original_urns"][0], local=LOCAL_URN_PREFIX + document["original_urns"][0],
            )))
        else:
            self.errors.append(Problem(None, _l("no URN found: pass --urn")))
        if title:
            document["title"] = title.strip()
        else:
            self.errors.append(Problem(None, _l("no title found: pass --title")))
        legacy_title = "legacy" in (document["title"] or "").casefold()
        legacy_urn = bool(document["urn"]) and not document["urn_is_local"] and document["urn"].endswith("L")
        document["legacy"] = legacy_title or legacy_urn

    def _language(self, language: str | None) -> str:
        if language in ("cy", "en"):
            return language
        if language:
            self.errors.append(Problem(None, _l("unknown language '%(language)s': use cy or en", language=language)))
        words = re.findall(r"[^\W\d_]+", " ".join(line.text for line in self.lines).casefold())
        welsh = sum(word in WELSH_MARKERS for word in words)
        english = sum(word in ENGLISH_MARKERS for word in words)
        return "cy" if welsh > english else "en"

    def _require_lists(self, document: dict) -> None:
        if not document["performance_criteria"]:
            self.errors.append(
                Problem(None, _l("no performance criteria found: the text needs a 'Performance criteria' "
                                 "('Meini prawf perfformiad') heading followed by the criteria"))
            )
        if not document["knowledge"]:
            self.errors.append(
                Problem(None, _l("no knowledge items found: the text needs a 'Knowledge and understanding' "
                                 "('Gwybodaeth a dealltwriaeth') heading followed by the items"))
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
                Problem(repeat.line, _l("numbering restarts or repeats here: items are referred to by position (%(first)s, %(second)s, ...)",
                                         first=f"{prefix}1", second=f"{prefix}2"))
            )
            refs = [f"{prefix}{position}" for position in range(1, len(items) + 1)]
        return [_item_dict(item, ref, prefix, by_position) for item, ref in zip(items, refs, strict=False)]


def _ref(prefix: str, code: str) -> str:
    return code if code[0].isalpha() else f"{prefix}{code}"


def _item_dict(item: Item, ref: str, prefix: str, by_position: bool) -> dict:
    children = []
    for index, child in enumerate(item.children, start=1):
        if by_position:
            child_ref = f"{ref}.{index}"
        elif is_child_code(child.code, item.code):
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
        elif current and not current.endswith(TERMINAL) and line[0].islower():
            current += " " + line
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs) or None


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

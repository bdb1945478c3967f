"""What one line of NOS text is: a heading key, a criterion (coded, numbered, lettered, bulleted), a detail, a prompt."""
import re

from .parse_model import Item
from .vocabulary import LABEL_INDEX, normalise

CODED = re.compile(r"^(?P<code>(?:PC|KU|P|K|G|C) ?\d{1,3}(?:\.\d{1,3})*)[.):]?\s+(?P<text>\S.*)$")
NUMBERED = re.compile(r"^(?P<code>\d{1,3}(?:\.\d{1,3})*)(?:\s?[.)]\s*|\s+)(?P<text>\S.*)$")
BULLET = re.compile(r"^[-\u2013\u2022*\u00b7\u25aa\u25cf\u25e6]\s*(?P<text>\S.*)$")
LETTERED = re.compile(r"^\(?(?P<code>[a-h]|i{1,3}|iv|v|vi{1,3})[.)]\s+(?P<text>\S.*)$")
CODE_ALONE = re.compile(r"^(?P<code>(?:PC|KU|P|K|G|C) ?\d{1,3}(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})*[.)])$")
BARE_NUMBER = re.compile(r"^\d{1,3}$")
GROUP_THEN_CODED = re.compile(r"^(?P<group>[^\W\d_][^\t]*?[^\s:])[:\s]\s*(?P<item>(?:PC|KU|P|K|G) ?\d{1,3}[.):]?\s+\S.*)$")
GROUP_THEN_NUMBERED = re.compile(r"^(?P<group>[^\W\d_][^\t]*?\S)(?:\t+|\s{2,})(?P<item>\d{1,3}[.)]?\s+\S.*)$")
GLYPHS = r"[\u2023\u2043\u25a0-\u25ff\u2190-\u21ff\u2713\u2714\u2794-\u27bf\uf000-\uf0ff]"
STEP = r"(?i:step|cam|item|eitem|no\.?|rhif) ?\d{1,3}\b"
#: how a line starts when it is meant as a numbered or bulleted item in a form the parser does not read
LOOKS_LIKE_ITEM = re.compile(rf"^(?:\(?\d{{1,3}}\s*[.):\-]|\(\d{{1,3}}|\(?(?:PC|KU|P|K|G|C)\s*\d{{1,3}}\b|{STEP}|[\u2010-\u2015]|{GLYPHS}|>)")
#: another item inside a line: a code or number with its stop, a table cell's number, a step, a bullet
CODE_INSIDE = re.compile(
    r"\s\(?(?:(?:PC|KU|P|K|G) ?\d{1,3}(?:\.\d{1,3})*[.):]?|\d{1,3}(?:\.\d{1,3})*\s?[.):])\s+\S"
    r"|\s\d{1,3} -\s+[^\W\d]"
    rf"|(?:\t|\s\s)\d{{1,3}}(?:\.\d{{1,3}})*\s+\S|\s{STEP}|\s{GLYPHS}\s"
)
DIGIT_OR_GLYPH = re.compile(rf"\d|{GLYPHS}")
NUMBERED_GROUP = re.compile(
    r"^(?:performance criteria|meini prawf perfformiad|knowledge and understanding|gwybodaeth a dealltwriaeth)\s*\d{1,2}$"
)
UNKNOWN_LABEL = re.compile(r"^[^\W\d_][^:]{0,39}:\s+(?P<value>\S.*)$")
LONGEST_KEY = 120
SENTENCE_END = (".", "!", "?")
TERMINAL = (".", "!", "?", ":", ";")
PROMPT_PHRASES = ("able to", "know and understand", "allu", "wybod a deall")


def line_key(text: str) -> str:
    """The heading or label form of a line; empty for lines too long to be either."""
    return normalise(text) if len(text) <= LONGEST_KEY else ""


def match_item(stripped: str) -> tuple[str, str | None, str] | None:
    for kind, pattern in (("coded", CODED), ("numbered", NUMBERED), ("lettered", LETTERED), ("bullet", BULLET)):
        match = pattern.match(stripped)
        if match:
            code = match.groupdict().get("code")
            return kind, code.replace(" ", "") if code else None, match.group("text").strip()
    return None


def holds_another_item(text: str, code: str | None) -> bool:
    """True when an item's text carries another item in it: a code (P2, 2.), a table cell's number, or the next plain number."""
    if not DIGIT_OR_GLYPH.search(text):
        return False
    if CODE_INSIDE.search(" " + text):
        return True
    if code and code.isdigit():
        return re.search(rf"(?<!\S){int(code) + 1}\s+\S", text) is not None
    return False


def is_numbered_group(stripped: str) -> bool:
    """True for a group heading such as "Performance criteria 2" or "Meini Prawf Perfformiad 1"."""
    return stripped[-1].isdigit() and len(stripped) < 50 and NUMBERED_GROUP.match(line_key(stripped)) is not None


def split_label(stripped: str) -> tuple[str | None, str] | None:
    """(field, value) for a detail: 'Label: value', 'Label<TAB>value', 'Label    value' or 'Label' alone."""
    if "\t" in stripped:
        label, _, value = stripped.partition("\t")
        return LABEL_INDEX.get(line_key(label)), value.strip()
    label, spaces, value = stripped.partition("  ")
    if spaces and line_key(label) in LABEL_INDEX:
        return LABEL_INDEX[line_key(label)], value.strip()
    key = line_key(stripped)
    if key in LABEL_INDEX:
        return LABEL_INDEX[key], ""
    label, colon, value = stripped.partition(":")
    if colon and line_key(label) in LABEL_INDEX:
        return LABEL_INDEX[line_key(label)], value.strip()
    return None


def unknown_colon_label(stripped: str) -> tuple[None, str] | None:
    """(None, value) for a detail with a label the vocabulary does not know ("Level: 3")."""
    match = UNKNOWN_LABEL.match(stripped)
    return (None, match.group("value").strip()) if match else None


def is_prompt(stripped: str, next_is_item: bool) -> bool:
    """True for the line that introduces the list ("You must be able to:")."""
    if not stripped.endswith(":"):
        return False
    key = normalise(stripped)
    return not next_is_item or any(phrase in key for phrase in PROMPT_PHRASES)


def continues_item(item_text: str, stripped: str, next_is_item: bool) -> bool:
    """True for a hard-wrapped line that carries on the item just read."""
    if stripped[0].islower():
        return True
    return not next_is_item and not item_text.endswith(SENTENCE_END)


def continues_value(values: list[str], stripped: str, indented: bool = False) -> bool:
    """True for the value of a label given alone, or a wrapped line (indented in a table) that carries it on."""
    if not values or indented:
        return True
    return stripped[0].islower() or values[-1].endswith((",", ";"))


def is_child_code(code: str | None, parent_code: str | None) -> bool:
    return bool(code and parent_code and code.startswith(parent_code + "."))


def last_item(items: list[Item]) -> Item:
    last = items[-1]
    return last.children[-1] if last.children else last

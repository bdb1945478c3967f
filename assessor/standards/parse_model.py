"""What the NOS parser produces and works with: problems, the result, items and lines, and the words it uses for them.

A problem's message is lazily translated: in a request it reads in the reader's language (Welsh from the
catalogue), anywhere else (the command line, tests) in English.
"""
import re
from dataclasses import dataclass, field

from flask import has_request_context
from flask_babel import gettext
from flask_babel.speaklater import LazyString

SCHEMA_VERSION = 1
LOCAL_URN_PREFIX = "LOCAL-"
URN_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{1,63}$")

ITEM_PREFIX = {"performance_criteria": "P", "knowledge": "K"}


def _words(message: str, values: dict) -> str:
    text = gettext(message) if has_request_context() else message
    return text % values if values else text


def _l(message: str, **values) -> LazyString:
    """A parser message: translated when shown in a request, English elsewhere; `values` fill its %(name)s."""
    return LazyString(_words, message, values)


SECTION_NAMES = {
    "preamble": _l("the opening lines"),
    "performance_criteria": _l("the performance criteria"),
    "knowledge": _l("the knowledge and understanding"),
    "metadata": _l("the details at the end"),
}


@dataclass
class Problem:
    line: int | None
    message: str | LazyString

    @property
    def english(self) -> str:
        """The message in English, whatever the reader's language (for matching a known problem)."""
        if not isinstance(self.message, LazyString):
            return self.message
        text, values = self.message._args
        return text % values if values else text

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else str(self.message)


@dataclass
class ParseResult:
    document: dict
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Item:
    code: str | None
    text: str
    group: str | None
    line: int
    children: list["Item"] = field(default_factory=list)


@dataclass
class Line:
    number: int
    text: str

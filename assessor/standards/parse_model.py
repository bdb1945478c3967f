"""What the NOS parser produces and works with: problems, the result, items and lines, and the words it uses for them."""
import re
from dataclasses import dataclass, field

SCHEMA_VERSION = 1
LOCAL_URN_PREFIX = "LOCAL-"
URN_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{1,63}$")

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

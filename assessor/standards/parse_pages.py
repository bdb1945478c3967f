"""Page furniture left in text copied out of a PDF: page numbers, copyright lines, and headers and footers repeated on every page."""
import re
from collections import Counter

from .parse_model import Line, Problem, _l

PAGE_NUMBER = re.compile(r"^(?:(?:page|tudalen)\s+\d{1,3}(?:\s+(?:of|o)\s+\d{1,3})?|\d{1,3}\s*(?:/|of|o)\s*\d{1,3}|-\s*\d{1,3}\s*-)$", re.I)
TRAILING_PAGE = re.compile(r"(?:\s+|\t)(?:(?:page|tudalen)\s+)?\d{1,3}(?:\s+(?:of|o)\s+\d{1,3})?$", re.I)
BARE_NUMBER = re.compile(r"^\d{1,3}$")
SHOWN = 12
COPYRIGHT = ("©", "(c) ", "hawlfraint", "copyright")


def furniture(lines: list[Line]) -> tuple[set[int], list[Problem]]:
    """Numbers of the lines that are page furniture, and a warning for each kind left out."""
    texts = {line.number: line.text.strip() for line in lines if line.text.strip()}
    repeated = Counter(_without_page(text) for text in texts.values())
    dropped: set[int] = set()
    for number, text in texts.items():
        if PAGE_NUMBER.match(text) or text.startswith("\u00a9") or (repeated[_without_page(text)] > 1 and _looks_like_running_head(text)):
            dropped.add(number)
    shown = ", ".join(str(number) for number in sorted(dropped)[:SHOWN]) + (", ..." if len(dropped) > SHOWN else "")
    warnings = [Problem(min(dropped), _l("page numbers, headers or footers were left out (lines %(lines)s)", lines=shown))] if dropped else []
    return dropped, warnings


def _without_page(text: str) -> str:
    return (TRAILING_PAGE.sub("", text).strip() if text[-1].isdigit() else text).casefold()


def _looks_like_running_head(text: str) -> bool:
    """A line repeated on each page: a footer with a page number, a copyright line, or the URN and title."""
    folded = text.casefold()
    if folded.startswith(COPYRIGHT) or TRAILING_PAGE.search(text) and re.search(r"(?:page|tudalen)\s+\d", folded):
        return True
    first = text.split()[0]
    return bool(re.fullmatch(r"[A-Z]{3,}[A-Z0-9]*\d{1,3}L?", first)) and len(text.split()) > 1

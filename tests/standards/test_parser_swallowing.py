"""No input makes a criterion whose text swallows another criterion: the parser reads the item or refuses the line.

The generator writes standards whose words hold no digits, in every numbering the corpus shows and in
numberings the parser does not read ("(2)", "2:", "2 -", arrows), then mangles them as copying out of a
PDF does: lines wrapped and indented, two items run onto one line, page furniture, codes alone on a line.
Whatever comes out, no criterion's text holds an item's start: each code stayed an item, or the parser
refused the line and said which.
"""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.standards.parser import parse_standard

from .test_parser_fuzz import any_text

WORDS = (
    "agree check keep record tell the customer client records plan safely and with your of to before "
    "cytuno gwirio cadw cofnodion cwsmer cleient yn unol â gweithdrefnau eich sefydliad ar gyfer"
).split()
STYLES = (
    "P{n} ", "K{n} ", "{n}. ", "{n} ", "{n}) ", "P{n}\t", "{n}\t", "PC{n} ", "G{n} ",  # read
    "({n}) ", "{n}: ", "{n} - ", "\u27a2 ", "\uf0b7 ", "(P{n}) ", "Step {n} ",  # not read
)
FURNITURE = ("Page 2 of 3", "Tudalen 1 o 2", "3", "EXABC01 Plan the work   2", "\u00a9 Example Skills 2025")
#: a numbered or bulleted item's start, as any of STYLES writes it
MARKER = re.compile(r"(?<!\S)(?:\(?(?:PC|KU|P|K|G)\s?\d{1,3}[.):]?|\(?\d{1,3}\s?[.):-]|Step \d{1,3}|[\u27a2\uf0b7])(?=\s)|\t\d")
sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=9).map(" ".join)


@st.composite
def item_lines(draw, heading: str) -> list[str]:
    count = draw(st.integers(1, 7))
    style = draw(st.sampled_from(STYLES))
    lines = [heading, draw(st.sampled_from(["You must be able to:", "Mae angen i chi wybod a deall:", ""]))]
    for n in range(1, count + 1):
        item_style = draw(st.sampled_from([style, style, style, *STYLES]))
        text = draw(sentence)
        marker = item_style.format(n=n)
        shape = draw(st.sampled_from(["plain", "plain", "wrapped", "indented", "joined", "alone", "furniture"]))
        if shape == "wrapped" and " " in text:
            head, _, tail = text.partition(" ")
            lines += [marker + head, draw(st.sampled_from(["", "   ", "\t"])) + tail]
        elif shape == "indented":
            lines.append(" " * draw(st.integers(1, 8)) + marker + text)
        elif shape == "joined" and lines:
            lines[-1] += draw(st.sampled_from([" ", "\t", "   "])) + marker + text
        elif shape == "alone":
            lines += [marker.strip(), text]
        elif shape == "furniture":
            lines += [marker + text, draw(st.sampled_from(FURNITURE))]
        else:
            lines.append(marker + text)
    return lines


@st.composite
def mangled_standard(draw) -> str:
    lines = ["Title: Plan the work", "URN: EXABC01", ""]
    lines += draw(item_lines("Performance criteria"))
    lines += [""] + draw(item_lines(draw(st.sampled_from(["Knowledge and understanding", "Gwybodaeth a dealltwriaeth"]))))
    if draw(st.booleans()):
        lines += ["", "Developed by: Example Skills"]
    return "\n".join(lines)


def every_item(document: dict):
    for section in ("performance_criteria", "knowledge"):
        for item in document[section]:
            yield item
            yield from item["children"]


def swallowed(text: str, codes: set[str]) -> list[str]:
    """Codes of other items that the text holds as numbered items ("P3 ...", "2. "); letters alone (a, b) are words too."""
    found = []
    for code in filter(lambda code: any(char.isdigit() for char in code), codes):
        ending = r"[.):]?" if code[0].isalpha() else r"[.)]"
        if re.search(rf"(?<!\S)\(?{re.escape(code)}{ending}(?=\s)", text):
            found.append(code)
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mangled_standard())
def test_no_criterion_swallows_a_numbered_item(text):
    result = parse_standard(text)
    for item in every_item(result.document):
        assert not MARKER.search(item["text"]), (item, text, [str(p) for p in result.errors])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.one_of(sentence, st.builds(lambda s, n, t: s.format(n=n) + t, st.sampled_from(STYLES), st.integers(1, 12), sentence), st.text(max_size=30)), max_size=30))
def test_no_criterion_holds_another_criterions_code(lines):
    text = "\n".join(["Title: T", "URN: EXABC01", "Performance criteria", *lines, "Knowledge and understanding", *lines[::-1]])
    document = parse_standard(text).document
    items = list(every_item(document))
    for item in items:
        others = {other["code"] for other in items if other is not item and other["code"] != item["code"]}
        assert not swallowed(item["text"], others), item


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_no_criterion_of_any_text_or_mangled_seed_holds_another_criterions_code(text):
    items = list(every_item(parse_standard(text).document))
    for item in items:
        others = {other["code"] for other in items if other is not item and other["code"] != item["code"]}
        assert not swallowed(item["text"], others), item


def test_the_check_itself_sees_a_swallowed_item():
    assert swallowed("agree the plan 2. keep records", {"2"}) == ["2"]
    assert swallowed("agree the plan P3 keep records", {"P3"}) == ["P3"]
    assert swallowed("within 2 days", {"2"}) == []
    assert swallowed("trust, commitment a cooperation", {"a"}) == []


def test_a_refused_line_is_named():
    result = parse_standard("Title: T\nURN: EXABC01\nPerformance criteria\n1. agree the plan\n(2) keep records\n")
    assert [problem.line for problem in result.errors if problem.line] == [5]
    assert [item["text"] for item in result.document["performance_criteria"]] == ["agree the plan"]


def test_a_code_waiting_for_its_text_never_takes_another_code_as_its_text():
    result = parse_standard("Title: T\nURN: EXABC01\nPerformance criteria\n1. agree the plan\n2. keep records\n3\nP3\ntell people\n")
    assert not result.ok and {problem.line for problem in result.errors} >= {6}
    for item in every_item(result.document):
        assert not MARKER.search(item["text"]), item

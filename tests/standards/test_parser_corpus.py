"""Every layout in tests/standards/corpus/ parses to exactly the structure written beside it.

Each NAME.txt has NAME.expected.json: what is supplied (as --urn would), the errors and warnings
with their lines, and the whole document. A refused text is compared too: its errors name the line.
"""
import json
from pathlib import Path

import pytest

from assessor.standards.parser import decode, parse_standard
from assessor.standards.services import validate_document

CORPUS = Path(__file__).resolve().parent / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))


def expected_for(path: Path) -> dict:
    return json.loads(path.with_name(path.name[: -len(".txt")] + ".expected.json").read_text(encoding="utf-8"))


def test_the_corpus_covers_every_layout_in_both_languages():
    names = {path.name for path in TEXTS}
    for layout in ("knowledge_by_criteria_groups", "group_on_item_line", "overview_under_details", "broken_numbering", "page_furniture"):
        assert {f"{layout}.cy.txt", f"{layout}.en.txt"} <= names
    assert {"two_column.en.txt", "two_column_spaces.cy.txt"} <= names
    assert len([name for name in names if name.startswith("seed_")]) == 5


def test_every_expected_file_has_its_text():
    for expected in CORPUS.glob("*.expected.json"):
        assert expected.with_name(expected.name.replace(".expected.json", ".txt")).exists(), expected.name


@pytest.mark.parametrize("path", TEXTS, ids=[path.stem for path in TEXTS])
def test_corpus_text_parses_exactly_as_expected(path):
    expected = expected_for(path)
    result = parse_standard(decode(path.read_bytes()), **expected.get("supply", {}))
    assert [[problem.line, str(problem.message)] for problem in result.errors] == expected["errors"]
    assert [[problem.line, str(problem.message)] for problem in result.warnings] == expected["warnings"]
    assert result.document == expected["document"]
    if result.ok:
        validate_document(result.document)
    else:
        assert any(problem.line for problem in result.errors), "a refused corpus text names the line to mend"

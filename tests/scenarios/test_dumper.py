"""The canonical dump reads back as the same document, whatever the strings and numbers in it."""
from assessor.scenarios.dumper import dump_document
from assessor.scenarios.editing import add_node
from assessor.scenarios.loader import load_file, load_text

from .conftest import VALID


def test_awkward_values_read_back_unchanged():
    document = add_node(load_file(VALID).data, "yes")
    document["nodes"]["123"] = {"client": {"cy": 'Mae\'r "pris" yn\nnewid: #1', "en": "on"},
                                "choices": [{"text": {"cy": "", "en": "null"}, "if": True,
                                             "effects": {"trust": -1.5, "agreed": False, "days": "= 4", "zero": 0},
                                             "shows": [], "next": "yes"}]}
    text = dump_document(document)
    assert load_text(text).data == document
    assert "effects: {trust: -1.5, agreed: false, days: \"= 4\", zero: 0}" in text
    assert '\n  "yes":\n' in text and '\n  "123":\n' in text


def test_positive_effects_keep_their_sign_and_nothing_else_does():
    text = dump_document(load_file(VALID).data)
    assert "effects: {trust: +2, agreed: true}" in text
    assert "trust: {initial: 5, min: 0, max: 10, visible: true, label: {cy: Ymddiriedaeth, en: Trust}}" not in text
    assert "    initial: 5\n    min: 0\n    max: 10\n" in text

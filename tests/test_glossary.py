"""The catalogue uses one Welsh word for each glossary term: none of the words docs/glossary.md rules out."""
import re
from pathlib import Path

from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = REPO / "docs" / "glossary.md"
CATALOG = REPO / "assessor" / "translations" / "cy" / "LC_MESSAGES" / "messages.po"


def ruled_out() -> dict[str, list[str]]:
    """{English term: the Welsh words not to use}, from the glossary's table."""
    rows = [line.split("|")[1:-1] for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    return {english.strip(): [word.strip() for word in banned.split(",") if word.strip()] for english, _welsh, banned in rows[1:]}


def welsh_strings() -> list[str]:
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale="cy")
    strings = []
    for message in catalog:
        if message.id and message.string:
            strings += list(message.string) if isinstance(message.string, tuple) else [message.string]
    return strings


def test_the_glossary_rules_out_words():
    banned = ruled_out()
    assert "assessor" in banned and "asesydd" in banned["assessor"]


def test_the_catalogue_uses_the_glossary_s_words():
    strings = welsh_strings()
    found = [
        f"{english}: {word!r} in {text!r}"
        for english, words in ruled_out().items()
        for word in words
        for text in strings
        if re.search(rf"\b[hH]?{re.escape(word)}\b", text, re.IGNORECASE)
    ]
    assert not found, "use the glossary's word (docs/glossary.md):\n" + "\n".join(found)

"""Every user-facing string in the code and templates has a Welsh translation."""
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[1]
CATALOG = REPO / "assessor" / "translations" / "cy" / "LC_MESSAGES" / "messages.po"
METHODS = [("assessor/**.py", "python"), ("templates/**.html", "jinja2")]


def source_messages() -> dict[str, str]:
    """msgid -> where it is first used, read from the source as it is now."""
    found: dict[str, str] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(REPO, METHODS):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(msgid, filename)
    return found


def test_every_string_has_a_welsh_translation():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale="cy")
    missing = []
    for msgid, filename in source_messages().items():
        entry = catalog.get(msgid)
        if entry is None or not entry.string or entry.fuzzy:
            missing.append(f"{filename}: {msgid!r}")
    assert not missing, "strings without a Welsh translation:\n" + "\n".join(sorted(missing))


def test_the_catalog_has_no_translations_left_unused():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale="cy")
    used = set(source_messages())
    stale = sorted(message.id for message in catalog if message.id and message.id not in used)
    assert not stale, f"remove these from messages.po (no longer in the source): {stale}"

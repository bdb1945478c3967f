"""Every user-facing string in the code and templates has a Welsh translation, and none is stale."""
from babel.messages.pofile import read_po

from assessor.translations.update import HERE, source_catalog, translated

CATALOG = HERE / "cy" / "LC_MESSAGES" / "messages.po"


def welsh_catalog():
    with CATALOG.open("rb") as handle:
        return read_po(handle, locale="cy")


def test_every_string_has_a_welsh_translation():
    catalog = welsh_catalog()
    missing = []
    for message in source_catalog():
        entry = catalog.get(message.id)
        if message.id and (entry is None or not translated(entry.string) or entry.fuzzy):
            filename, lineno = message.locations[0]
            missing.append(f"{filename}:{lineno}: {message.id!r}")
    assert not missing, "strings without a Welsh translation (run assessor/translations/update.py):\n" + "\n".join(missing)


def test_a_plural_counts_as_translated_only_with_every_form():
    assert translated(("un", "dau", "tri", "llawer"))
    assert not translated(("un", "", "tri", "llawer"))
    assert not translated(("", "", "", ""))
    assert not translated("")


def test_the_catalog_has_no_translations_left_unused():
    used = {message.id for message in source_catalog()}
    stale = sorted(message.id for message in welsh_catalog() if message.id and message.id not in used)
    assert not stale, f"strings no longer in the source (run assessor/translations/update.py): {stale}"


def test_placeholders_survive_translation():
    for message in welsh_catalog():
        if message.id and message.string:
            for placeholder in ("%(count)d", "%(email)s", "%(name)s", "%(link)s", "%(provider)s", "%(urn)s", "%(version)s"):
                assert (placeholder in message.id) == (placeholder in message.string), (message.id, placeholder)

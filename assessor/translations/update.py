"""Refresh the catalogs from the source: `python assessor/translations/update.py [--merge OTHER.po]`.

Extracts every string (keywords _, gettext, ngettext, _l, lazy_gettext) from assessor/ and
templates/, updates cy and en catalogs and keeps the translations already made: the Welsh catalogue
`cy/LC_MESSAGES/messages.po` is the one place the Welsh lives. `--merge OTHER.po` fills the strings
still without Welsh from another catalogue (for example the other side of a merge). Exits 1 while any
string lacks its Welsh.
"""
import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
METHODS = [("assessor/**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}


def source_catalog() -> Catalog:
    catalog = Catalog(project="Assessor")
    for filename, lineno, message, comments, context in extract_from_dir(REPO, METHODS, keywords=KEYWORDS):
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def translated(string: str | tuple) -> bool:
    """A plural counts as translated only when every one of its forms is."""
    return all(string) if isinstance(string, tuple) else bool(string)


def update(locale: str, merge: dict[str, str]) -> list[str]:
    path = HERE / locale / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = read_po(path.open("rb"), locale=locale) if path.exists() else Catalog(locale=locale)
    template = source_catalog()
    catalog = Catalog(locale=locale, project="Assessor")
    missing = []
    for message in template:
        if not message.id:
            continue
        old = existing.get(message.id)
        string = next((found for found in (old.string if old else "", merge.get(message.id, "")) if translated(found)), "")
        catalog.add(message.id, string=string if locale != "en" else "", locations=message.locations)
        if locale != "en" and not translated(string):
            missing.append(message.id)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, include_lineno=False)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--merge", type=Path, action="append", default=[], help="another Welsh .po file")
    args = parser.parse_args()
    merge: dict[str, str] = {}
    for path in args.merge:
        merge.update({m.id: m.string for m in read_po(path.open("rb"), locale="cy") if m.id and translated(m.string)})
    update("en", {})
    missing = update("cy", merge)
    for msgid in missing:
        print(f"no Welsh yet: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

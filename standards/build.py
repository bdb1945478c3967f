"""Regenerate the shipped standards from their seed texts, keeping the English translations.

Each data file in standards/ is the importer's output for one seed text (listed in
standards/sources.toml) plus a top-level "translations" key that people write by hand.
This script runs the importer (`assessor standards parse`) on every source, replaces the
parsed part of the data file with what the importer now produces, and keeps the file's
existing "translations" as they are.

    .venv/bin/python standards/build.py            rebuild every data file
    .venv/bin/python standards/build.py --check    change nothing; exit 1 if any data file
                                                   differs from what a rebuild would write

Both also check that each translation still covers the parsed text: an English entry for
every criterion, knowledge item and sub-item (by ref), for every group heading, list
entry (suites, occupations, keywords, links) and text field, and nothing left over. A gap
is reported and makes the exit status 1, so a parser change that adds, drops or renames an
item cannot slip through with a stale translation.

Options: --seeds DIR (default standards/sources/).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from importlib.util import find_spec
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_SEEDS = ROOT / "standards" / "sources"
SOURCES = HERE / "sources.toml"

#: text fields rendered one to one: null in English exactly when null in Welsh
SCALAR_FIELDS = (
    "title", "overview", "scope", "values", "behaviours", "skills", "glossary",
    "developed_by", "approved", "review_date", "validity", "status", "originating_organisation",
)
#: list fields rendered entry by entry, same order and count
LIST_FIELDS = ("links", "suites", "occupations", "keywords")
ITEM_LISTS = ("performance_criteria", "knowledge")
ALLOWED_KEYS = {"unofficial", "note", "groups", "items", *SCALAR_FIELDS, *LIST_FIELDS}


def parse(entry: dict, seeds: Path) -> dict:
    """The importer's document for one sources.toml entry."""
    command = [sys.executable, "-c", "from assessor.cli import main; main()",
               "standards", "parse", str(seeds / entry["source"])]
    for option in ("urn", "title"):
        if entry.get(option):
            command += [f"--{option}", entry[option]]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    for line in run.stderr.splitlines():
        print(f"  importer: {line}", file=sys.stderr)
    if run.returncode != 0:
        raise SystemExit(f"{entry['source']}: the importer failed (exit {run.returncode})")
    return json.loads(run.stdout)


def render(parsed: dict, translations: dict | None) -> str:
    document = dict(parsed)
    if translations is not None:
        document["translations"] = translations
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def translation_problems(document: dict) -> list[str]:
    """What the English rendering lacks or has too much of, against the Welsh."""
    english = (document.get("translations") or {}).get("en")
    if not english:
        return ["no English translation (translations.en)"]
    problems = [f"unknown key {key!r}" for key in sorted(set(english) - ALLOWED_KEYS)]
    if english.get("unofficial") is not True or not english.get("note"):
        problems.append("not marked unofficial (needs \"unofficial\": true and a note)")
    for field in SCALAR_FIELDS:
        if (document.get(field) is None) != (english.get(field) is None):
            problems.append(f"{field}: {'missing' if english.get(field) is None else 'has no Welsh'}")
    if document.get("overview") and english.get("overview"):
        welsh, ours = document["overview"].count("\n\n"), english["overview"].count("\n\n")
        if welsh != ours:
            problems.append(f"overview: {ours + 1} paragraphs, the Welsh has {welsh + 1}")
    for field in LIST_FIELDS:
        welsh, ours = document.get(field) or [], english.get(field) or []
        if len(welsh) != len(ours):
            problems.append(f"{field}: {len(ours)} entries, the Welsh has {len(welsh)}")
    items = [item for key in ITEM_LISTS for item in document.get(key) or []]
    refs = [ref for item in items for ref in (item["ref"], *(child["ref"] for child in item["children"]))]
    _compare_keys(problems, "items", refs, english.get("items") or {})
    groups = list(dict.fromkeys(item["group"] for item in items if item.get("group")))
    _compare_keys(problems, "groups", groups, english.get("groups") or {})
    return problems


def _compare_keys(problems: list[str], name: str, wanted: list[str], given: dict) -> None:
    missing = [key for key in wanted if not given.get(key)]
    extra = [key for key in given if key not in wanted]
    if missing:
        problems.append(f"{name}: no English for {', '.join(missing)}")
    if extra:
        problems.append(f"{name}: English for {', '.join(extra)}, which the Welsh does not have")


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--check", action="store_true", help="change nothing; exit 1 on any difference")
    options.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the seed texts")
    args = options.parse_args(argv)
    if find_spec("assessor") is None:
        print("cannot import assessor: run this with the project's Python, .venv/bin/python", file=sys.stderr)
        return 2
    entries = tomllib.loads(SOURCES.read_text(encoding="utf-8"))["standard"]
    failed = False
    for entry in entries:
        target = HERE / entry["output"]
        print(f"{entry['source']} -> standards/{entry['output']}", file=sys.stderr)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        translations = json.loads(current).get("translations") if current else None
        parsed = parse(entry, args.seeds)
        expected = render(parsed, translations)
        if expected != current:
            if args.check:
                print("  differs from what the importer now produces: run standards/build.py", file=sys.stderr)
                failed = True
            else:
                target.write_text(expected, encoding="utf-8")
                print("  written", file=sys.stderr)
        for problem in translation_problems(json.loads(expected)):
            print(f"  translation: {problem}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

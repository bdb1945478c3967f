"""Scenario authoring benchmark: what an author waits for on each save, each pause in typing and each page.

For every shipped scenario and for synthetic ones of growing size (a chain of choice nodes with conditions and
effects on two variables): the check run on save and as the author types (schema, graph, criteria, reachable
states, 200 playthroughs), the reachable-state exploration alone, the SVG map, the canonical YAML, and every node's
form filled from the document and applied back. Then an import of a ZIP of scenarios into a scratch database.

Run from the repository root: `.venv/bin/python bench/scenario_authoring.py [--repeat N] [--sizes 40,120,300]
[--import-files N] [--database URL]`. Prints a JSON summary with milliseconds (medians).
"""
import argparse
import io
import json
import sys
import zipfile
from pathlib import Path

from common import bench_app, median_seconds, scratch_database  # noqa: I001  (puts the repository on sys.path)

from assessor.scenarios.dumper import dump_document
from assessor.scenarios.loader import load_text
from assessor.scenarios.reachability import STATE_CAP, explore

REPO = Path(__file__).resolve().parents[1]
SHIPPED = sorted((REPO / "scenarios").glob("*.yaml"))
CRITERIA = [f"P{number}" for number in range(1, 17)]


def synthetic(nodes: int) -> str:
    """A valid scenario of `nodes` choice nodes in a chain (each with three choices, one conditional), and two endings."""
    document = {
        "id": f"bench-synthetic-{nodes}", "version": 1,
        "title": {"cy": f"Senario prawf {nodes}", "en": f"Bench scenario {nodes}"},
        "summary": {"cy": "Senario hir i fesur y gwiriad.", "en": "A long scenario to time the check."},
        "standards": [{"urn": "SKSCMGS11", "version": "3", "criteria": CRITERIA}],
        "duration_minutes": 30,
        "persona": {"name": "Dewi Prys", "role": {"cy": "Cleient", "en": "Client"}, "organisation": "Siop Dewi",
                    "cares_about": {"cy": "Amser", "en": "Time"}},
        "state": {"trust": {"initial": 5, "min": 0, "max": 10, "visible": True, "label": {"cy": "Ymddiriedaeth", "en": "Trust"}},
                  "patience": {"initial": 3, "min": 0, "max": 6}},
        "start": "n0",
        "nodes": {},
    }
    for index in range(nodes):
        following = f"n{index + 1}" if index + 1 < nodes else "good-end"
        skip = f"n{index + 2}" if index + 2 < nodes else "good-end"
        criterion = CRITERIA[index % len(CRITERIA)]
        document["nodes"][f"n{index}"] = {
            "client": {"cy": f"Cam {index}: beth nesaf? Ymddiriedaeth {{trust}}.", "en": f"Step {index}: what next? Trust {{trust}}."},
            "choices": [
                {"text": {"cy": "Holi a gwrando", "en": "Ask and listen"}, "effects": {"trust": 1}, "shows": [criterion],
                 "next": following},
                {"text": {"cy": "Addo gormod", "en": "Promise too much"}, "effects": {"trust": -2, "patience": -1},
                 "fails_to_show": [criterion], "next": [{"if": "patience <= 0", "goto": "lost-end"}, {"else": following}]},
                {"text": {"cy": "Neidio ymlaen", "en": "Skip ahead"}, "if": "trust >= 7", "next": skip},
            ],
        }
    document["nodes"]["good-end"] = {"ending": {"outcome": "resolved", "debrief": {"cy": "Da iawn.", "en": "Well done."}}}
    document["nodes"]["lost-end"] = {"ending": {"outcome": "relationship_lost", "debrief": {"cy": "O na.", "en": "Oh no."}}}
    return dump_document(document)


def time_source(app, name: str, source: str, repeat: int) -> dict:
    from assessor.scenarios.node_editing import apply_node_form, node_form_from
    from assessor.scenarios.problems import check_source
    from assessor.scenarios.scenario_map import map_view

    with app.test_request_context():
        checked = check_source(source)
        scenario, document = checked.scenario, load_text(source).data
        states = explore(scenario, STATE_CAP)

        def forms():
            for node_id in document["nodes"]:
                apply_node_form(document, node_id, node_form_from(document, node_id))

        return {
            "scenario": name, "characters": len(source), "nodes": len(document["nodes"]),
            "problems": len(checked.problems),
            "explored_exhaustively": states is not None,
            "check_ms": ms(median_seconds(lambda: check_source(source), repeat)),
            "check_without_playthroughs_ms": ms(median_seconds(lambda: check_source(source, playthroughs=0), repeat)),
            "reachability_ms": ms(median_seconds(lambda: explore(scenario, STATE_CAP), repeat)),
            "map_ms": ms(median_seconds(lambda: map_view(scenario, lambda node: f"/nodes/{node}", {}, "cy"), repeat)),
            "dump_ms": ms(median_seconds(lambda: dump_document(document), repeat)),
            "every_node_form_ms": ms(median_seconds(forms, max(1, repeat // 2))),
        }


def time_import(url: str, files: int) -> dict:
    """A ZIP of `files` scenarios (the shipped six under new ids, over and over) imported as drafts in one request."""
    import time

    from assessor.accounts.models import PROVIDER_ADMIN, User, UserRole
    from assessor.organisations.models import Provider
    from assessor.scenarios.importing import import_files

    texts = [path.read_text(encoding="utf-8") for path in SHIPPED]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(files):
            text = texts[number % len(texts)]
            old_id = load_text(text).data["id"]
            archive.writestr(f"s{number}.yaml", text.replace(f"id: {old_id}", f"id: bench-imported-{number}", 1))
    app = bench_app(url)
    with app.app_context():
        session = app.extensions["db_sessionmaker"]()
        provider = Provider(name="Bench imports")
        session.add(provider)
        session.flush()
        author = User(email="author@bench.example", name="Bench Author", provider_id=provider.id)
        author.roles = [UserRole(role=PROVIDER_ADMIN)]
        session.add(author)
        session.flush()
        with app.test_request_context():
            start = time.perf_counter()
            results = import_files(session, author, provider.id, [("scenarios.zip", buffer.getvalue())])
            session.commit()
            seconds = time.perf_counter() - start
        session.close()
    return {"files": files, "zip_bytes": len(buffer.getvalue()), "created": sum(r.outcome == "created" for r in results),
            "seconds": round(seconds, 2), "ms_per_file": ms(seconds / files)}


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--sizes", default="40,120,300", help="node counts of the synthetic scenarios")
    parser.add_argument("--import-files", type=int, default=50)
    parser.add_argument("--database", default=None, help="a PostgreSQL URL for the import (default: a SQLite file)")
    args = parser.parse_args()
    with scratch_database(args.database) as url:
        app = bench_app(url)
        results = [time_source(app, path.stem, path.read_text(encoding="utf-8"), args.repeat) for path in SHIPPED]
        results += [time_source(app, f"synthetic-{size}", synthetic(size), max(3, args.repeat // 3))
                    for size in (int(size) for size in args.sizes.split(","))]
        imported = time_import(url, args.import_files) if args.import_files else None
    json.dump({"benchmark": "scenario authoring", "scenarios": results, "import": imported}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()

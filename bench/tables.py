"""Markdown table rows for docs/performance.md from a folder of benchmark summaries (as bench/run_all.sh writes).

Run from the repository root: `.venv/bin/python bench/tables.py FOLDER [--label final]`.
"""
import argparse
import json
from pathlib import Path

DATABASES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def pair(values: list) -> str:
    return " / ".join(str(value) for value in values)


def dashboard(label: str, database: str, summary: dict) -> list[str]:
    page, csv = summary["page"], summary["csv"]
    cells = [label, database, pair(page["statements"]), *map(seconds, page["median_seconds"]), page["time_ratio"], *map(seconds, csv["median_seconds"])]
    return ["| " + " | ".join(map(str, cells)) + " |"]


def pages(label: str, database: str, summary: dict) -> list[str]:
    rows = []
    for case, found in summary["pages"].items():
        for page in found:
            cells = [label, database, f"{case} {page['page']}", pair(page["statements"]), *map(seconds, page["median_seconds"]), page["time_ratio"]]
            rows.append("| " + " | ".join(map(str, cells)) + " |")
    return rows


def pdf(label: str, database: str, summary: dict) -> list[str]:
    cells = [label, database, seconds(summary["weasyprint_alone_seconds"]), seconds(summary["whole_seconds"]), summary["ratio"]]
    return ["| " + " | ".join(map(str, cells)) + " |"]


def cohort_export(label: str, database: str, summary: dict) -> list[str]:
    medians = summary["median_seconds"]
    cells = [label, database, seconds(medians["workers_1"]), seconds(medians["workers_2"]), summary["speed_up"]]
    return ["| " + " | ".join(map(str, cells)) + " |"]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("folder", type=Path)
    options.add_argument("--label", default="final", help="the first column, followed by the one-minute load average (default %(default)s)")
    arguments = options.parse_args()
    for benchmark in (dashboard, pages, pdf, cohort_export):
        print(f"\n{benchmark.__name__}:")
        for key, database in DATABASES.items():
            path = arguments.folder / f"{benchmark.__name__}-{key}.json"
            if path.exists() and path.stat().st_size:
                summary = json.loads(path.read_text())
                load = summary.get("load_average")
                label = f"{arguments.label} (load {load[0]})" if load else arguments.label
                print("\n".join(benchmark(label, database, summary)))


if __name__ == "__main__":
    main()

"""Cohort dashboard benchmark: the page and its CSV at 200 and at 2,000 learners.

Run from the repository root: `.venv/bin/python bench/dashboard.py [--small 200] [--large 2000] [--repeat 7] [--database URL]`.
Both providers go in one database (a temporary SQLite file, or a throwaway PostgreSQL database).
Requests at the two sizes are timed in turn. Prints a JSON summary; the targets are the same number
of SQL statements for the page at both sizes, and the page's `time_ratio` (large / small) at most 1.5.
The CSV holds every row, so it is reported without a target.
"""
import argparse

from common import (
    add_database_option,
    bench_app,
    compared,
    database_kind,
    engine_for,
    fetcher,
    load_average,
    print_summary,
    signed_in_client,
)
from sqlalchemy.orm import Session
from synthetic import check_progress, generate

TARGET_RATIO = 1.5


def measure(url: str, sizes: tuple[int, int], repeat: int) -> dict:
    app = bench_app(url)  # first: a broken import fails before the data is made
    engine = engine_for(url)
    with Session(engine) as session:
        made = [generate(session, size, seed=size, label=f"Dashboard {size}") for size in sizes]
        differing = sum(check_progress(session, generated.enrolment_ids, sample=10) for generated in made)
    engine.dispose()
    clients = [(signed_in_client(app, generated.counts["admin_id"]), f"/cohorts/{generated.cohort_id}/dashboard") for generated in made]
    page = compared(app, *(fetcher(client, path) for client, path in clients), repeat)
    csv = compared(app, *(fetcher(client, path + ".csv") for client, path in clients), repeat)
    return {
        "benchmark": "cohort dashboard page (100 learners a page) and CSV at two cohort sizes, in one database",
        "database": database_kind(url),
        "repeat": repeat,
        "load_average": load_average(),
        "learners": list(sizes),
        "decisions": [generated.counts["decisions"] for generated in made],
        "progress_rows_differing_from_app": differing,
        "page": page,
        "csv": csv,
        "target_ratio": TARGET_RATIO,
        "meets_target": page["same_statement_count"] and page["time_ratio"] <= TARGET_RATIO,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--small", type=int, default=200, help="learners in the small cohort (default %(default)s)")
    options.add_argument("--large", type=int, default=2000, help="learners in the large cohort (default %(default)s)")
    options.add_argument("--repeat", type=int, default=7, help="timed requests of each kind (default %(default)s)")
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, (arguments.small, arguments.large), arguments.repeat))


if __name__ == "__main__":
    main()

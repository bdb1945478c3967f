"""Cohort export benchmark: the cohort ZIP as one worker's task makes it (portfolios rendered one after another).

Run from the repository root: `.venv/bin/python bench/cohort_export.py [--learners 12] [--standards 1] [--runs 2] [--database URL]`.
A cohort of `--learners` learners with modest portfolios (the generator's random progress on the first
`--standards` seed standards: a five-standard portfolio takes WeasyPrint several seconds); one
untimed warm-up export, then `--runs` timed exports. Prints a JSON summary: the median seconds of
one ZIP and per portfolio. Several exports at once are spread over the running `assessor worker`
processes; one ZIP is made by one worker.
"""
import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from common import add_database_option, bench_app, database_kind, engine_for, load_average, print_summary
from sqlalchemy.orm import Session
from synthetic import generate

from assessor.export.cohort_zip import build_cohort_zip


def timed_export(app, url: str, cohort_id: int, folder: Path) -> tuple[float, int]:
    """Seconds one export took, and how many files its ZIP holds (failures would make the figures meaningless)."""
    start = time.perf_counter()
    with Session(engine_for(url)) as session:
        result = build_cohort_zip(app, session, cohort_id, "en", folder / "cohort.zip")
    seconds = time.perf_counter() - start
    if result.failures:
        raise RuntimeError(f"portfolios failed: {result.failures}")
    return seconds, len(result.names)


def measure(url: str, learners: int, standards: int, runs: int) -> dict:
    app = bench_app(url)  # first: a broken import fails before the data is made
    engine = engine_for(url)
    with Session(engine) as session:
        generated = generate(session, learners, label="Export", standards_used=standards)
    engine.dispose()
    with app.app_context(), tempfile.TemporaryDirectory(prefix="assessor-export-bench-") as name:
        folder = Path(name)
        _seconds, files = timed_export(app, url, generated.cohort_id, folder)
        timings = [timed_export(app, url, generated.cohort_id, folder)[0] for _ in range(runs)]
    median = statistics.median(timings)
    return {
        "benchmark": "cohort ZIP export as one worker's task",
        "database": database_kind(url),
        "cpus": os.cpu_count(),
        "load_average": load_average(),
        "learners": learners,
        "standards": standards,
        "evidence_items": generated.counts["evidence"],
        "decisions": generated.counts["decisions"],
        "zip_files": files,
        "runs": runs,
        "seconds": [round(value, 2) for value in timings],
        "median_seconds": round(median, 2),
        "seconds_per_portfolio": round(median / learners, 2),
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--learners", type=int, default=12, help="learners in the cohort (default %(default)s)")
    options.add_argument("--standards", type=int, default=1, help="seed standards each learner is on, 1 to 5 (default %(default)s)")
    options.add_argument("--runs", type=int, default=2, help="timed exports (default %(default)s)")
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, arguments.learners, arguments.standards, arguments.runs))


if __name__ == "__main__":
    main()

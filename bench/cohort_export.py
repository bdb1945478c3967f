"""Cohort export benchmark: the cohort ZIP made by one worker process and by two.

Run from the repository root: `.venv/bin/python bench/cohort_export.py [--learners 12] [--standards 1] [--runs 2] [--database URL]`.
A cohort of `--learners` learners with modest portfolios (the generator's random progress on the first
`--standards` seed standards: a five-standard portfolio takes WeasyPrint several seconds); one
untimed warm-up export, then `--runs` exports with each number of workers, taken in turn. Prints a
JSON summary; the target is `speed_up` (one worker's median / two workers' median) at least 1.7 on two cores.
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

from assessor.export.worker import build_cohort_zip, worker_config

TARGET_SPEED_UP = 1.7
WORKERS = (1, 2)


def timed_export(config: dict, cohort_id: int, folder: Path, workers: int) -> tuple[float, int]:
    """Seconds one export took, and how many files its ZIP holds (failures would make the figures meaningless)."""
    start = time.perf_counter()
    result = build_cohort_zip(config, cohort_id, "en", folder / f"cohort-{workers}.zip", workers)
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
    config = worker_config(app)
    timings = {workers: [] for workers in WORKERS}
    with app.app_context(), tempfile.TemporaryDirectory(prefix="assessor-export-bench-") as name:
        folder = Path(name)
        _seconds, files = timed_export(config, generated.cohort_id, folder, max(WORKERS))
        for _ in range(runs):
            for workers in WORKERS:
                timings[workers].append(timed_export(config, generated.cohort_id, folder, workers)[0])
    medians = {workers: statistics.median(values) for workers, values in timings.items()}
    speed_up = medians[1] / medians[2]
    return {
        "benchmark": "cohort ZIP export on one and on two worker processes",
        "database": database_kind(url),
        "cpus": os.cpu_count(),
        "load_average": load_average(),
        "learners": learners,
        "standards": standards,
        "evidence_items": generated.counts["evidence"],
        "decisions": generated.counts["decisions"],
        "zip_files": files,
        "runs": runs,
        "seconds": {f"workers_{workers}": [round(value, 2) for value in values] for workers, values in timings.items()},
        "median_seconds": {f"workers_{workers}": round(value, 2) for workers, value in medians.items()},
        "speed_up": round(speed_up, 3),
        "target_speed_up": TARGET_SPEED_UP,
        "meets_target": speed_up >= TARGET_SPEED_UP,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--learners", type=int, default=12, help="learners in the cohort (default %(default)s)")
    options.add_argument("--standards", type=int, default=1, help="seed standards each learner is on, 1 to 5 (default %(default)s)")
    options.add_argument("--runs", type=int, default=2, help="timed exports with each number of workers (default %(default)s)")
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, arguments.learners, arguments.standards, arguments.runs))


if __name__ == "__main__":
    main()

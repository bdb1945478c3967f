"""Learner and assessor pages benchmark: the same pages over few and over many decisions.

Run from the repository root: `.venv/bin/python bench/pages.py [--few 30] [--many 300] [--repeat 7] [--database URL]`.
A learner with `--few` then `--many` assessed evidence items (on the five seed standards), and an
assessor with 25 such learners; each page is requested as that person. Prints a JSON summary; the
target is the same number of SQL statements at both sizes for every page; the time ratio is reported.
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
from synthetic import LEARNERS_PER_ASSESSOR, check_progress, generate

#: submitted items per learner waiting for a decision, so the queue has rows
AWAITING_EACH = 10


def learner_case(generated) -> tuple[int, dict[str, str]]:
    learner_id = generated.learner_ids[0]
    return learner_id, {"landing": "/", "portfolio": "/portfolio", "matrix": f"/learners/{learner_id}/standards/{generated.enrolment_ids[0]}"}


def assessor_case(generated) -> tuple[int, dict[str, str]]:
    return generated.assessor_ids[0], {"landing": "/", "queue": "/assessment/queue", "caseload": "/caseload"}


CASES = {"learner": (1, learner_case), "assessor": (LEARNERS_PER_ASSESSOR, assessor_case)}


def build(url: str, few: int, many: int) -> tuple[dict, int]:
    """The generated provider of each (case, size), and how many sampled progress rows differ from the app's."""
    engine = engine_for(url)
    made, differing = {}, 0
    with Session(engine) as session:
        for case, (learners, _paths) in CASES.items():
            for size, items in (("few", few), ("many", many)):
                generated = generate(session, learners, seed=items, label=f"{case} {size}", items_each=items, awaiting_each=AWAITING_EACH)
                differing += check_progress(session, generated.enrolment_ids, sample=5)
                made[case, size] = generated
    engine.dispose()
    return made, differing


def compare(app, made: dict, case: str, repeat: int) -> list[dict]:
    """Each page of the case at both sizes, timed in turn."""
    people = {size: CASES[case][1](made[case, size]) for size in ("few", "many")}
    clients = {size: signed_in_client(app, user_id) for size, (user_id, _paths) in people.items()}
    pages = []
    for name, many_path in people["many"][1].items():
        few_path = people["few"][1][name]
        figures = compared(app, fetcher(clients["few"], few_path), fetcher(clients["many"], many_path), repeat)
        pages.append({"page": name, "path": many_path} | figures)
    return pages


def measure(url: str, few: int, many: int, repeat: int) -> dict:
    app = bench_app(url)  # first: a broken import fails before the data is made
    made, differing = build(url, few, many)
    pages = {case: compare(app, made, case, repeat) for case in CASES}
    decisions = {case: [made[case, size].counts["decisions"] for size in ("few", "many")] for case in CASES}
    return {
        "benchmark": "learner and assessor pages over few and many decisions",
        "database": database_kind(url),
        "repeat": repeat,
        "load_average": load_average(),
        "evidence_items_per_learner": [few + AWAITING_EACH, many + AWAITING_EACH],
        "decisions": decisions,
        "progress_rows_differing_from_app": differing,
        "pages": pages,
        "meets_target": all(page["same_statement_count"] for rows in pages.values() for page in rows),
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--few", type=int, default=30, help="assessed evidence items per learner, small case (default %(default)s)")
    options.add_argument("--many", type=int, default=300, help="assessed evidence items per learner, large case (default %(default)s)")
    options.add_argument("--repeat", type=int, default=7, help="timed requests of each page (default %(default)s)")
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, arguments.few, arguments.many, arguments.repeat))


if __name__ == "__main__":
    main()

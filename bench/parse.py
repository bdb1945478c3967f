"""Parse benchmark: the seed standards parsed over and over, then each corpus text and each seed timed alone.

Run from the repository root: `.venv/bin/python bench/parse.py [--repeat N] [--each N]`. Prints a JSON
summary: throughput over the seeds, milliseconds per standard for each file, and the corpus's size and
pass rate (a corpus text passes when it parses exactly to the NAME.expected.json beside it).
"""
import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "standards" / "sources"
CORPUS = REPO / "tests" / "standards" / "corpus"
DEFAULT_REPEAT = 1300
DEFAULT_EACH = 300

sys.path.insert(0, str(REPO))
from assessor.standards.parser import decode, parse_standard  # noqa: E402


def load_seeds(folder: Path) -> list[str]:
    texts = [decode(path.read_bytes()) for path in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed standards (*.txt) in {folder}")
    return texts


def parse_all(texts: list[str], repeat: int) -> float:
    """Seconds taken to parse every text `repeat` times."""
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            parse_standard(text)
    return time.perf_counter() - start


def summary(texts: list[str], repeat: int, seconds: float) -> dict:
    standards = len(texts) * repeat
    lines = sum(text.count("\n") + 1 for text in texts) * repeat
    return {
        "benchmark": "parse_standard over the seed standards",
        "seeds": len(texts),
        "repeat": repeat,
        "standards": standards,
        "lines": lines,
        "seconds": round(seconds, 3),
        "standards_per_second": round(standards / seconds, 1),
        "lines_per_second": round(lines / seconds),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
    }


def expected_of(path: Path) -> dict | None:
    expected = path.with_name(path.name[: -len(".txt")] + ".expected.json")
    return json.loads(expected.read_text(encoding="utf-8")) if expected.exists() else None


def passes(text: str, expected: dict) -> bool:
    result = parse_standard(text, **expected.get("supply", {}))
    return (
        [[problem.line, str(problem.message)] for problem in result.errors] == expected["errors"]
        and [[problem.line, str(problem.message)] for problem in result.warnings] == expected["warnings"]
        and result.document == expected["document"]
    )


def time_each(paths: list[Path], each: int) -> list[dict]:
    """Milliseconds per standard for each file (wall clock and this process's CPU), parsed `each` times after one untimed parse."""
    rows = []
    for path in paths:
        text = decode(path.read_bytes())
        parse_standard(text)
        cpu = time.process_time()
        seconds = parse_all([text], each)
        cpu = time.process_time() - cpu
        expected = expected_of(path)
        rows.append({
            "file": str(path.relative_to(REPO)),
            "lines": text.count("\n") + 1,
            "ms_per_standard": round(seconds * 1000 / each, 3),
            "cpu_ms_per_standard": round(cpu * 1000 / each, 3),
            "passes": passes(text, expected) if expected else None,
        })
    return rows


def corpus_summary(rows: list[dict]) -> dict:
    corpus = [row for row in rows if row["passes"] is not None]
    passed = sum(row["passes"] for row in corpus)
    return {
        "texts": len(corpus),
        "lines": sum(row["lines"] for row in corpus),
        "passed": passed,
        "pass_rate": round(passed / len(corpus), 3) if corpus else None,
        "mean_ms_per_standard": round(sum(row["ms_per_standard"] for row in corpus) / len(corpus), 3) if corpus else None,
        "mean_cpu_ms_per_standard": round(sum(row["cpu_ms_per_standard"] for row in corpus) / len(corpus), 3) if corpus else None,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="rounds over the seeds (default %(default)s)")
    options.add_argument("--each", type=int, default=DEFAULT_EACH, help="parses of each file when timed alone (default %(default)s)")
    options.add_argument("--seeds", type=Path, default=SEEDS, help="folder of NOS text files (default standards/sources/)")
    options.add_argument("--corpus", type=Path, default=CORPUS, help="folder of corpus texts (default tests/standards/corpus/)")
    arguments = options.parse_args()
    if arguments.repeat < 1 or arguments.each < 1:
        options.error("--repeat and --each must be at least 1")
    texts = load_seeds(arguments.seeds)
    parse_all(texts, 1)
    report = summary(texts, arguments.repeat, parse_all(texts, arguments.repeat))
    seeds = time_each(sorted(arguments.seeds.glob("*.txt")), arguments.each)
    corpus = time_each(sorted(arguments.corpus.glob("*.txt")), arguments.each)
    report.update(each=arguments.each, seed_files=seeds, corpus_files=corpus, corpus=corpus_summary(corpus))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

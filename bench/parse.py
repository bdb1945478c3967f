"""Parse benchmark: the five seed standards parsed over and over.

Run from the repository root: `.venv/bin/python bench/parse.py [--repeat N]`. Prints a JSON summary.
"""
import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "standards" / "sources"
DEFAULT_REPEAT = 1300

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


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="rounds over the seeds (default %(default)s)")
    options.add_argument("--seeds", type=Path, default=SEEDS, help="folder of NOS text files (default standards/sources/)")
    arguments = options.parse_args()
    if arguments.repeat < 1:
        options.error("--repeat must be at least 1")
    texts = load_seeds(arguments.seeds)
    parse_all(texts, 1)
    seconds = parse_all(texts, arguments.repeat)
    print(json.dumps(summary(texts, arguments.repeat, seconds), indent=2))


if __name__ == "__main__":
    main()

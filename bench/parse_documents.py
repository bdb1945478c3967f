"""PDF and Word parse benchmark: standards in the NOS database's layouts, read and parsed over and over.

Run from the repository root: `.venv/bin/python bench/parse_documents.py [--repeat N]`. Makes each standard
(tests/standards/nos_documents.py: Welsh and English, at the seed's size of 16 criteria and 14 knowledge
items) as PDF and as Word once, then times, in ms per standard: reading and parsing the PDF, drawing its
pages for the preview, reading and parsing the Word file, and parsing the text they are read into (the
text parser alone, for comparison). Prints a JSON summary.
"""
import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REPEAT = 20

sys.path.insert(0, str(REPO))
from assessor.standards.documents import parse_bytes, read_document  # noqa: E402
from assessor.standards.documents.read_pdf import draw_pages  # noqa: E402
from assessor.standards.parser import parse_standard  # noqa: E402
from tests.standards.nos_documents import ENGLISH, WELSH, as_docx, as_pdf, seed_sized  # noqa: E402


def timed(action, inputs: list, repeat: int) -> float:
    """Milliseconds per input, over `repeat` rounds after one untimed round."""
    for data in inputs:
        action(data)
    start = time.perf_counter()
    for _ in range(repeat):
        for data in inputs:
            action(data)
    return round((time.perf_counter() - start) * 1000 / (repeat * len(inputs)), 2)


def _parsed(data: bytes) -> None:
    result, _reading = parse_bytes(data)
    assert result.ok, [str(error) for error in result.errors]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="rounds over the files (default %(default)s)")
    arguments = options.parse_args()
    if arguments.repeat < 1:
        options.error("--repeat must be at least 1")
    standards = [seed_sized(standard) for standard in (WELSH, ENGLISH)]
    pdfs = [as_pdf(standard) for standard in standards]
    words = [as_docx(standard) for standard in standards]
    texts = [read_document(data).text for data in pdfs]
    figures = {
        "pdf_read_and_parse_ms": timed(_parsed, pdfs, arguments.repeat),
        "pdf_draw_pages_ms": timed(draw_pages, pdfs, arguments.repeat),
        "docx_read_and_parse_ms": timed(_parsed, words, arguments.repeat),
        "text_parse_ms": timed(parse_standard, texts, arguments.repeat),
    }
    print(json.dumps({
        "benchmark": "PDF and Word standards read and parsed (ms per standard)",
        "standards": len(standards),
        "criteria_each": 16,
        "knowledge_each": 14,
        "pdf_pages_each": [len(draw_pages(data)) for data in pdfs],
        "pdf_bytes_each": [len(data) for data in pdfs],
        "docx_bytes_each": [len(data) for data in words],
        "repeat": arguments.repeat,
        **figures,
        "python": platform.python_version(),
    }, indent=2))


if __name__ == "__main__":
    main()

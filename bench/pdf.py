"""PDF benchmark: a full portfolio (all five seed standards met, 300 evidence items) against WeasyPrint alone.

Run from the repository root: `.venv/bin/python bench/pdf.py [--items 300] [--repeat 3] [--database URL]`.
Without --database (or DATABASE_URL) it works in a temporary SQLite file; with a PostgreSQL URL it
creates and drops a throwaway database on that server. Prints a JSON summary; the target is
`ratio` (ours / WeasyPrint alone) at most 1.15.
"""
import argparse

from common import (
    add_database_option,
    bench_app,
    database_kind,
    engine_for,
    load_average,
    median_seconds,
    print_summary,
)
from sqlalchemy.orm import Session
from synthetic import generate

from assessor.accounts.models import User
from assessor.export.data import portfolio_data
from assessor.export.render import drawable_images, portfolio_html, portfolio_pdf, render_pdf

TARGET_RATIO = 1.15


def measure(url: str, items: int, repeat: int) -> dict:
    app = bench_app(url)  # first: a broken import fails before the data is made
    engine = engine_for(url)
    with Session(engine) as session:
        generated = generate(session, 1, items_each=items, label="PDF")
    with app.app_context(), Session(engine) as session:
        learner = session.get(User, generated.learner_ids[0])
        data = portfolio_data(session, learner)
        html = portfolio_html(data, "en")
        images = drawable_images(data)
        pages_pdf = render_pdf(html, images=images)
        weasyprint_alone = median_seconds(lambda: render_pdf(html, images=images), repeat)

        def ours() -> bytes:
            session.expire_all()
            return portfolio_pdf(session, learner, "en", None)

        whole = median_seconds(ours, repeat)
    engine.dispose()
    ratio = whole / weasyprint_alone
    return {
        "benchmark": "full portfolio PDF against WeasyPrint alone on the same HTML",
        "database": database_kind(url),
        "load_average": load_average(),
        "evidence_items": len(data.evidence),
        "standards": len(data.sections),
        "criteria": sum(len(section.rows) for section in data.sections),
        "pdf_bytes": len(pages_pdf),
        "repeat": repeat,
        "weasyprint_alone_seconds": round(weasyprint_alone, 3),
        "whole_seconds": round(whole, 3),
        "ratio": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio <= TARGET_RATIO,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--items", type=int, default=300)
    options.add_argument("--repeat", type=int, default=3)
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, arguments.items, arguments.repeat))


if __name__ == "__main__":
    main()

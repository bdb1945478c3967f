"""`assessor export portfolio|cohort|cleanup`: portfolio PDFs, cohort ZIPs and their removal, from the command line."""
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..accounts.services import find_user_by_email
from ..cohorts.models import Cohort
from ..config import LANGUAGES
from ..db import get_session, reading
from ..storage.paths import storage_dir
from ..timeutil import utcnow
from .cohort_zip import build_cohort_zip
from .jobs import cleanup_expired
from .portfolio_jobs import remove_stale_parts
from .render import portfolio_pdf


@click.group("export")
def export_group() -> None:
    """Export portfolios as documents."""


@export_group.command("portfolio")
@click.option("--learner", "email", required=True, help="The learner's email address.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="cy", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_appcontext
def export_portfolio(email: str, language: str, output: Path) -> None:
    """Write the portfolio of the learner with EMAIL to OUTPUT as a PDF."""
    session = get_session()
    with reading():
        learner = find_user_by_email(session, email)
        if learner is None:
            raise click.ClickException(f"no account with the email {email}")
        pdf = portfolio_pdf(session, learner, language, storage_dir(current_app))
    output.write_bytes(pdf)
    click.echo(f"{output}: {len(pdf):,} bytes")


@export_group.command("cohort")
@click.argument("cohort_id", type=int)
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="cy", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_appcontext
def export_cohort(cohort_id: int, language: str, output: Path) -> None:
    """Write every learner's portfolio and the summary of cohort COHORT_ID to OUTPUT as a ZIP."""
    with reading():
        found = get_session().get(Cohort, cohort_id)
    if found is None:
        raise click.ClickException(f"no cohort with the id {cohort_id}")

    def progress(done: int, total: int) -> None:
        click.echo(f"{done}/{total} portfolios", err=True)

    result = build_cohort_zip(current_app, get_session(), cohort_id, language, output, progress)
    for name, error in result.failures:
        click.echo(f"could not make the portfolio of {name}: {error}", err=True)
    click.echo(f"{output}: {len(result.names)} files, {result.size:,} bytes")


@export_group.command("cleanup")
@with_appcontext
def export_cleanup() -> None:
    """Remove cohort exports and cached portfolio PDFs kept past their time."""
    session = get_session()
    expired = cleanup_expired(session, Path(current_app.config["EXPORT_DIR"]), utcnow())
    remove_stale_parts(Path(current_app.config["EXPORT_DIR"]), utcnow())
    session.commit()
    click.echo(f"removed {expired} expired exports")

"""`assessor standards load|import|export`: the database side of the standards commands."""
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale

from ..db import get_session
from .cli import standards_group
from .documents import DocumentRefused, parse_bytes
from .exports import EXPORT_FORMATS, export_standard
from .services import (
    StandardError,
    document_for_export,
    find_standard,
    load_directory,
    load_document,
)


@standards_group.command("load")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@with_appcontext
def load_command(directory: Path | None) -> None:
    """Load the standard data files in DIRECTORY (default: the shipped standards/ folder)."""
    session = get_session()
    folder = directory or Path(current_app.config["STANDARDS_DIR"])
    results = load_directory(session, folder)
    session.commit()
    failed = False
    for path, outcome in results:
        if isinstance(outcome, StandardError):
            failed = True
            click.echo(f"{path.name}: error: {outcome}", err=True)
        else:
            click.echo(f"{path.name}: {outcome.urn} version {outcome.version}: {outcome.status}")
    if not results:
        click.echo(f"no standard data files in {folder}", err=True)
    sys.exit(1 if failed else 0)


@standards_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "language", type=click.Choice(["cy", "en"]), help="The texts' language (detected if not given).")
@click.option("--urn", help="The URN, when the text has none (one file only; mark your own LOCAL-...).")
@click.option("--title", help="The title, when the text has none (one file only).")
@click.option("--version", "version", help="The version, when the text has none or you are loading a changed text.")
@with_appcontext
def import_command(files: tuple[Path, ...], language, urn, title, version) -> None:
    """Parse NOS FILES (text, or PDF and Word as the NOS database publishes them) and load them into the database."""
    if len(files) > 1 and (urn or title):
        raise click.UsageError("--urn and --title apply to one file at a time")
    session = get_session()
    with force_locale("en"):
        failed = _import_files(session, files, language=language, urn=urn, title=title, version=version)
    session.commit()
    sys.exit(1 if failed else 0)


def _import_files(session, files: tuple[Path, ...], **supplied) -> bool:
    """Import each file in its own savepoint, printing what became of it; True when any failed."""
    failed = False
    for path in files:
        try:
            result, _reading = parse_bytes(path.read_bytes(), **supplied)
        except DocumentRefused as refusal:
            failed = True
            click.echo(f"{path}: error: {refusal}", err=True)
            continue
        for warning in result.warnings:
            click.echo(f"{path}: warning: {warning}", err=True)
        if not result.ok:
            failed = True
            for error in result.errors:
                click.echo(f"{path}: error: {error}", err=True)
            continue
        try:
            with session.begin_nested():
                outcome = load_document(session, result.document)
        except StandardError as error:
            failed = True
            click.echo(f"{path}: error: {error}", err=True)
            continue
        click.echo(f"{path}: {outcome.urn} version {outcome.version}: {outcome.status}")
    return failed


@standards_group.command("export")
@click.argument("urn")
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="json", show_default=True)
@click.option("--version", "version", help="The version (default: the newest loaded).")
@click.option("--lang", "language", type=click.Choice(["cy", "en"]), help="Welsh original or English rendering.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Write to FILE instead of standard output.")
@with_appcontext
def export_command(urn: str, fmt: str, version: str | None, language: str | None, output: Path | None) -> None:
    """Export a loaded standard as json, case (1EdTech CASE 1.1), moodle-csv or mahara."""
    standard = find_standard(get_session(), urn, version)
    if standard is None:
        which = f" version {version}" if version else ""
        click.echo(f"error: no standard {urn}{which} is loaded (see 'assessor standards load')", err=True)
        sys.exit(1)
    body = export_standard(document_for_export(standard), fmt, language or standard.language)
    if output:
        output.write_bytes(body)
        click.echo(f"wrote {output} ({len(body)} bytes)", err=True)
    else:
        sys.stdout.buffer.write(body)

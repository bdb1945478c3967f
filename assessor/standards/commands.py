"""`assessor standards load|import|export`: the database side of the standards commands."""
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale

from ..db import get_session
from .case_service import export_context
from .cli import standards_group
from .documents import DocumentRefused, parse_bytes
from .exports import EXPORT_FORMATS, export_standard
from .publications import Attachment
from .services import (
    PublicationRefused,
    StandardError,
    document_for_export,
    find_standard,
    import_document,
    load_directory,
    plan_publication,
    standard_versions,
)

LANGUAGE_NAMES = {"cy": "Welsh", "en": "English"}


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
@click.option("--dry-run", is_flag=True, help="Say what importing would do, and change nothing.")
@with_appcontext
def import_command(files: tuple[Path, ...], language, urn, title, version, dry_run: bool) -> None:
    """Parse NOS FILES (text, or PDF and Word as the NOS database publishes them) and load them, or attach each to
    the standard held in the other language."""
    if len(files) > 1 and (urn or title):
        raise click.UsageError("--urn and --title apply to one file at a time")
    session = get_session()
    with force_locale("en"):
        failed = _import_files(session, files, dry_run, language=language, urn=urn, title=title, version=version)
    if not dry_run:
        session.commit()
    sys.exit(1 if failed else 0)


def _import_files(session, files: tuple[Path, ...], dry_run: bool, **supplied) -> bool:
    """Import each file in its own savepoint (or only say what it would do), printing what became of it; True when
    any failed."""
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
        failed = not _import_one(session, path, result.document, dry_run) or failed
    return failed


def _import_one(session, path: Path, document: dict, dry_run: bool) -> bool:
    """Say what importing the document does, then do it unless a dry run; False when it failed."""
    plan = plan_publication(session, document)
    if plan is not None:
        _say_plan(path, plan)
    if dry_run:
        if plan is None:
            click.echo(f"{path}: {document['urn']} version {document.get('version') or '1'}: would be loaded (or found unchanged)")
        return plan is None or not plan.refused
    try:
        with session.begin_nested():
            outcome = import_document(session, document, source=path.name)
    except PublicationRefused:
        click.echo(f"{path}: error: not attached; nothing was changed", err=True)
        return False
    except StandardError as error:
        click.echo(f"{path}: error: {error}", err=True)
        return False
    click.echo(f"{path}: {outcome.urn} version {outcome.version}: {outcome.status}")
    return True


def _say_plan(path: Path, plan: Attachment) -> None:
    held, other = LANGUAGE_NAMES[plan.standard.language], LANGUAGE_NAMES[plan.language]
    which = f"{plan.standard.urn} version {plan.standard.version} is held in {held}"
    if plan.refused:
        click.echo(f"{path}: error: {which}; this {other} publication disagrees with it in structure and will not be attached:", err=True)
    elif plan.status == "unchanged":
        click.echo(f"{path}: {which}; this {other} publication is already attached as its official {other}")
    else:
        click.echo(f"{path}: {which}; this {other} publication will be attached as its official {other} ({len(plan.attached)} items by reference)")
    with force_locale("en"):
        for difference in plan.differences:
            click.echo(f"{path}:   {'refused' if difference.refuses else 'note'}: {difference}", err=plan.refused)


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
    language = language or standard.language
    context = export_context(standard, standard_versions(get_session(), urn), current_app.config["PUBLIC_URL"], language)
    body = export_standard(document_for_export(standard), fmt, language, context)
    if output:
        output.write_bytes(body)
        click.echo(f"wrote {output} ({len(body)} bytes)", err=True)
    else:
        sys.stdout.buffer.write(body)

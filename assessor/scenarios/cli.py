"""`assessor scenarios check` and `assessor scenarios coverage`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from .check import check_paths, default_paths
from .coverage import coverage_report, load_scenarios, render_text
from .standards_data import STANDARDS_DIR, known_refs, read_outlines

PATHS = click.Path(exists=True, dir_okay=False, path_type=Path)
STANDARDS = click.Path(exists=True, file_okay=False, path_type=Path)


@click.group("scenarios")
def scenarios_group() -> None:
    """Check simulated client scenarios and see which criteria they cover."""


@scenarios_group.command("check")
@click.argument("paths", nargs=-1, type=PATHS)
@click.option("--playthroughs", default=200, show_default=True, help="Seeded random runs per scenario (0 to skip).")
@click.option("--seed", default=0, show_default=True, help="Seed for the random runs.")
@click.option("--standards", "standards_dir", type=STANDARDS, default=STANDARDS_DIR, help="Folder of standards/*.json.")
def check_command(paths: tuple[Path, ...], playthroughs: int, seed: int, standards_dir: Path) -> None:
    """Check scenario files (default: scenarios/*.yaml); exit 1 on any error."""
    files = list(paths) or default_paths()
    problems = check_paths(files, known_refs(read_outlines(standards_dir)), playthroughs, seed)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = len(problems) - errors
    click.echo(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)", err=True)
    sys.exit(1 if errors else 0)


@scenarios_group.command("coverage")
@click.argument("paths", nargs=-1, type=PATHS)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--standards", "standards_dir", type=STANDARDS, default=STANDARDS_DIR, help="Folder of standards/*.json.")
def coverage_command(paths: tuple[Path, ...], as_json: bool, standards_dir: Path) -> None:
    """Per standard: the criteria each scenario can evidence, and those no scenario reaches."""
    scenarios, skipped = load_scenarios(list(paths) or default_paths())
    entries = coverage_report(scenarios, read_outlines(standards_dir))
    for item in skipped:
        click.echo(f"{item['file']}: skipped: {item['reason']}", err=True)
    if as_json:
        click.echo(json.dumps({"standards": entries, "skipped": skipped}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(entries))


@scenarios_group.command("load")
@click.argument("paths", nargs=-1, type=PATHS)
@click.option("--standards", "standards_dir", type=STANDARDS, default=STANDARDS_DIR, help="Folder of standards/*.json.")
@with_appcontext
def load_command(paths: tuple[Path, ...], standards_dir: Path) -> None:
    """Load scenario files (default: scenarios/*.yaml) into the database; a loaded version never changes."""
    from ..db import get_session
    from .catalogue import CatalogueError, load_files

    session = get_session()
    results = load_files(session, list(paths) or None, known_refs(read_outlines(standards_dir)))
    session.commit()
    for result in results:
        if isinstance(result, CatalogueError):
            click.echo(f"error: {result}", err=True)
        else:
            click.echo(f"{result.path.name}: {result.scenario_id} version {result.version}: {result.status}")
    sys.exit(1 if any(isinstance(result, CatalogueError) for result in results) else 0)


@scenarios_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=PATHS)
@click.option("--provider", "provider_ref", required=True, help="The provider's id or name.")
@click.option("--as", "email", help="The author the drafts are saved by (default: the provider's first administrator).")
@with_appcontext
def import_command(paths: tuple[Path, ...], provider_ref: str, email: str | None) -> None:
    """Import YAML files, or the ZIP the browser exports, as drafts of a provider; exit 1 if any file is refused.

    Runs here, file after file, not on the task queue (a terminal has no request time limit); the browser's import
    is queued and takes the same step for each file, so both give the same answers.
    """
    from ..core.acts import Refused
    from ..db import get_session
    from .importing import REFUSED, import_files, provider_author, provider_named

    session = get_session()
    provider = provider_named(session, provider_ref)
    author = provider_author(session, provider, email) if provider else None
    if author is None:
        raise click.ClickException(f"no provider {provider_ref!r}" if provider is None else
                                   f"no active author {email or 'administrator'!r} of {provider.name!r}")
    with force_locale("en"):
        try:
            results = import_files(session, author, provider.id, [(path.name, path.read_bytes()) for path in paths])
        except Refused as refused:
            session.rollback()
            raise click.ClickException(str(refused)) from None
        session.commit()
        for result in results:
            click.echo("\n".join(result.lines()))
    refused = sum(result.outcome == REFUSED for result in results)
    click.echo(f"{len(results)} file(s) as {author.email}: {len(results) - refused} imported, {refused} refused", err=True)
    sys.exit(1 if refused else 0)

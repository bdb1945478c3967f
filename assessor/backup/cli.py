"""`assessor backup -o FILE` and `assessor restore FILE`: progress on stderr, each problem named, exit 1 on any."""
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..storage.paths import storage_dir
from .archive import BackupError
from .backup import write_backup
from .restore import restore_backup
from .verify import verify_archive


def _say(message: str) -> None:
    click.echo(message, err=True)


def _refuse(error: BackupError, what: str) -> None:
    for problem in error.problems:
        click.echo(f"error: {problem}", err=True)
    outcome = "the rows were committed: finish by hand as the message says" if error.committed else "nothing was written"
    click.echo(f"{what}: {len(error.problems)} problem(s); {outcome}.", err=True)
    sys.exit(1)


@click.command("backup")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The archive to write (a tar file; refused if it exists).")
@with_appcontext
def backup_command(output: Path) -> None:
    """Write the database and the stored files it names, with a manifest of both, to one archive."""
    if output.exists():
        _refuse(BackupError([f"{output} exists: choose a new name"]), "backup refused")
    try:
        manifest = write_backup(current_app.extensions["db_engine"], storage_dir(current_app), output, _say)
    except BackupError as error:
        _refuse(error, "backup failed")
    except OSError as error:
        _refuse(BackupError([str(error)]), "backup failed")
    click.echo(f"wrote {output}: {_contents(manifest)}")


@click.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--verify-only", is_flag=True, help="Check the whole archive and stop: nothing is written.")
@with_appcontext
def restore_command(archive: Path, verify_only: bool) -> None:
    """Fill an empty database and an empty storage folder from a backup, after checking all of it."""
    try:
        if verify_only:
            manifest = verify_archive(archive)
            click.echo(f"{archive} is sound: {_contents(manifest)}, made {manifest['created_at']} by Assessor {manifest['app_version']}.")
            return
        manifest = restore_backup(current_app.extensions["db_engine"], storage_dir(current_app), archive, _say)
    except BackupError as error:
        _refuse(error, "restore refused")
    except OSError as error:
        _refuse(BackupError([str(error)]), "restore failed")
    click.echo(f"restored {archive} (made {manifest['created_at']}): {_contents(manifest)}. "
               "Now run `assessor audit verify` and `assessor check`.")


def _contents(manifest: dict) -> str:
    rows = sum(table["rows"] for table in manifest["tables"])
    return f"{rows} rows in {len(manifest['tables'])} tables, {len(manifest['files'])} stored files, schema revision {manifest['schema_revision']}"

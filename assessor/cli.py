"""The `assessor` command: the Flask CLI plus the project's own groups."""
import click
from flask.cli import FlaskGroup

from . import create_app
from .accounts.cli import sessions_group
from .audit.cli import audit_group
from .backup.cli import backup_command, restore_command
from .core.worker_cli import run_with_worker, worker_command
from .dbcli import db_group
from .demo import demo_command
from .doctor import doctor_command
from .evidence.file_check import check_command
from .export.cli import export_group
from .notifications.tasks import notifications_group
from .scenarios.cli import scenarios_group
from .standards import commands as _standards_commands  # noqa: F401  (registers load/import/export)
from .standards.cli import standards_group


@click.group(cls=FlaskGroup, create_app=create_app)
def main() -> None:
    """Assessor: competency assessment against the National Occupational Standards."""


main.add_command(db_group)
main.add_command(standards_group)
main.add_command(scenarios_group)
main.add_command(demo_command)
main.add_command(check_command)
main.add_command(audit_group)
main.add_command(export_group)
main.add_command(sessions_group)
main.add_command(notifications_group)
main.add_command(doctor_command)
main.add_command(backup_command)
main.add_command(restore_command)
main.add_command(worker_command)
main.add_command(run_with_worker)


if __name__ == "__main__":
    main()

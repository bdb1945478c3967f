"""`assessor audit verify|show`: check the hash chain, and print a learner's trail for support."""
import sys

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from ..accounts.services import find_user_by_email
from ..db import get_session, reading
from .presenting import present
from .services import history, verify_chain


@click.group("audit")
def audit_group() -> None:
    """Check the audit log and read it."""


@audit_group.command("verify")
@click.option("--batch", default=1000, show_default=True, help="Entries read at a time.")
@with_appcontext
def verify(batch: int) -> None:
    """Recompute every entry's hash and its link to the one before; exit 1 on any problem."""
    with reading():
        checked, problems = verify_chain(get_session(), batch=batch)
    if not problems:
        click.echo(f"Checked {checked} entries: the chain is intact.")
        return
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"Checked {checked} entries: {len(problems)} problem(s) found.")
    sys.exit(1)


@audit_group.command("show")
@click.option("--learner", "email", required=True, help="The learner's email address.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1), help="How many of the newest entries.")
@with_appcontext
def show(email: str, limit: int) -> None:
    """Print a learner's trail, newest first, with what each entry changed."""
    session = get_session()
    learner = find_user_by_email(session, email)
    if learner is None:
        click.echo(f"no user with the email address {email}", err=True)
        sys.exit(1)
    entries = history(session, learner.id, limit=limit).entries
    if not entries:
        click.echo(f"Nothing has been recorded for {learner.name} <{learner.email}>.")
        return
    with force_locale("en"):
        for row in present(session, entries):
            click.echo(f"#{row.seq}  {row.at.isoformat(timespec='seconds')}  {row.who}  {row.what}")
            for change in row.changes:
                click.echo(f"    {change.field}: {change.before} → {change.after}")

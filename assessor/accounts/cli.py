"""`assessor sessions cleanup`: delete the signed-in sessions that have expired."""
import click
from flask.cli import with_appcontext

from ..db import get_session
from .sessions import remove_expired


@click.group("sessions")
def sessions_group() -> None:
    """Signed-in sessions kept on the server."""


@sessions_group.command("cleanup")
@with_appcontext
def cleanup_sessions() -> None:
    """Delete every expired session (each sign-in also deletes the person's own expired ones)."""
    session = get_session()
    removed = remove_expired(session)
    session.commit()
    click.echo(f"{removed} expired sessions removed")

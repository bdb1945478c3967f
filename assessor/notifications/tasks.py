"""The daily digest as a task and a command: `assessor notifications digest` (cron), or hourly in `assessor run`.

Sending is idempotent per person per day, so the embedded worker simply queues it every hour.
"""
from datetime import timedelta

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from ..core.tasks import PERIODIC, is_embedded, start_worker, task, task_session
from ..mail.tasks import requeue_waiting
from ..timeutil import today, utcnow
from .digest import send_all_digests
from .links import delivery_for

DIGEST_TASK = "notifications.digest"
#: mail never handed to the broker (it could not be reached) is queued again by the digest after this long
STUCK_AFTER = timedelta(hours=1)


@task(DIGEST_TASK, queue="mail")
def run_digest(app: Flask) -> tuple[int, int]:
    """Today's digests for everyone who has not had one; mail left stuck in the outbox queued again."""
    requeue_waiting(app, STUCK_AFTER, untried_only=True)
    return send_all_digests(lambda: task_session(app), delivery_for(app), today(), utcnow(), app.config["NOTIFY_WAITING_DAYS"])


PERIODIC[DIGEST_TASK] = 3600


@click.group("notifications")
def notifications_group() -> None:
    """Notifications: the daily digest."""


@notifications_group.command("digest")
@with_appcontext
def digest_command() -> None:
    """Send today's daily emails (safe to run again, and on several machines: each person gets one a day)."""
    app = current_app._get_current_object()
    sent, looked_at = run_digest(app)
    if is_embedded(app):
        _send_queued_mail(app)
    click.echo(f"daily emails: {sent} sent, {looked_at} people looked at")


def _send_queued_mail(app: Flask) -> None:
    """Without REDIS_URL no worker would send the digests after this command ends: send them here."""
    broker = app.extensions["task_broker"]
    if "mail" not in broker.queues:
        return
    worker = start_worker(app)
    try:
        broker.join("mail", fail_fast=False, timeout=600_000)
        worker.join()
    finally:
        worker.stop()

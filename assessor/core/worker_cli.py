"""`assessor worker` runs the background tasks; `assessor run` serves the app, with a worker thread when there is no Redis."""
import os
import signal
import threading

import click
from flask import current_app
from flask.cli import ScriptInfo, pass_script_info, run_command, with_appcontext
from flask.helpers import get_debug_flag

from .tasks import is_embedded, start_embedded_worker, start_worker


@click.command("worker")
@click.option("--threads", type=click.IntRange(min=1), help="Tasks run at once by this process (default: WORKER_THREADS).")
@with_appcontext
def worker_command(threads: int | None) -> None:
    """Run tasks from the queue (REDIS_URL) until stopped with Ctrl+C or SIGTERM."""
    app = current_app._get_current_object()
    if is_embedded(app):
        raise click.ClickException("set REDIS_URL: without a broker, `assessor run` runs the tasks in its own process")
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    worker = start_worker(app, threads or app.config["WORKER_THREADS"])
    click.echo(f"worker {os.getpid()}: running tasks from {app.config['REDIS_URL'].rsplit('@', 1)[-1]}", err=True)
    stop.wait()
    click.echo(f"worker {os.getpid()}: stopping after the tasks under way", err=True)
    worker.stop()


@click.command("run", params=run_command.params, help=run_command.help)
@pass_script_info
@click.pass_context
def run_with_worker(ctx: click.Context, info: ScriptInfo, **options) -> None:
    """The development server; without REDIS_URL, also a worker thread in the serving process."""
    reloading = options.get("use_reloader")
    reloading = get_debug_flag() if reloading is None else reloading
    serving = not reloading or os.environ.get("WERKZEUG_RUN_MAIN") == "true"
    if serving:
        app = info.load_app()
        if is_embedded(app):
            start_embedded_worker(app)
    ctx.invoke(run_command, **options)

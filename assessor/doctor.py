"""`assessor doctor`: what is unsafe in the current configuration, each with what to do; exit 1 when anything is."""
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass

import click
from flask import current_app
from flask.cli import with_appcontext

NEW_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"
GUNICORN_WORKERS = re.compile(r"(?:^|\s)(?:-w|--workers)[=\s]*(\d+)")


@dataclass(frozen=True)
class Finding:
    problem: str
    remedy: str

    def __str__(self) -> str:
        return f"UNSAFE: {self.problem}\n  what to do: {self.remedy}"


@dataclass(frozen=True)
class Deployment:
    """How the app is run, as far as its settings tell: web worker processes per machine, and machines."""

    workers: int
    nodes: int


def deployment(config: Mapping, environ: Mapping) -> Deployment:
    """Workers from WEB_CONCURRENCY (gunicorn's own default for --workers) or --workers in GUNICORN_CMD_ARGS."""
    given = GUNICORN_WORKERS.search(environ.get("GUNICORN_CMD_ARGS", ""))
    workers = max(config["WEB_CONCURRENCY"], int(given.group(1)) if given else 1)
    return Deployment(workers=workers, nodes=config["WEB_NODES"])


def findings(config: Mapping, debug: bool, setup: Deployment) -> list[Finding]:
    checks = (_secret_key, _sqlite, _redis, _debug, _proxies)
    return [finding for check in checks if (finding := check(config, debug, setup)) is not None]


def _secret_key(config: Mapping, _debug: bool, setup: Deployment) -> Finding | None:
    if not config["SECRET_KEY_FROM_INSTANCE"] or setup.nodes < 2:
        return None
    return Finding(
        f"SECRET_KEY is not set and WEB_NODES says {setup.nodes} machines run the app: each makes its own key "
        "in its instance folder, so a session signed on one machine is refused by the others",
        f"set the same long random SECRET_KEY on every machine ({NEW_KEY})",
    )


def _sqlite(config: Mapping, _debug: bool, setup: Deployment) -> Finding | None:
    if not config["DATABASE_URL"].startswith("sqlite") or (setup.workers < 2 and setup.nodes < 2):
        return None
    return Finding(
        f"the database is SQLite with {setup.workers} worker(s) on {setup.nodes} machine(s): it holds, but every "
        "write waits for the one before it, and a file cannot be shared between machines",
        "use PostgreSQL: DATABASE_URL=postgresql+psycopg://user@host/assessor, then `assessor db upgrade`",
    )


def _redis(config: Mapping, _debug: bool, setup: Deployment) -> Finding | None:
    if config["REDIS_URL"] or (setup.workers < 2 and setup.nodes < 2):
        return None
    return Finding(
        f"REDIS_URL is not set with {setup.workers * setup.nodes} worker processes: each counts failed sign-ins "
        "in its own memory, so a password guesser gets that many times the attempts",
        "set REDIS_URL=redis://host:6379/0, the same on every machine",
    )


def _debug(_config: Mapping, debug: bool, _setup: Deployment) -> Finding | None:
    if not debug:
        return None
    return Finding("debug mode is on: errors show code and the debugger can run it", "unset FLASK_DEBUG (or set it to 0)")


def _proxies(config: Mapping, _debug: bool, _setup: Deployment) -> Finding | None:
    if config["TRUSTED_PROXIES"] or config["SESSION_COOKIE_SECURE"]:
        return None
    return Finding(
        "TRUSTED_PROXIES is 0 and SESSION_COOKIE_SECURE is off: the app takes every request for plain HTTP, so "
        "cookies go without Secure and sign-in limits count the proxy's address instead of the person's",
        "behind a TLS-terminating proxy set TRUSTED_PROXIES to the number of proxies (usually 1); if gunicorn "
        "itself serves HTTPS (--certfile), set SESSION_COOKIE_SECURE=1",
    )


@click.command("doctor")
@with_appcontext
def doctor_command() -> None:
    """List what is unsafe in the current configuration, each with what to do; exit 1 when anything is."""
    config = current_app.config
    setup = deployment(config, os.environ)
    found = findings(config, current_app.debug, setup)
    for finding in found:
        click.echo(str(finding))
    database = config["DATABASE_URL"].split(":", 1)[0]
    summary = f"{setup.workers} worker(s) a machine, {setup.nodes} machine(s), database {database}"
    click.echo(f"{len(found)} unsafe setting(s) ({summary})." if found else f"Nothing unsafe found ({summary}).")
    sys.exit(1 if found else 0)

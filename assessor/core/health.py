"""`/healthz` (the process answers) and `/readyz` (the database and, when configured, Redis answer), as JSON."""
import logging

from flask import Blueprint, current_app, jsonify
from redis import Redis
from sqlalchemy import text

from ..db import get_session

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)
#: seconds a readiness probe waits for Redis before calling it unreachable
REDIS_TIMEOUT = 2


@bp.get("/healthz")
def healthz():
    """Alive: answers without touching the database, so a slow database does not get the process restarted."""
    return _no_store(jsonify(status="ok")), 200


@bp.get("/readyz")
def readyz():
    checks = {"database": _check("database", _database)}
    if current_app.config["REDIS_URL"]:
        checks["redis"] = _check("redis", _redis)
    ready = all(result == "ok" for result in checks.values())
    return _no_store(jsonify(status="ready" if ready else "not ready", checks=checks)), 200 if ready else 503


def _check(name: str, probe) -> str:
    """"ok", or "unreachable" (the details go to the log, not to whoever asked)."""
    try:
        probe()
    except Exception as error:  # noqa: BLE001 - any failure means not ready
        log.warning("readiness: %s unreachable: %s", name, error)
        return "unreachable"
    return "ok"


def _database() -> None:
    session = get_session()
    try:
        session.execute(text("SELECT 1"))
    finally:
        session.rollback()


def _redis() -> None:
    url = current_app.config["REDIS_URL"]
    with Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT) as client:
        client.ping()


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response

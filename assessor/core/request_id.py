"""A request id on every request: taken from a trusted proxy's X-Request-ID or made here; on the response and in every log line."""
import logging
import re
import uuid

from flask import Flask, current_app, g, has_request_context, request
from flask.logging import default_handler

HEADER = "X-Request-ID"
MAX_LENGTH = 64
UNSAFE_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]")
NO_REQUEST = "-"
LOG_FORMAT = "%(asctime)s [%(process)d] [%(levelname)s] [%(request_id)s] %(name)s: %(message)s"


class RequestIdFilter(logging.Filter):
    """Gives every record a `request_id`: the current request's, or "-" outside a request."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", NO_REQUEST) if has_request_context() else NO_REQUEST
        return True


def given_id(value: str | None) -> str | None:
    """A proxy's id with anything but letters, digits, '.', '_' and '-' removed, cut to 64; None when nothing is left."""
    cleaned = UNSAFE_CHARACTERS.sub("", value or "")[:MAX_LENGTH]
    return cleaned or None


def _take_request_id() -> None:
    trusted = current_app.config["TRUSTED_PROXIES"] > 0
    g.request_id = (given_id(request.headers.get(HEADER)) if trusted else None) or uuid.uuid4().hex


def _add_request_id(response):
    response.headers[HEADER] = g.get("request_id", NO_REQUEST)
    return response


def init_app(app: Flask) -> None:
    app.before_request(_take_request_id)
    app.after_request(_add_request_id)
    _configure_logging(app)


def _configure_logging(app: Flask) -> None:
    """Under gunicorn, every logger writes to gunicorn's error log; each line carries the request id."""
    gunicorn = logging.getLogger("gunicorn.error")
    gunicorn_handlers = gunicorn.handlers
    if gunicorn_handlers:
        root = logging.getLogger()
        root.handlers = list(gunicorn_handlers)
        root.setLevel(gunicorn.level)
        logging.getLogger("weasyprint").setLevel(logging.WARNING)
        app.logger.removeHandler(default_handler)
    for handler in gunicorn_handlers or [default_handler]:
        if not any(isinstance(existing, RequestIdFilter) for existing in handler.filters):
            handler.addFilter(RequestIdFilter())
        handler.setFormatter(logging.Formatter(LOG_FORMAT))

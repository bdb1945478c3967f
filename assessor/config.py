"""Configuration: defaults, then environment variables, then the caller's overrides."""
import os
from pathlib import Path

from .secret_key import instance_secret_key

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("cy", "en")
#: room in an upload request for the form's other fields, beyond the files themselves
FORM_FIELDS_MARGIN = 1024 * 1024


def default_database_url(instance_path: str) -> str:
    return "sqlite:///" + str(Path(instance_path) / "assessor.sqlite3")


def load_config(app, overrides: dict | None) -> None:
    app.config.from_mapping(
        DATABASE_URL=os.environ.get("DATABASE_URL") or default_database_url(app.instance_path),
        BABEL_DEFAULT_LOCALE="en",
        BABEL_DEFAULT_TIMEZONE=os.environ.get("BABEL_DEFAULT_TIMEZONE", "Europe/London"),
        BABEL_TRANSLATION_DIRECTORIES=str(PROJECT_ROOT / "assessor" / "translations"),
        STANDARDS_DIR=str(PROJECT_ROOT / "standards"),
        STANDARDS_PER_PAGE=20,
        STORAGE_DIR=os.environ.get("STORAGE_DIR") or str(Path(app.instance_path) / "storage"),
        UPLOAD_MAX_BYTES=int(os.environ.get("UPLOAD_MAX_BYTES", str(25 * 1024 * 1024))),
        UPLOAD_MAX_FILES=int(os.environ.get("UPLOAD_MAX_FILES", "10")),
        EXPORT_DIR=os.environ.get("EXPORT_DIR") or str(Path(app.instance_path) / "exports"),
        EXPORT_RETENTION_HOURS=int(os.environ.get("EXPORT_RETENTION_HOURS", "24")),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        #: "keep me signed in": the cookie's and the server-side session's absolute lifetime
        REMEMBER_COOKIE_DURATION=int(os.environ.get("REMEMBER_DAYS", "30")) * 24 * 3600,
        #: a session ends after this long unused, and in any case this long after sign-in
        SESSION_IDLE_MINUTES=int(os.environ.get("SESSION_IDLE_MINUTES", "120")),
        SESSION_MAX_HOURS=int(os.environ.get("SESSION_MAX_HOURS", "12")),
        #: a "keep me signed in" session ends after this long unused
        REMEMBER_IDLE_DAYS=int(os.environ.get("REMEMBER_IDLE_DAYS", "14")),
        #: the longest a sign-in from an address with many failures is held back, in seconds
        SIGN_IN_MAX_DELAY=float(os.environ.get("SIGN_IN_MAX_DELAY", "3")),
        TRUSTED_PROXIES=int(os.environ.get("TRUSTED_PROXIES", "0")),
        #: the task broker (and sign-in counters); none: tasks run in the `assessor run` process itself
        REDIS_URL=os.environ.get("REDIS_URL") or None,
        WORKER_THREADS=int(os.environ.get("WORKER_THREADS", "1")),
        TASK_MAX_RETRIES=int(os.environ.get("TASK_MAX_RETRIES", "3")),
        TASK_RETRY_DELAY_SECONDS=float(os.environ.get("TASK_RETRY_DELAY_SECONDS", "5")),
        TASK_TIME_LIMIT_SECONDS=int(os.environ.get("TASK_TIME_LIMIT_SECONDS", "3600")),
        TASK_HEARTBEAT_SECONDS=float(os.environ.get("TASK_HEARTBEAT_SECONDS", "60")),
        #: cookies always Secure, for when gunicorn itself serves HTTPS (behind a proxy, TRUSTED_PROXIES does it)
        SESSION_COOKIE_SECURE=os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        REMEMBER_COOKIE_SECURE=os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        #: web worker processes a machine (gunicorn takes it as its --workers default) and machines: read by `doctor`
        WEB_CONCURRENCY=int(os.environ.get("WEB_CONCURRENCY", "1")),
        WEB_NODES=int(os.environ.get("WEB_NODES", "1")),
        RATELIMIT_STORAGE_URL=os.environ.get("REDIS_URL") or "memory://",
        MAIL_SENDER=os.environ.get("MAIL_SENDER", "assessor@localhost"),
        SMTP_HOST=os.environ.get("SMTP_HOST"),
        SMTP_PORT=int(os.environ.get("SMTP_PORT", "587")),
        SMTP_USERNAME=os.environ.get("SMTP_USERNAME"),
        SMTP_PASSWORD=os.environ.get("SMTP_PASSWORD"),
        SMTP_STARTTLS=os.environ.get("SMTP_STARTTLS", "1"),
        #: percentage points behind the share of time elapsed at which a learner is amber, and red
        RAG_AMBER_GAP=int(os.environ.get("RAG_AMBER_GAP", "10")),
        RAG_RED_GAP=int(os.environ.get("RAG_RED_GAP", "25")),
        SECRET_KEY_FROM_INSTANCE=False,
    )
    if overrides:
        app.config.update(overrides)
    if "MAX_CONTENT_LENGTH" not in (overrides or {}):
        app.config["MAX_CONTENT_LENGTH"] = app.config["UPLOAD_MAX_BYTES"] * app.config["UPLOAD_MAX_FILES"] + FORM_FIELDS_MARGIN
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or instance_secret_key(app.instance_path)
        app.config["SECRET_KEY_FROM_INSTANCE"] = not os.environ.get("SECRET_KEY")

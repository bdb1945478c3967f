"""Configuration: every setting with its type, default and meaning, read from the environment, then the caller's overrides.

`SETTINGS` is the one list of what an operator may set (the README's configuration table names the
same, and a test keeps the two in step); `FIXED` holds what the app always uses. Nothing else in
the package reads the environment or gives a setting a default of its own.
"""
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .secret_key import instance_secret_key

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("cy", "en")
#: room in an upload request for the form's other fields, beyond the files themselves
FORM_FIELDS_MARGIN = 1024 * 1024
MEGABYTE = 1024 * 1024


def flag(text: str) -> bool:
    return text.strip().lower() in ("1", "true", "yes", "on")


def text_or_none(text: str) -> str | None:
    return text or None


@dataclass(frozen=True)
class Setting:
    name: str
    #: the value when the environment does not set it, or a function of the instance folder
    default: object
    #: how the environment's text becomes the value
    parse: Callable[[str], object] = str


def in_instance(*parts: str) -> Callable[[str], str]:
    return lambda instance: str(Path(instance, *parts))


SETTINGS = (
    #: the database: a SQLite file in the instance folder, or e.g. postgresql+psycopg://user@host/assessor
    Setting("DATABASE_URL", lambda instance: "sqlite:///" + str(Path(instance) / "assessor.sqlite3")),
    #: signs sessions and links; unset, a random key is made once and kept in the instance folder
    Setting("SECRET_KEY", None, text_or_none),
    #: how many reverse proxies stand in front (their X-Forwarded-* and X-Request-ID headers are trusted)
    Setting("TRUSTED_PROXIES", 0, int),
    #: cookies always Secure (gunicorn itself serving HTTPS); behind a proxy TRUSTED_PROXIES does it
    Setting("SESSION_COOKIE_SECURE", False, flag),
    #: the task queue's broker and the sign-in counters; unset: in memory, tasks run inside `assessor run`
    Setting("REDIS_URL", None, text_or_none),
    #: tasks one `assessor worker` process runs at once
    Setting("WORKER_THREADS", 1, int),
    #: how often a failing task is tried again, and the first delay (doubling), before its job fails
    Setting("TASK_MAX_RETRIES", 3, int),
    Setting("TASK_RETRY_DELAY_SECONDS", 5.0, float),
    #: the longest one task may run before it counts as failed
    Setting("TASK_TIME_LIMIT_SECONDS", 3600, int),
    #: how long a worker may be silent before its unfinished tasks go to another worker
    Setting("TASK_HEARTBEAT_SECONDS", 60.0, float),
    #: how long an idle worker waits for a task before looking again (and the longest a stopping worker waits)
    Setting("TASK_POLL_SECONDS", 1.0, float),
    #: a signed-in session ends after this long unused, and in any case this long after sign-in
    Setting("SESSION_IDLE_MINUTES", 120, int),
    Setting("SESSION_MAX_HOURS", 12, int),
    #: the same for "keep me signed in"
    Setting("REMEMBER_IDLE_DAYS", 14, int),
    Setting("REMEMBER_DAYS", 30, int),
    #: the longest a sign-in from an address with many failures is held back, in seconds
    Setting("SIGN_IN_MAX_DELAY", 3.0, float),
    #: web worker processes on each machine (gunicorn's --workers default) and machines: read by `doctor`
    Setting("WEB_CONCURRENCY", 1, int),
    Setting("WEB_NODES", 1, int),
    #: outgoing mail; unset SMTP_HOST: the outbox only
    Setting("SMTP_HOST", None, text_or_none),
    Setting("SMTP_PORT", 587, int),
    Setting("SMTP_USERNAME", None, text_or_none),
    Setting("SMTP_PASSWORD", None, text_or_none),
    Setting("SMTP_STARTTLS", True, flag),
    Setting("MAIL_SENDER", "assessor@localhost"),
    #: the address people reach Assessor at, for links in emails sent outside a request (the daily digest)
    Setting("PUBLIC_URL", "http://localhost:5000"),
    #: an assessor's daily digest lists evidence that has waited longer than this for their review
    Setting("NOTIFY_WAITING_DAYS", 7, int),
    #: uploaded evidence files, under their SHA-256, outside the web root
    Setting("STORAGE_DIR", in_instance("storage")),
    #: the size of one uploaded file, and how many one upload may carry
    Setting("UPLOAD_MAX_BYTES", 25 * MEGABYTE, int),
    Setting("UPLOAD_MAX_FILES", 10, int),
    #: cohort ZIPs and cached portfolio PDFs, and how long they are kept
    Setting("EXPORT_DIR", in_instance("exports")),
    Setting("EXPORT_RETENTION_HOURS", 24, int),
    #: how long the link a witness is sent, to confirm their statement, keeps working
    Setting("WITNESS_LINK_DAYS", 14, int),
    #: the time zone pages and PDFs show times in (stored times are UTC)
    Setting("BABEL_DEFAULT_TIMEZONE", "Europe/London"),
    #: percentage points behind the share of time elapsed at which a learner is amber, and red
    Setting("RAG_AMBER_GAP", 10, int),
    Setting("RAG_RED_GAP", 25, int),
    #: how many rows a page of each list shows
    Setting("STANDARDS_PER_PAGE", 20, int),
    Setting("COHORTS_PER_PAGE", 20, int),
    Setting("COHORT_MEMBERS_PER_PAGE", 50, int),
    Setting("COHORT_DASHBOARD_PER_PAGE", 100, int),
    Setting("CASELOAD_PER_PAGE", 25, int),
    Setting("ASSESSMENT_QUEUE_PER_PAGE", 25, int),
    Setting("EXPORTS_PER_PAGE", 20, int),
    Setting("NOTICES_PER_PAGE", 25, int),
)

FIXED = {
    "BABEL_DEFAULT_LOCALE": "en",
    "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "assessor" / "translations"),
    "STANDARDS_DIR": str(PROJECT_ROOT / "standards"),
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": None,
}


def from_environment(instance_path: str, environ=os.environ) -> dict:
    """Each setting's value: the environment's, parsed, or its default."""
    values = {}
    for setting in SETTINGS:
        text = environ.get(setting.name)
        if text not in (None, ""):
            values[setting.name] = setting.parse(text)
        else:
            values[setting.name] = setting.default(instance_path) if callable(setting.default) else setting.default
    return values


def load_config(app, overrides: dict | None) -> None:
    app.config.from_mapping(FIXED | from_environment(app.instance_path))
    if overrides:
        app.config.update(overrides)
    _derive(app.config, overrides or {}, app.instance_path)


def _derive(config, overrides: dict, instance_path: str) -> None:
    """The settings that follow from others (Flask's and the extensions' own names among them)."""
    config.setdefault("REMEMBER_COOKIE_DURATION", config["REMEMBER_DAYS"] * 24 * 3600)
    config.setdefault("REMEMBER_COOKIE_SECURE", config["SESSION_COOKIE_SECURE"])
    config.setdefault("RATELIMIT_STORAGE_URL", config["REDIS_URL"] or "memory://")
    if "MAX_CONTENT_LENGTH" not in overrides:
        config["MAX_CONTENT_LENGTH"] = config["UPLOAD_MAX_BYTES"] * config["UPLOAD_MAX_FILES"] + FORM_FIELDS_MARGIN
    if "SECRET_KEY_FROM_INSTANCE" not in overrides:
        config["SECRET_KEY_FROM_INSTANCE"] = not config.get("SECRET_KEY")
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = instance_secret_key(instance_path)

"""Time in one place, so tests and services agree on what now is."""
from datetime import date, datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def today() -> date:
    return utcnow().date()


def aware(moment: datetime) -> datetime:
    """A datetime read back from SQLite (naive, UTC) made comparable with utcnow()."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

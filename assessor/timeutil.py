"""Time in one place, so tests and services agree on what now is."""
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

_set_now: ContextVar[datetime | None] = ContextVar("set_now", default=None)


def utcnow() -> datetime:
    return _set_now.get() or datetime.now(UTC)


def today() -> date:
    return utcnow().date()


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Inside the block, now is `moment`: the demo tells its stories over the cohort's weeks."""
    token = _set_now.set(moment)
    try:
        yield
    finally:
        _set_now.reset(token)


def aware(moment: datetime) -> datetime:
    """A datetime read back from SQLite (naive, UTC) made comparable with utcnow()."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

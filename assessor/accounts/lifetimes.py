"""What a session is started with: how long it may live, and the device it is on."""
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Lifetimes:
    """How long a session lives unused (idle) and at most (absolute), without and with "keep me signed in"."""

    idle: timedelta
    absolute: timedelta
    remember_idle: timedelta
    remember_absolute: timedelta

    @classmethod
    def from_config(cls, config) -> "Lifetimes":
        return cls(
            idle=timedelta(minutes=config["SESSION_IDLE_MINUTES"]),
            absolute=timedelta(hours=config["SESSION_MAX_HOURS"]),
            remember_idle=timedelta(days=config["REMEMBER_IDLE_DAYS"]),
            remember_absolute=timedelta(seconds=config["REMEMBER_COOKIE_DURATION"]),
        )

    def of(self, remember: bool) -> tuple[timedelta, timedelta]:
        return (self.remember_idle, self.remember_absolute) if remember else (self.idle, self.absolute)


@dataclass(frozen=True)
class Device:
    """Where a session was started from, as the request tells it."""

    user_agent: str = ""
    address: str = ""

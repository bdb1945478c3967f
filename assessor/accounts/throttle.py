"""Failed sign-ins, counted in memory or in Redis when configured.

An account is refused after too many failures from one address, or from everywhere; an address
is only slowed down, so one college NAT full of typing mistakes never locks out anyone else.
"""
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, current_app
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

PER_ADDRESS_ACCOUNT = parse("5/15minutes")
PER_ACCOUNT = parse("20/15minutes")
#: a counter, not a limit: failures from an address beyond this are not counted (the delay is capped long before)
PER_ADDRESS = parse("1000/15minutes")
#: failures from an address before sign-ins from it are slowed down, and the first delay
FREE_FAILURES = 3
FIRST_DELAY = 0.25


@dataclass
class SignInThrottle:
    limiter: MovingWindowRateLimiter
    #: the longest an address's sign-in is held back, in seconds
    max_delay: float = 3.0
    sleep: Callable[[float], None] = field(default=time.sleep)

    def allowed(self, email: str, address: str) -> bool:
        """False while this account has failed too often, from this address or from everywhere."""
        return self.limiter.test(PER_ADDRESS_ACCOUNT, "address-account", address, email) and self.limiter.test(
            PER_ACCOUNT, "account", email
        )

    def delay(self, address: str) -> float:
        """Seconds to hold back a sign-in from this address: doubling with its failures, capped."""
        failures = PER_ADDRESS.amount - self.limiter.get_window_stats(PER_ADDRESS, "address", address).remaining
        if failures < FREE_FAILURES:
            return 0.0
        return min(self.max_delay, FIRST_DELAY * 2 ** (failures - FREE_FAILURES))

    def slow_down(self, address: str) -> None:
        seconds = self.delay(address)
        if seconds:
            self.sleep(seconds)

    def failed(self, email: str, address: str) -> None:
        self.limiter.hit(PER_ADDRESS_ACCOUNT, "address-account", address, email)
        self.limiter.hit(PER_ACCOUNT, "account", email)
        self.limiter.hit(PER_ADDRESS, "address", address)

    def clear(self, email: str, address: str) -> None:
        self.limiter.clear(PER_ADDRESS_ACCOUNT, "address-account", address, email)
        self.limiter.clear(PER_ACCOUNT, "account", email)


def init_app(app: Flask) -> None:
    storage = storage_from_string(app.config["RATELIMIT_STORAGE_URL"])
    app.extensions["sign_in_throttle"] = SignInThrottle(MovingWindowRateLimiter(storage), max_delay=app.config["SIGN_IN_MAX_DELAY"])


def sign_in_throttle() -> SignInThrottle:
    return current_app.extensions["sign_in_throttle"]

"""Failed sign-ins limited per account and per address: in memory, or in Redis when configured."""
from dataclasses import dataclass

from flask import Flask, current_app
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

PER_ACCOUNT = parse("5/15minutes")
PER_ADDRESS = parse("20/15minutes")


@dataclass
class SignInThrottle:
    limiter: MovingWindowRateLimiter

    def allowed(self, email: str, address: str) -> bool:
        return self.limiter.test(PER_ACCOUNT, "account", email) and self.limiter.test(PER_ADDRESS, "address", address)

    def failed(self, email: str, address: str) -> None:
        self.limiter.hit(PER_ACCOUNT, "account", email)
        self.limiter.hit(PER_ADDRESS, "address", address)

    def clear(self, email: str) -> None:
        self.limiter.clear(PER_ACCOUNT, "account", email)


def init_app(app: Flask) -> None:
    storage = storage_from_string(app.config["RATELIMIT_STORAGE_URL"])
    app.extensions["sign_in_throttle"] = SignInThrottle(MovingWindowRateLimiter(storage))


def sign_in_throttle() -> SignInThrottle:
    return current_app.extensions["sign_in_throttle"]

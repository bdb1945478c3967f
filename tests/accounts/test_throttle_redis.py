"""The sign-in throttle keeps its counts in Redis when RATELIMIT_STORAGE_URL points there."""
import os
import uuid

import pytest
from limits.storage import storage_from_string

from assessor import create_app
from assessor.accounts.throttle import PER_ADDRESS, sign_in_throttle

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_app(database_url):
    try:
        if not storage_from_string(REDIS_URL).check():
            pytest.skip("Redis does not answer at " + REDIS_URL)
    except Exception as error:  # noqa: BLE001 - any failure to reach Redis means skip
        pytest.skip(f"Redis does not answer at {REDIS_URL}: {error}")
    return create_app({"TESTING": True, "DATABASE_URL": database_url, "RATELIMIT_STORAGE_URL": REDIS_URL})


def test_failures_are_counted_in_redis_and_shared_between_app_instances(redis_app, database_url):
    email, address = f"{uuid.uuid4()}@example.org", f"test-{uuid.uuid4()}"
    with redis_app.app_context():
        throttle = sign_in_throttle()
        assert "Redis" in type(throttle.limiter.storage).__name__
        for _ in range(5):
            throttle.failed(email, address)
    other_instance = create_app({"TESTING": True, "DATABASE_URL": database_url, "RATELIMIT_STORAGE_URL": REDIS_URL})
    with other_instance.app_context():
        throttle = sign_in_throttle()
        assert not throttle.allowed(email, address)
        assert throttle.delay(address) > 0
        throttle.clear(email, address)
        assert throttle.allowed(email, address)
        throttle.limiter.clear(PER_ADDRESS, "address", address)


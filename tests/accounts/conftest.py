"""Account tests run inside a request context (gettext needs one) with a fresh in-memory throttle."""
import pytest
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from assessor.accounts.throttle import SignInThrottle
from assessor.mail.services import MailSettings

from ..factories import make_provider, make_user


@pytest.fixture
def ctx(app):
    with app.test_request_context():
        yield


@pytest.fixture
def slept() -> list[float]:
    """The delays the throttle asked for, instead of sleeping them."""
    return []


@pytest.fixture
def throttle(slept):
    return SignInThrottle(MovingWindowRateLimiter(storage_from_string("memory://")), max_delay=3.0, sleep=slept.append)


@pytest.fixture
def mail():
    return MailSettings()


@pytest.fixture
def provider(db_session):
    return make_provider(db_session)


@pytest.fixture
def person(db_session, provider):
    return make_user(db_session, provider=provider, roles=["learner"], name="Ffion Hughes", email="ffion@example.org")


def link_for(token: str) -> str:
    return f"https://assessor.test/link/{token}"

"""Cohort tests: a request context (the services' messages are translated) and the helpers they share."""
import pytest

from assessor.mail.services import MailSettings


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def mail() -> MailSettings:
    return MailSettings()


@pytest.fixture
def link_for():
    return lambda token: f"https://assessor.test/invitation/{token}"

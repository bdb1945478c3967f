"""Version-move tests: a request context (the services' messages are translated) and the cohort on version 3."""
import pytest

from .helpers import build_setting


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def setting(db_session):
    built = build_setting(db_session)
    db_session.commit()
    return built

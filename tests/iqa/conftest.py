"""IQA tests: a request context, so the services' messages are translated."""
import pytest


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield

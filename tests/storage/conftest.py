"""Storage tests: a request context (messages are translated) and a fresh storage folder per test."""
import io

import pytest
from werkzeug.datastructures import FileStorage


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def root(tmp_path):
    return tmp_path / "storage"


@pytest.fixture
def upload():
    """A werkzeug FileStorage as a form would give it."""
    return lambda data, filename="evidence.pdf": FileStorage(stream=io.BytesIO(data), filename=filename)

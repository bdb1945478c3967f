"""What the evidence page tests share: the world's first learner, signed in, posting forms without CSRF tokens."""
import pytest

from ..factories import login_as


@pytest.fixture
def learner(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.learner)
    return client

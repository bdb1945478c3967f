"""`/healthz` and `/readyz`: JSON, no cookie, and 503 with the failing check named when the database or Redis is away."""
import pytest
from limits.storage import storage_from_string

from assessor import create_app

#: nothing listens here (a port of this branch's own range), so a connection is refused at once
UNREACHABLE_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:8139/nowhere?connect_timeout=2"
UNREACHABLE_REDIS = "redis://127.0.0.1:8139/13"
REDIS_URL = "redis://127.0.0.1:6379/13"


def test_healthz_answers_without_the_database():
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": UNREACHABLE_DATABASE})
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ready", "checks": {"database": "ok"}}
    assert "Set-Cookie" not in response.headers


def test_readyz_is_not_ready_when_the_database_is_unreachable(caplog):
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": UNREACHABLE_DATABASE, "REDIS_URL": None})
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "not ready", "checks": {"database": "unreachable"}}
    assert "8139" not in response.get_data(as_text=True)
    assert any("database unreachable" in record.getMessage() for record in caplog.records)


def test_readyz_checks_redis_when_configured(app):
    app.config["REDIS_URL"] = UNREACHABLE_REDIS
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "not ready", "checks": {"database": "ok", "redis": "unreachable"}}


def test_readyz_is_ready_with_redis_answering(app):
    try:
        storage_from_string(REDIS_URL).check()
    except Exception as error:  # noqa: BLE001 - no Redis here means skip
        pytest.skip(f"Redis does not answer at {REDIS_URL}: {error}")
    app.config["REDIS_URL"] = REDIS_URL
    response = app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["checks"] == {"database": "ok", "redis": "ok"}

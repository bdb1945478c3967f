"""No known secret: without SECRET_KEY each instance makes its own key, and no string in the source signs a session."""
import ast
import os
import stat
from pathlib import Path

import pytest
from flask.sessions import SecureCookieSessionInterface

from assessor import create_app
from assessor.secret_key import instance_secret_key

from .factories import login_as, make_user

SOURCE = Path(__file__).resolve().parents[1] / "assessor"


def source_strings() -> set[str]:
    """Every string literal in the package: the keys an attacker reading the source could try."""
    found = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
                found.add(node.value)
    return found


def forged_cookie(app, key: str, token: str) -> str:
    app_with_key = type("KeyHolder", (), {"secret_key": key, "config": app.config})()
    serializer = SecureCookieSessionInterface().get_signing_serializer(app_with_key)
    return serializer.dumps({"_user_id": token, "_fresh": True})


@pytest.fixture
def keyless_app(tmp_path, monkeypatch, database_url, db_session, storage_root):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    config = {"TESTING": True, "DATABASE_URL": database_url, "STORAGE_DIR": str(storage_root)}
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    app.extensions["db_sessionmaker"] = lambda: db_session
    return app


def test_the_key_is_made_once_private_and_kept(tmp_path):
    first = instance_secret_key(str(tmp_path))
    assert len(first) >= 48
    assert instance_secret_key(str(tmp_path)) == first
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600


def test_each_instance_has_its_own_key(tmp_path):
    assert instance_secret_key(str(tmp_path / "one")) != instance_secret_key(str(tmp_path / "two"))


def test_a_damaged_key_file_is_refused_with_what_to_do(tmp_path):
    (tmp_path / "secret_key").write_text("short\n")
    with pytest.raises(RuntimeError, match="delete it"):
        instance_secret_key(str(tmp_path))


def test_secret_key_from_the_environment_wins(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("SECRET_KEY", "k" * 64)
    app = create_app({"DATABASE_URL": database_url}, instance_path=str(tmp_path))
    assert app.config["SECRET_KEY"] == "k" * 64
    assert not (tmp_path / "secret_key").exists()


def test_keyless_app_uses_the_instance_key(keyless_app):
    assert keyless_app.config["SECRET_KEY"] == instance_secret_key(keyless_app.instance_path)


def test_a_cookie_forged_with_any_string_from_the_source_is_refused(keyless_app, db_session):
    admin = make_user(db_session, site_admin=True)
    token = login_as(keyless_app.test_client(), admin)  # even a live session's token needs the key
    client = keyless_app.test_client()
    strings = source_strings()
    assert len(strings) > 1000
    for key in strings:
        client.set_cookie("session", forged_cookie(keyless_app, key, token))
        response = client.get("/admin/providers/new")
        assert response.status_code == 302, f"a session signed with {key!r} was accepted"
    client.set_cookie("session", forged_cookie(keyless_app, keyless_app.config["SECRET_KEY"], token))
    assert client.get("/admin/providers/new").status_code == 200

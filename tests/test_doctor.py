"""`assessor doctor`: each unsafe setting named with what to do, exit 1; a safe production setting passes with exit 0."""
import pytest

from assessor import create_app
from assessor.doctor import Deployment, deployment, doctor_command

POSTGRES = "postgresql+psycopg://assessor@db.example/assessor"
#: two machines with two workers each, done right
SAFE = {
    "DATABASE_URL": POSTGRES,
    "SECRET_KEY": "a-long-random-value-set-the-same-on-every-machine",
    "SECRET_KEY_FROM_INSTANCE": False,
    "REDIS_URL": "redis://127.0.0.1:6379/13",
    "TRUSTED_PROXIES": 1,
    "WEB_CONCURRENCY": 2,
    "WEB_NODES": 2,
}


def run_doctor(monkeypatch, debug: bool = False, gunicorn_args: str = "", **changes):
    monkeypatch.setenv("GUNICORN_CMD_ARGS", gunicorn_args)
    monkeypatch.setenv("FLASK_DEBUG", "1" if debug else "0")
    app = create_app({"TESTING": True, **SAFE, **changes})
    return app.test_cli_runner().invoke(doctor_command)


def test_a_safe_production_setting_passes(monkeypatch):
    result = run_doctor(monkeypatch)
    assert result.exit_code == 0, result.output
    assert "Nothing unsafe found (2 worker(s) a machine, 2 machine(s), database postgresql+psycopg)" in result.output


@pytest.mark.parametrize(
    ("changes", "problem", "remedy"),
    [
        ({"SECRET_KEY_FROM_INSTANCE": True}, "SECRET_KEY is not set and WEB_NODES says 2 machines", "set the same long random SECRET_KEY"),
        ({"DATABASE_URL": "sqlite:///x.sqlite3", "WEB_NODES": 1}, "the database is SQLite with 2 worker(s)", "use PostgreSQL"),
        ({"REDIS_URL": None}, "REDIS_URL is not set with 4 worker processes", "set REDIS_URL="),
        ({"TRUSTED_PROXIES": 0}, "TRUSTED_PROXIES is 0 and SESSION_COOKIE_SECURE is off", "set TRUSTED_PROXIES to the number of proxies"),
    ],
)
def test_each_unsafe_setting_is_named_with_what_to_do(monkeypatch, changes, problem, remedy):
    result = run_doctor(monkeypatch, **changes)
    assert result.exit_code == 1
    assert f"UNSAFE: {problem}" in result.output
    what_to_do = result.output.split(problem, 1)[1].split("\n", 2)[1]
    assert what_to_do.startswith("  what to do: ") and remedy in what_to_do
    assert "1 unsafe setting(s)" in result.output


def test_debug_mode_is_unsafe(monkeypatch):
    result = run_doctor(monkeypatch, debug=True)
    assert result.exit_code == 1
    assert "UNSAFE: debug mode is on" in result.output


def test_one_worker_on_one_machine_needs_neither_postgresql_nor_redis_nor_a_set_key(monkeypatch):
    single = {"DATABASE_URL": "sqlite:///x.sqlite3", "REDIS_URL": None, "SECRET_KEY_FROM_INSTANCE": True, "WEB_CONCURRENCY": 1, "WEB_NODES": 1}
    result = run_doctor(monkeypatch, **single)
    assert result.exit_code == 0, result.output


def test_https_served_by_gunicorn_itself_is_safe_without_proxies(monkeypatch):
    assert run_doctor(monkeypatch, TRUSTED_PROXIES=0, SESSION_COOKIE_SECURE=True).exit_code == 0


def test_workers_are_read_from_gunicorns_own_settings(monkeypatch):
    config = {"WEB_CONCURRENCY": 1, "WEB_NODES": 1}
    assert deployment(config, {"GUNICORN_CMD_ARGS": "--bind 0.0.0.0:8000 --workers 3"}) == Deployment(3, 1)
    assert deployment(config, {"GUNICORN_CMD_ARGS": "-w 4"}) == Deployment(4, 1)
    assert deployment(config, {}) == Deployment(1, 1)
    result = run_doctor(monkeypatch, gunicorn_args="--workers 2", DATABASE_URL="sqlite:///x.sqlite3", WEB_CONCURRENCY=1, WEB_NODES=1)
    assert "the database is SQLite with 2 worker(s)" in result.output


def test_the_key_made_in_the_instance_folder_is_known_as_such(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert create_app({"TESTING": True}, instance_path=str(tmp_path)).config["SECRET_KEY_FROM_INSTANCE"] is True
    monkeypatch.setenv("SECRET_KEY", "from-the-environment-and-long-enough-to-use")
    assert create_app({"TESTING": True}, instance_path=str(tmp_path)).config["SECRET_KEY_FROM_INSTANCE"] is False

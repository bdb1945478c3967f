"""Every response carries a request id, taken from a trusted proxy (cleaned, cut short) or made here, and so does every log line."""
import logging

from flask import current_app

from assessor import create_app
from assessor.core.request_id import MAX_LENGTH, RequestIdFilter, given_id

from .conftest import app_config


def test_a_request_id_is_made_for_every_request(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first.headers["X-Request-ID"]) == 32
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


def test_a_proxys_id_is_ignored_unless_proxies_are_trusted(app, client):
    assert client.get("/healthz", headers={"X-Request-ID": "from-outside"}).headers["X-Request-ID"] != "from-outside"
    app.config["TRUSTED_PROXIES"] = 1
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123.x_y"}).headers["X-Request-ID"] == "abc-123.x_y"


def test_a_proxys_id_is_cleaned_and_cut_short(app, client):
    app.config["TRUSTED_PROXIES"] = 1
    hostile = "evil\tSet-Cookie: x=1<script>%0d%0a" + "a" * 200
    answered = client.get("/healthz", headers={"X-Request-ID": hostile}).headers["X-Request-ID"]
    assert answered == given_id(hostile)
    assert answered.startswith("evilSet-Cookiex1script0d0a") and len(answered) == MAX_LENGTH
    assert given_id("<>\"' ") is None
    assert len(client.get("/healthz", headers={"X-Request-ID": "<>"}).headers["X-Request-ID"]) == 32


def test_log_lines_of_a_request_carry_its_id(database_url, storage_root, caplog):
    app = create_app(app_config(database_url, storage_root))
    client = app.test_client()
    caplog.handler.addFilter(RequestIdFilter())

    @app.get("/_log_something")
    def log_something():
        current_app.logger.warning("something happened")
        logging.getLogger("assessor.anywhere").warning("and elsewhere")
        return "logged"

    response = client.get("/_log_something")
    lines = [record for record in caplog.records if record.getMessage() in {"something happened", "and elsewhere"}]
    assert len(lines) == 2
    assert {record.request_id for record in lines} == {response.headers["X-Request-ID"]}


def test_log_lines_outside_a_request_say_so(caplog):
    caplog.handler.addFilter(RequestIdFilter())
    logging.getLogger("assessor.anywhere").warning("at start-up")
    assert caplog.records[-1].request_id == "-"

"""Every route in the URL map, asked by every kind of person, answers as its table says, never cached when signed in.

A route without a row in a `table_*.py` beside this file fails the suite, so a new page cannot
ship without someone deciding who may see it.
"""
import importlib
import pkgutil

import pytest

from .. import access
from ..factories import login_as
from .routes import ACTORS, ADMIN, ANON, ASSESSOR, IQA, LEARNER, OTHER_PROVIDER, SITE_ADMIN, Route

IGNORED_ENDPOINTS = {"static"}


def all_routes() -> list[Route]:
    routes: list[Route] = []
    for module in pkgutil.iter_modules(access.__path__):
        if module.name.startswith("table_"):
            routes += importlib.import_module(f"{access.__name__}.{module.name}").ROUTES
    return routes


ROUTES = all_routes()


def actor_user(world, actor: str):
    return {
        ANON: None,
        SITE_ADMIN: world.site_admin,
        ADMIN: world.a.admin,
        ASSESSOR: world.a.assessor,
        IQA: world.a.iqa,
        LEARNER: world.a.learner,
        OTHER_PROVIDER: world.b.admin,
    }[actor]


@pytest.fixture
def access_client(app):
    app.config["WTF_CSRF_ENABLED"] = False
    return app.test_client()


def test_every_route_has_a_row(app):
    listed = {(route.endpoint, route.method) for route in ROUTES}
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in IGNORED_ENDPOINTS:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if (rule.endpoint, method) not in listed:
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    assert not missing, "routes with no row in tests/access/table_*.py:\n" + "\n".join(missing)


def test_every_row_names_a_real_route(app):
    real = {(rule.endpoint, method) for rule in app.url_map.iter_rules() for method in rule.methods}
    stale = [f"{route.method} {route.endpoint}" for route in ROUTES if (route.endpoint, route.method) not in real]
    assert not stale, f"rows for routes that no longer exist: {stale}"


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("route", ROUTES, ids=lambda route: f"{route.method}-{route.endpoint}")
def test_route_answers_as_the_table_says(app, access_client, world, route: Route, actor: str):
    user = actor_user(world, actor)
    if user is not None:
        login_as(access_client, user)
    with app.test_request_context():
        from flask import url_for

        url = url_for(route.endpoint, **route.args(world))
    response = access_client.open(url, method=route.method, data=route.data(world))
    assert response.status_code in route.expected(actor), (
        f"{route.method} {url} as {actor}: got {response.status_code}, table says {sorted(route.expected(actor))}"
    )
    if user is not None:
        assert "no-store" in response.headers.get("Cache-Control", ""), f"{route.method} {url} as {actor}: no Cache-Control: no-store"

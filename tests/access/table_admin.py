"""Access table: the site administrator's providers pages."""
from .routes import ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

SITE_ADMINS_ONLY = {ANON: TO_SIGN_IN, SITE_ADMIN: 200, ANY_ACTOR: 403}
#: provider A's page: its own people are refused, provider B does not learn it exists
PROVIDER_A = {ANON: TO_SIGN_IN, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def _provider_a(world) -> dict:
    return {"provider_id": world.a.provider.id}


ROUTES = [
    Route("admin.providers", "GET", SITE_ADMINS_ONLY),
    Route("admin.new_provider", "GET", SITE_ADMINS_ONLY),
    Route("admin.new_provider", "POST", {**SITE_ADMINS_ONLY, SITE_ADMIN: 422}, data=lambda w: {"name": ""}),
    Route("admin.provider", "GET", {**PROVIDER_A, SITE_ADMIN: 200}, args=_provider_a),
    Route("admin.provider", "POST", {**PROVIDER_A, SITE_ADMIN: 422}, args=_provider_a, data=lambda w: {"name": ""}),
    Route("admin.close_provider", "POST", {**PROVIDER_A, SITE_ADMIN: 302}, args=_provider_a),
    Route("admin.reopen_provider", "POST", {**PROVIDER_A, SITE_ADMIN: 302}, args=_provider_a),
]

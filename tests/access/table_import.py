"""Access table: importing a standard in the browser (site and provider administrators)."""
from .routes import ADMIN, ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

IMPORTERS = (SITE_ADMIN, ADMIN, OTHER_PROVIDER)


def importers_get(code: int) -> dict:
    return {ANON: TO_SIGN_IN, ANY_ACTOR: 403, **{actor: code for actor in IMPORTERS}}


ROUTES = [
    Route("standards_import.new", "GET", importers_get(200)),
    Route("standards_import.preview", "POST", importers_get(422), data=lambda w: {"text": ""}),
    Route("standards_import.confirm", "POST", importers_get(422), data=lambda w: {"text": ""}),
]

"""Access table: reviewing a provider's scenario versions (its administrators, authors and assessors) and sharing its
scenarios with the site (offered by its authors, decided by a site administrator)."""
from sqlalchemy.orm import object_session

from .routes import ADMIN, ANON, ANY_ACTOR, ASSESSOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route
from .table_scenario_authoring import _draft, _drafted, draft

#: each provider's reviewers see their own provider's waiting list
REVIEWERS = {ANON: TO_SIGN_IN, ADMIN: 200, ASSESSOR: 200, OTHER_PROVIDER: 200, ANY_ACTOR: 403}
#: provider A's version: its reviewers only; people of no provider or another one do not find it
A_REVIEWERS = {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}
#: provider A's offered scenario: a site administrator only; provider A's people may not decide; others find nothing
DECIDERS = {ANON: TO_SIGN_IN, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def version(world) -> dict:
    """Provider A's version 1 (live: review is off)."""
    from assessor.scenarios.catalogue import find_version

    _draft(world)
    return {"version_id": find_version(object_session(world.a.admin), "acme-first-call", 1).id}


def offered(world) -> dict:
    """Provider A's scenario, offered to the site."""
    if not hasattr(world, "offered_draft"):
        from assessor.scenarios.models import ScenarioDraft
        from assessor.scenarios.sharing import offer

        session = object_session(world.a.admin)
        offer(session, world.a.admin, session.get(ScenarioDraft, _draft(world)))
        session.commit()
        world.offered_draft = _draft(world)
    return {"draft_id": world.offered_draft}


ROUTES = [
    Route("scenario_review.index", "GET", REVIEWERS),
    #: nothing posted: review stays off, back to the authoring index
    Route("scenario_review.setting", "POST", {ANON: TO_SIGN_IN, ADMIN: 302, OTHER_PROVIDER: 302, ANY_ACTOR: 403}),
    Route("scenario_review.version", "GET", {**A_REVIEWERS, ADMIN: 200, ASSESSOR: 200}, args=version),
    #: the administrator published it (never their own); for the assessor it is already live
    Route("scenario_review.approve", "POST", {**A_REVIEWERS, ADMIN: 422, ASSESSOR: 409}, args=version),
    #: no note: refused beside the field (the administrator: their own version)
    Route("scenario_review.send_back", "POST", {**A_REVIEWERS, ADMIN: 422, ASSESSOR: 422}, args=version),
    Route("scenario_sharing.index", "GET", {ANON: TO_SIGN_IN, SITE_ADMIN: 200, ANY_ACTOR: 403}),
    Route("scenario_sharing.offer_page", "GET", {**DECIDERS, SITE_ADMIN: 200}, args=offered),
    Route("scenario_sharing.accept", "POST", {**DECIDERS, SITE_ADMIN: 302}, args=offered),
    #: no note: refused beside the field
    Route("scenario_sharing.decline", "POST", {**DECIDERS, SITE_ADMIN: 422}, args=offered),
    #: back to the scenario's page (withdrawing a scenario never offered says so there)
    Route("scenario_sharing.offer", "POST", _drafted(302), args=draft),
    Route("scenario_sharing.withdraw", "POST", _drafted(302), args=draft),
]

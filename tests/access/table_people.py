"""Access table: a provider's people pages (provider administrators only; other providers' people are 404)."""
from .routes import ADMIN, ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: the list and the invitation form: each provider administrator sees their own provider's
OWN_PROVIDER = {ANON: TO_SIGN_IN, ADMIN: 200, OTHER_PROVIDER: 200, ANY_ACTOR: 403}
#: a form that fails validation answers 422 to those who may use it
OWN_PROVIDER_FORM = {ANON: TO_SIGN_IN, ADMIN: 422, OTHER_PROVIDER: 422, ANY_ACTOR: 403}


def person_page(admin_code: int) -> dict:
    """Provider A's person: A's administrator gets `admin_code`; B's administrator and the site administrator 404."""
    return {ANON: TO_SIGN_IN, ADMIN: admin_code, OTHER_PROVIDER: 404, SITE_ADMIN: 404, ANY_ACTOR: 403}


def learner(world) -> dict:
    return {"user_id": world.a.learner.id}


ROUTES = [
    Route("people.index", "GET", OWN_PROVIDER),
    Route("people.invite", "GET", OWN_PROVIDER),
    Route("people.invite", "POST", OWN_PROVIDER_FORM, data=lambda w: {"name": "", "email": "nobody", "roles": []}),
    Route("people.detail", "GET", person_page(200), args=learner),
    Route("people.change_roles", "POST", person_page(302), args=learner, data=lambda w: {"roles": ["learner"]}),
    Route("people.deactivate_person", "POST", person_page(302), args=lambda w: {"user_id": w.a.other_learner.id}),
    Route("people.reactivate_person", "POST", person_page(302), args=learner),
    Route("people.resend", "POST", person_page(302), args=learner),
]

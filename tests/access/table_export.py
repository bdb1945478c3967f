"""Access table: the portfolio PDF (the learner, their assessor and IQA, and their provider's administrators)."""
from .routes import ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

ROUTES = [
    Route(
        "export.portfolio",
        "GET",
        {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 200},
        args=lambda w: {"learner_id": w.a.learner.id, "lang": "en"},
    ),
]

"""Access table: a learner's history, for the learner, their assigned assessor and IQA, and their provider's administrators."""
from .routes import ADMIN, ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: another provider's people and site administrators find nothing; signed-out people are sent to sign in
NOT_THEIRS = {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404}


def learner(w) -> dict:
    return {"learner_id": w.a.learner.id}


def unassigned_learner(w) -> dict:
    """Provider A's learner with no assessor or IQA: only administrators may look."""
    return {"learner_id": w.a.other_learner.id}


ROUTES = [
    Route("audit.history", "GET", NOT_THEIRS | {ANY_ACTOR: 200}, args=learner),
    Route("audit.history", "GET", NOT_THEIRS | {ADMIN: 200, ANY_ACTOR: 403}, args=unassigned_learner),
]

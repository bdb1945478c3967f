"""Access table: portfolios, evidence items and their files, observations (provider A's learner and their draft)."""
from .routes import ANON, ANY_ACTOR, ASSESSOR, LEARNER, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: anyone who may view the learner: the learner, their provider's administrators, their assessor and IQA
VIEWERS = {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 200}


def _owner_only(learner_gets: int) -> dict:
    """Changing the learner's item: only the learner; other staff of the provider are refused."""
    return {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, LEARNER: learner_gets, ANY_ACTOR: 403}


def learner(w) -> dict:
    return {"learner_id": w.a.learner.id}


def draft(w) -> dict:
    return learner(w) | {"number": w.a.portfolio.draft.number}


def draft_version(w) -> dict:
    return {"version": str(w.a.portfolio.draft.version)}


def submitted_file(w) -> dict:
    return learner(w) | {"number": w.a.portfolio.submitted.number, "file_id": w.a.portfolio.file.id}


ROUTES = [
    Route("evidence.portfolio", "GET", {ANON: TO_SIGN_IN, LEARNER: 200, ANY_ACTOR: 403}),
    Route("evidence.learner_portfolio", "GET", VIEWERS | {LEARNER: 302}, args=learner),
    Route("evidence.new", "GET", {ANON: TO_SIGN_IN, LEARNER: 200, ANY_ACTOR: 403}),
    Route("evidence.new", "POST", {ANON: TO_SIGN_IN, LEARNER: 422, ANY_ACTOR: 403}),
    Route("evidence.new_observation", "GET", {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ASSESSOR: 200, ANY_ACTOR: 403}, args=learner),
    Route("evidence.new_observation", "POST", {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ASSESSOR: 422, ANY_ACTOR: 403}, args=learner),
    Route("evidence.show", "GET", VIEWERS, args=draft),
    Route("evidence.edit", "GET", _owner_only(200), args=draft),
    Route("evidence.edit", "POST", _owner_only(422), args=draft, data=draft_version),
    Route("evidence.upload", "POST", _owner_only(422), args=draft, data=draft_version),
    #: the file belongs to submitted evidence: the learner is sent back to the item with the reason
    Route("evidence.remove_file", "POST", _owner_only(302), args=submitted_file),
    Route("evidence.download", "GET", VIEWERS, args=submitted_file),
    Route("evidence.submit", "GET", _owner_only(200), args=draft),
    Route("evidence.submit", "POST", _owner_only(422), args=draft, data=draft_version),
    Route("evidence.delete", "GET", _owner_only(200), args=draft),
    Route("evidence.delete", "POST", _owner_only(302), args=draft, data=draft_version),
    #: several of the learner's own items at once: only learners; posted with nothing chosen, refused as invalid
    Route("evidence.submit_several_items", "GET", {ANON: TO_SIGN_IN, LEARNER: 200, ANY_ACTOR: 403}),
    Route("evidence.submit_several_items", "POST", {ANON: TO_SIGN_IN, LEARNER: 422, ANY_ACTOR: 403}),
]


def enrolment(w) -> dict:
    return learner(w) | {"enrolment_id": w.a.enrolment.id}


ROUTES += [
    Route("evidence.mapping", "GET", VIEWERS, args=draft),
    #: posted without a version: refused as invalid for the learner
    Route("evidence.mapping", "POST", _owner_only(422), args=draft),
    Route("evidence.matrix", "GET", VIEWERS, args=enrolment),
]

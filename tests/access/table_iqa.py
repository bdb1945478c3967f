"""Access table: quality assurance (the IQA's queue and samples, the assessor's referrals, plans, the report)."""
from .routes import ADMIN, ANON, ANY_ACTOR, ASSESSOR, IQA, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route


def _only(actor: str, code: int) -> dict:
    """A page with no object: one role of any provider."""
    return {ANON: TO_SIGN_IN, actor: code, ANY_ACTOR: 403}


def _of_provider_a(actor: str, code: int) -> dict:
    """Provider A's thing: one person acts, A's others are refused, everyone else finds nothing."""
    return {ANON: TO_SIGN_IN, actor: code, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def sample(w) -> dict:
    return {"sample_id": w.a.portfolio.sample.id}


def cohort(w) -> dict:
    return {"cohort_id": w.a.cohort.id}


def pinned(w) -> dict:
    return cohort(w) | {"cohort_standard_id": w.a.cohort.standards[0].id}


REPORT = {ANON: TO_SIGN_IN, ADMIN: 200, IQA: 200, OTHER_PROVIDER: 200, ANY_ACTOR: 403}

ROUTES = [
    Route("iqa.queue", "GET", _only(IQA, 200)),
    Route("iqa.sample", "GET", _of_provider_a(IQA, 200), args=sample),
    Route("iqa.sample", "POST", _of_provider_a(IQA, 422), args=sample),
    Route("iqa.actions", "GET", _only(ASSESSOR, 200)),
    Route("iqa.respond", "GET", _of_provider_a(ASSESSOR, 200), args=sample),
    Route("iqa.respond", "POST", _of_provider_a(ASSESSOR, 422), args=sample),
    Route("iqa.report", "GET", REPORT),
    Route("iqa.plan", "GET", _of_provider_a(ADMIN, 200), args=cohort),
    Route("iqa.plan", "POST", _of_provider_a(ADMIN, 422), args=cohort),
    Route("iqa.standard_settings", "GET", _of_provider_a(ADMIN, 200), args=pinned),
    Route("iqa.standard_settings", "POST", _of_provider_a(ADMIN, 422), args=pinned),
]

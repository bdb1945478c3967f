"""Access table: the assessor's caseload, and the cohort dashboard with its CSV (the cohort's provider administrators only)."""
from .routes import ADMIN, ANON, ANY_ACTOR, ASSESSOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: provider A's cohort: its administrators see it, its other roles are refused, everyone else finds nothing
OF_COHORT = {ANON: TO_SIGN_IN, ADMIN: 200, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def cohort(w) -> dict:
    return {"cohort_id": w.a.cohort.id}


ROUTES = [
    Route("dashboards.caseload", "GET", {ANON: TO_SIGN_IN, ASSESSOR: 200, ANY_ACTOR: 403}),
    Route("dashboards.cohort", "GET", OF_COHORT, args=cohort),
    Route("dashboards.cohort_csv", "GET", OF_COHORT, args=cohort),
]

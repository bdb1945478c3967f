"""Access table: cohorts, their learners and enrolments (provider administrators of the cohort's provider only)."""
from .routes import ADMIN, ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: pages with no object: the provider's own administrators only (provider B's administrator sees B's)
PROVIDER_PAGE = {ANON: TO_SIGN_IN, ADMIN: 200, OTHER_PROVIDER: 200, ANY_ACTOR: 403}
#: a form posted empty: refused as invalid for administrators
PROVIDER_FORM = {ANON: TO_SIGN_IN, ADMIN: 422, OTHER_PROVIDER: 422, ANY_ACTOR: 403}


def _of_cohort(admin_gets: int) -> dict:
    """Provider A's cohort: its administrators act, its other roles are refused, everyone else finds nothing."""
    return {ANON: TO_SIGN_IN, ADMIN: admin_gets, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def cohort(w) -> dict:
    return {"cohort_id": w.a.cohort.id}


def member(w) -> dict:
    return {"cohort_id": w.a.cohort.id, "member_id": w.a.enrolment.member_id}


def enrolment(w) -> dict:
    return member(w) | {"enrolment_id": w.a.enrolment.id}


ROUTES = [
    Route("cohorts.index", "GET", PROVIDER_PAGE),
    Route("cohorts.new", "GET", PROVIDER_PAGE),
    Route("cohorts.new", "POST", PROVIDER_FORM),
    Route("cohorts.show", "GET", _of_cohort(200), args=cohort),
    Route("cohorts.edit", "GET", _of_cohort(200), args=cohort),
    Route("cohorts.edit", "POST", _of_cohort(422), args=cohort),
    Route("cohorts.enrol", "GET", _of_cohort(200), args=cohort),
    Route("cohorts.enrol", "POST", _of_cohort(422), args=cohort),
    Route("cohorts.add_one", "GET", _of_cohort(200), args=cohort),
    Route("cohorts.add_one", "POST", _of_cohort(422), args=cohort),
    Route("cohorts.upload", "GET", _of_cohort(200), args=cohort),
    Route("cohorts.upload", "POST", _of_cohort(422), args=cohort),
    Route("cohorts.confirm_upload", "POST", _of_cohort(302), args=cohort),
    Route("cohorts.learner", "GET", _of_cohort(200), args=member),
    Route("cohorts.assignment", "GET", _of_cohort(200), args=enrolment),
    Route("cohorts.assignment", "POST", _of_cohort(302), args=enrolment),
    Route("cohorts.withdraw_learner", "GET", _of_cohort(200), args=member),
    Route("cohorts.withdraw_learner", "POST", _of_cohort(422), args=member),
    Route("cohorts.begin_break", "GET", _of_cohort(200), args=member),
    Route("cohorts.begin_break", "POST", _of_cohort(422), args=member),
    Route("cohorts.finish_break", "GET", _of_cohort(200), args=member),
    Route("cohorts.finish_break", "POST", _of_cohort(422), args=member),
    Route("cohorts.transfer_learner", "GET", _of_cohort(200), args=member),
    Route("cohorts.transfer_learner", "POST", _of_cohort(422), args=member),
]

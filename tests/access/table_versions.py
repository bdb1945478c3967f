"""Access table: moving a cohort to a newer version of a standard (provider administrators of the cohort's provider only)."""
from .routes import ADMIN, ANON, ANY_ACTOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route


def _of_cohort(admin_gets: int) -> dict:
    return {ANON: TO_SIGN_IN, ADMIN: admin_gets, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def pinned(w) -> dict:
    return {"cohort_id": w.a.cohort.id, "standard_id": w.standard.id}


def no_such_move(w) -> dict:
    """The world has no move; the pages of a real one are tested in tests/versions/test_pages.py."""
    return {"cohort_id": w.a.cohort.id, "move_id": 999999}


ROUTES = [
    Route("assessment.version_preview", "GET", _of_cohort(200), args=pinned),
    Route("assessment.version_preview", "POST", _of_cohort(422), args=pinned),
    Route("assessment.version_move", "GET", _of_cohort(404), args=no_such_move),
    Route("assessment.reverse_version_move", "POST", _of_cohort(404), args=no_such_move),
]

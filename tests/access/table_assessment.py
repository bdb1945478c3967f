"""Access table: the assessment pages (the queue, reviews, corrections, decision histories; sign-off below)."""
from .routes import ANON, ANY_ACTOR, ASSESSOR, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: a page of no one object: assessors only
ASSESSORS = {ANON: TO_SIGN_IN, ASSESSOR: 200, ANY_ACTOR: 403}
#: the learner's readers (themself, their assessor and IQA, the provider's administrators); nobody elsewhere
READERS = {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 200}


def _assessor_of_enrolment(assessor_gets: int) -> dict:
    """Provider A's learner: only the enrolment's assessor acts; others there are refused, others elsewhere find nothing."""
    return {ANON: TO_SIGN_IN, ASSESSOR: assessor_gets, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def waiting(w) -> dict:
    return {"submission_id": w.a.portfolio.submitted.submissions[-1].id, "enrolment_id": w.a.enrolment.id}


def reviewed(w) -> dict:
    return {"submission_id": w.a.portfolio.review.submission_id, "enrolment_id": w.a.enrolment.id}


def decision(w) -> dict:
    return {"decision_id": w.a.portfolio.review.decisions[0].id}


def decisions(w) -> dict:
    return {"learner_id": w.a.learner.id, "enrolment_id": w.a.enrolment.id}


ROUTES = [
    Route("assessment.queue", "GET", ASSESSORS),
    Route("assessment.review", "GET", _assessor_of_enrolment(200), args=waiting),
    Route("assessment.review", "POST", _assessor_of_enrolment(422), args=waiting),
    Route("assessment.review", "GET", READERS, args=reviewed),
    Route("assessment.correct", "GET", _assessor_of_enrolment(200), args=decision),
    Route("assessment.correct", "POST", _assessor_of_enrolment(422), args=decision),
    Route("assessment.learner_decisions", "GET", READERS, args=decisions),
]


# -- sign-off (assessment/signoff_views.py): the world's raw sign-off of provider A's learner ------------------
from .routes import ADMIN, LEARNER  # noqa: E402


def signing_enrolment(w) -> dict:
    return {"enrolment_id": w.a.enrolment.id}


def sign_off(w) -> dict:
    return {"sign_off_id": w.a.portfolio.sign_off.id}


def _sign_off_for(gets: int, *actors: str) -> dict:
    """Only `actors` of provider A act on its sign-off; others there are refused, others elsewhere find nothing."""
    return {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403} | dict.fromkeys(actors, gets)


ROUTES += [
    Route("assessment.sign_off", "GET", _assessor_of_enrolment(200), args=signing_enrolment),
    Route("assessment.sign_off", "POST", _assessor_of_enrolment(422), args=signing_enrolment),
    Route("assessment.sign_off_record", "GET", READERS, args=sign_off),
    Route("assessment.countersign", "GET", _sign_off_for(200, LEARNER), args=sign_off),
    Route("assessment.countersign", "POST", _sign_off_for(422, LEARNER), args=sign_off),
    Route("assessment.withdraw_sign_off", "GET", _sign_off_for(200, ASSESSOR, ADMIN), args=sign_off),
    Route("assessment.withdraw_sign_off", "POST", _sign_off_for(422, ASSESSOR, ADMIN), args=sign_off),
]

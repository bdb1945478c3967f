"""How assessment reads in the audit history: the evidence and criterion a review, decision or sign-off names."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit.labels import register_fields, register_sentences
from ..audit.presenting import register_lookup
from ..cohorts.models import Enrolment
from ..evidence.models import Evidence, Submission
from ..standards.models import Criterion, Standard
from ..standards.references import criterion_label
from .models import Decision, Review, SignOff


def _by_review(session: Session, ids: set[int]):
    query = select(Review.id, Evidence).join(Submission, Submission.id == Review.submission_id).join(Evidence)
    return {row.id: {"reference": row.Evidence.reference} for row in session.execute(query.where(Review.id.in_(ids)))}


def _by_decision(session: Session, ids: set[int]):
    query = select(Decision.id, Evidence, Criterion.ref, Criterion.code).join(Evidence).join(Criterion)
    rows = session.execute(query.where(Decision.id.in_(ids)))
    return {row.id: {"reference": row.Evidence.reference, "criterion": criterion_label(row.ref, row.code)} for row in rows}


def _by_sign_off(session: Session, ids: set[int]):
    query = select(SignOff.id, Standard.urn).join(Enrolment, Enrolment.id == SignOff.enrolment_id).join(Standard)
    return {row.id: {"standard": row.urn} for row in session.execute(query.where(SignOff.id.in_(ids)))}


register_lookup("review", _by_review)
register_lookup("decision", _by_decision)
register_lookup("sign_off", _by_sign_off)

register_sentences({
    ("enrolment", "moved"): (_l("Moved to %(standard)s"), _l("Moved to a newer version of the standard")),
    ("enrolment", "move_reversed"): (_l("Move reversed: back on %(standard)s"), _l("Move to a newer version reversed")),
    ("version_move", "moved"): (_l("Cohort moved to %(standard)s"), _l("Cohort moved to a newer version of a standard")),
    ("version_move", "reversed"): (_l("Cohort's move reversed: back on %(standard)s"), _l("Cohort's move to a newer version reversed")),
})
register_fields({
    "standard": _l("Standard"),
    "carried": _l("Decisions carried over"),
    "decide_again": _l("To decide again"),
    "enrolments": _l("Learners moved"),
    "cohort": _l("Cohort"),
})

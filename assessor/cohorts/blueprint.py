"""The cohorts blueprint, what every one of its pages needs, and loading its things (404) and checking access (403)."""
from flask import Blueprint, abort
from flask_login import current_user
from flask_wtf import FlaskForm

from ..accounts.login import require_sign_in
from ..db import get_session
from ..i18n import format_date
from ..permissions import belongs_to, can_administer
from .labels import EVENT_LABELS, STATUS_LABELS, STATUS_TAGS, standard_title
from .models import Cohort, CohortMember, Enrolment

bp = Blueprint("cohorts", __name__, url_prefix="/cohorts")
bp.before_request(require_sign_in)


@bp.context_processor
def labels() -> dict:
    return {
        "status_labels": STATUS_LABELS,
        "status_tags": STATUS_TAGS,
        "event_labels": EVENT_LABELS,
        "format_date": format_date,
        "standard_title": standard_title,
    }


def administered_provider_id() -> int:
    """The provider the signed-in administrator runs (403 for anyone else)."""
    if not can_administer(current_user, current_user.provider_id):
        abort(403)
    return current_user.provider_id


def cohort_or_abort(cohort_id: int) -> Cohort:
    cohort = get_session().get(Cohort, cohort_id)
    if cohort is None or not belongs_to(current_user, cohort.provider_id):
        abort(404)
    if not can_administer(current_user, cohort.provider_id):
        abort(403)
    return cohort


def member_or_abort(cohort_id: int, member_id: int) -> CohortMember:
    member = get_session().get(CohortMember, member_id)
    if member is None or member.cohort_id != cohort_id or not belongs_to(current_user, member.cohort.provider_id):
        abort(404)
    if not can_administer(current_user, member.cohort.provider_id):
        abort(403)
    return member


def enrolment_or_abort(member: CohortMember, enrolment_id: int) -> Enrolment:
    enrolment = get_session().get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.member_id != member.id:
        abort(404)
    return enrolment




def status_code(form: FlaskForm) -> int:
    return 422 if form.errors else 200

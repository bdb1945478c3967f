"""The iqa blueprint, what its pages share, and loading their things (404) and checking access (403)."""
from collections.abc import Callable

from flask import Blueprint, abort
from flask_login import current_user
from flask_wtf import FlaskForm

from ..accounts.login import require_sign_in
from ..assessment.labels import OUTCOME_LABELS, OUTCOME_TAGS
from ..cohorts.models import Cohort, CohortStandard
from ..db import get_session
from ..i18n import format_date, format_datetime
from ..permissions import belongs_to, can_plan_sampling
from . import labels
from .models import Sample
from .queue import days_waiting, waiting_since
from .services import provider_of
from ..core.acts import Conflict, Outcome, attempt

bp = Blueprint("iqa", __name__, url_prefix="/iqa")
bp.before_request(require_sign_in)


@bp.context_processor
def helpers() -> dict:
    return {
        "sample_status_labels": labels.STATUS_LABELS,
        "sample_status_tags": labels.STATUS_TAGS,
        "reason_labels": labels.REASON_LABELS,
        "history_labels": labels.HISTORY_LABELS,
        "unverified_labels": labels.UNVERIFIED_LABELS,
        "criterion_text": labels.criterion_text,
        "standard_name": labels.standard_name,
        "outcome_labels": OUTCOME_LABELS,
        "outcome_tags": OUTCOME_TAGS,
        "format_date": format_date,
        "format_datetime": format_datetime,
        "days_waiting": days_waiting,
        "waiting_since": waiting_since,
    }


def sample_or_abort(sample_id: int) -> Sample:
    sample = get_session().get(Sample, sample_id)
    if sample is None or not belongs_to(current_user, provider_of(sample)):
        abort(404)
    return sample


def planned_cohort_or_abort(cohort_id: int) -> Cohort:
    """A cohort of the signed-in person's provider whose sampling they may plan."""
    cohort = get_session().get(Cohort, cohort_id)
    if cohort is None or not belongs_to(current_user, cohort.provider_id):
        abort(404)
    if not can_plan_sampling(current_user, cohort.provider_id):
        abort(403)
    return cohort


def pinned_or_abort(cohort: Cohort, cohort_standard_id: int) -> CohortStandard:
    pinned = get_session().get(CohortStandard, cohort_standard_id)
    if pinned is None or pinned.cohort_id != cohort.id:
        abort(404)
    return pinned


def attempt_versioned(form: FlaskForm, change: Callable[[], object], current: Callable[[], int], field: str = "version") -> Outcome:
    """Attempt the change (committed, or rolled back and shown on the form: 422, or 409 for a conflict).

    After a conflict the form carries the version now stored, so a second submit is deliberate; what was typed stays.
    """
    outcome = attempt(get_session(), change, form)
    if isinstance(outcome.refused, Conflict):
        form[field].data = current()
    return outcome

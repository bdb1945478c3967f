"""The assessment blueprint and what all its pages share."""
from flask import Blueprint
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..cohorts.models import Enrolment
from ..core.loading import visible_or_404
from ..permissions import belongs_to
from .labels import OUTCOME_LABELS, OUTCOME_TAGS

bp = Blueprint("assessment", __name__, url_prefix="/assessment")
bp.before_request(require_sign_in)


def enrolment_or_404(enrolment_id: int) -> Enrolment:
    """A learner's enrolment on a standard, at the signed-in person's provider."""
    return visible_or_404(Enrolment, enrolment_id, lambda enrolment: belongs_to(current_user, enrolment.member.cohort.provider_id))


@bp.app_context_processor
def decision_labels() -> dict:
    """What decisions are called on every page that shows them (an evidence item's page among them)."""
    return {"decision_labels": OUTCOME_LABELS, "decision_tags": OUTCOME_TAGS}

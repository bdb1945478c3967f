"""The assessment blueprint and what all its pages share."""
from flask import Blueprint

from ..accounts.login import require_sign_in
from .labels import OUTCOME_LABELS, OUTCOME_TAGS

bp = Blueprint("assessment", __name__, url_prefix="/assessment")
bp.before_request(require_sign_in)


@bp.app_context_processor
def decision_labels() -> dict:
    """What decisions are called on every page that shows them (an evidence item's page among them)."""
    return {"decision_labels": OUTCOME_LABELS, "decision_tags": OUTCOME_TAGS}

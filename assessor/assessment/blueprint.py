"""The assessment blueprint and what all its pages share."""
from flask import Blueprint

from ..accounts.login import require_sign_in

bp = Blueprint("assessment", __name__, url_prefix="/assessment")
bp.before_request(require_sign_in)

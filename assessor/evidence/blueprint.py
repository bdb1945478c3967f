"""The evidence blueprint and what all its pages share."""
from flask import Blueprint

from ..accounts.login import require_sign_in

bp = Blueprint("evidence", __name__)
bp.before_request(require_sign_in)

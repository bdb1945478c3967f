"""The assessment blueprint and what all its pages share."""
from flask import Blueprint
from flask_login import current_user

from ..accounts.login import login_manager

bp = Blueprint("assessment", __name__, url_prefix="/assessment")


@bp.before_request
def require_sign_in():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None

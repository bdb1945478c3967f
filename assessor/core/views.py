"""The core blueprint: the language switch; the landing page joins it from dashboards (landing_views)."""
from flask import Blueprint, abort, redirect, request, url_for
from flask_login import current_user

from ..config import LANGUAGES
from ..db import get_session
from ..i18n import LANGUAGE_COOKIE
from ..urls import local_path

bp = Blueprint("core", __name__)

ONE_YEAR = 365 * 24 * 3600


@bp.post("/language")
def switch_language():
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400)
    if current_user.is_authenticated:
        current_user.language = language
        get_session().commit()
    response = redirect(local_path(request.form.get("next"), url_for("core.home")))
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=ONE_YEAR, samesite="Lax", httponly=True)
    return response


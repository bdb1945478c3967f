"""The landing page (public, or one section per role when signed in) and the language switch."""
from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..cohorts.labels import STATUS_LABELS, STATUS_TAGS
from ..config import LANGUAGES
from ..dashboards.landing import build_landing
from ..dashboards.links import served
from ..db import get_session
from ..i18n import LANGUAGE_COOKIE
from ..urls import local_path

bp = Blueprint("core", __name__)

ONE_YEAR = 365 * 24 * 3600
#: pages the landing sections link to, offered only once the app serves them
LANDING_LINKS = ("cohorts.index", "cohorts.new", "cohorts.show", "people.index", "people.invite", "admin.providers", "admin.new_provider")


@bp.get("/")
def home():
    if not current_user.is_authenticated:
        return render_template("core/home.html")
    landing = build_landing(get_session(), current_user, page=request.args.get("page", 1, type=int))
    return render_template(
        "dashboards/landing.html",
        landing=landing,
        links=served(*LANDING_LINKS),
        status_labels=STATUS_LABELS,
        status_tags=STATUS_TAGS,
        reading=str(get_locale()),
    )


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


"""The landing page and the language switch."""
from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, render_template, request, url_for

from ..config import LANGUAGES
from ..i18n import LANGUAGE_COOKIE

bp = Blueprint("core", __name__)

ONE_YEAR = 365 * 24 * 3600


@bp.get("/")
def home():
    return render_template("core/home.html")


@bp.post("/language")
def switch_language():
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400)
    response = redirect(_same_site_path(request.form.get("next", "")))
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=ONE_YEAR, samesite="Lax", httponly=True)
    return response


def _same_site_path(target: str) -> str:
    """The target if it is a path on this site, else the home page (no open redirects)."""
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc and not parts.scheme:
        return target
    return url_for("core.home")

"""The landing page at /: public, or one section per role when signed in (on the core blueprint)."""
from flask import render_template, request
from flask_babel import get_locale
from flask_login import current_user

from ..cohorts.labels import STATUS_LABELS, STATUS_TAGS
from ..core.views import bp
from ..db import get_session
from .landing import build_landing
from .links import served

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

"""The person's notices (newest first, each linking to its page), marking them read, and their preferences."""
from functools import partial

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..core.acts import attempt
from ..core.loading import visible_or_404
from ..db import get_session
from ..permissions import can_read_notice
from .forms import preferences_form
from .kinds import kinds_for, notice_text
from .models import Notice
from .services import mark_all_read, mark_read, notices_page, preferences_of, save_preferences, unread_count

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.before_request
@login_required
def _signed_in() -> None:
    """Every page here is the signed-in person's own."""


@bp.app_context_processor
def _header_count() -> dict:
    """The header's unread count, counted only when a page shows it (one query)."""
    def unread_notices() -> int:
        return unread_count(get_session(), current_user) if current_user.is_authenticated else 0

    return {"unread_notices": unread_notices}


def own_notice(notice_id: int) -> Notice:
    """The signed-in person's notice; 404 for anyone else's, as for one that does not exist."""
    return visible_or_404(Notice, notice_id, lambda notice: can_read_notice(current_user, notice.user_id))


@bp.get("/")
def index():
    per_page = current_app.config["NOTICES_PER_PAGE"]
    page = notices_page(get_session(), current_user, request.args.get("page", 1, type=int), per_page)
    return render_template("notifications/index.html", notices=page, notice_text=notice_text)


@bp.get("/<int:notice_id>")
def show(notice_id: int):
    """Mark the notice read and go to what it is about."""
    notice = own_notice(notice_id)
    attempt(get_session(), partial(mark_read, get_session(), current_user, notice))
    return redirect(url_for(notice.endpoint, **notice.endpoint_args))


@bp.post("/<int:notice_id>/read")
def read(notice_id: int):
    notice = own_notice(notice_id)
    attempt(get_session(), partial(mark_read, get_session(), current_user, notice))
    return redirect(url_for(".index", page=request.args.get("page", 1, type=int)))


@bp.post("/read-all")
def read_all():
    outcome = attempt(get_session(), partial(mark_all_read, get_session(), current_user))
    flash(_("All your notifications are marked as read.") if outcome.value else _("You have no unread notifications."), "success")
    return redirect(url_for(".index"))


@bp.route("/preferences", methods=["GET", "POST"])
def preferences():
    db, kinds = get_session(), kinds_for(current_user)
    form = preferences_form(kinds, preferences_of(db, current_user), request.method == "POST")
    status = 200
    if form.validate_on_submit():
        outcome = attempt(db, partial(save_preferences, db, current_user, form.data), form)
        if outcome.done:
            flash(_("Your choices are saved."), "success")
            return redirect(url_for(".preferences"))
        status = outcome.status
    elif form.is_submitted():
        status = 422
    return render_template("notifications/preferences.html", form=form, kinds=kinds), status

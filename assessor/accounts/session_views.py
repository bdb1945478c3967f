"""The account page: the person's signed-in sessions, ending one, and signing out everywhere."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..db import get_session
from .devices import describe_device
from .login import current_session, end_this_session, forget_this_browser, require_sign_in
from .sessions import end_all_sessions, end_own_session, sessions_of

bp = Blueprint("account", __name__, url_prefix="/account")
bp.before_request(require_sign_in)


@bp.get("")
def show():
    listed = sessions_of(get_session(), current_user)
    return render_template("account/show.html", sessions=listed, this=current_session(), describe=describe_device)


@bp.post("/sessions/<int:session_id>/end")
def end_session(session_id: int):
    """End one of the person's sessions (this device's own is a sign-out); another person's is not found."""
    if session_id == current_session().id:
        return _signed_out(end_this_session, _("You have signed out."), "core.home")
    if not end_own_session(get_session(), current_user, session_id):
        abort(404)
    get_session().commit()
    flash(_("That session has ended: it is signed out."), "success")
    return redirect(url_for("account.show"))


@bp.post("/sign-out-everywhere")
def sign_out_everywhere():
    end_all_sessions(get_session(), current_user)
    return _signed_out(forget_this_browser, _("You have signed out everywhere, on this device and every other."), "accounts.sign_in")


def _signed_out(sign_out, message: str, endpoint: str):
    sign_out()
    get_session().commit()
    flash(message, "success")
    return redirect(url_for(endpoint))

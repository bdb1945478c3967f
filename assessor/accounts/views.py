"""Signing in and out, changing a password, resetting it, and accepting an invitation."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..db import get_session
from ..urls import local_path
from .forms import ChangePasswordForm, NewPasswordForm, ResetRequestForm, SignInForm
from .links import mail_settings, reset_link
from .login import begin_session, current_session, end_this_session
from .models import INVITE, RESET
from .services import (
    AccountError,
    WrongPassword,
    change_password,
    normalise_email,
    redeem_token,
    request_password_reset,
    usable_token,
)
from .services import sign_in as sign_in_user
from .throttle import sign_in_throttle

bp = Blueprint("accounts", __name__)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        db = get_session()
        try:
            user = sign_in_user(db, sign_in_throttle(), form.email.data, form.password.data, request.remote_addr or "unknown")
        except AccountError as error:
            form.password.errors.append(str(error))
        else:
            begin_session(user, remember=form.remember.data)
            db.commit()
            return redirect(local_path(form.next.data, url_for("core.home")))
    return render_template("accounts/sign_in.html", form=form), 422 if form.errors else 200


@bp.post("/sign-out")
def sign_out():
    end_this_session()
    get_session().commit()
    flash(_("You have signed out."), "success")
    return redirect(url_for("core.home"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user, remember = current_user._get_current_object(), current_session().remember
        try:
            change_password(get_session(), user, form.current.data, form.password.data)
        except WrongPassword as error:
            form.current.errors.append(str(error))
        except AccountError as error:
            form.password.errors.append(str(error))
        else:
            begin_session(user, remember=remember)
            get_session().commit()
            flash(_("Your password has been changed. You have been signed out everywhere else."), "success")
            return redirect(url_for("core.home"))
    return render_template("accounts/password.html", form=form), 422 if form.errors else 200


@bp.route("/password-reset", methods=["GET", "POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        db = get_session()
        request_password_reset(db, mail_settings(), form.email.data, reset_link)
        db.commit()
        return render_template("accounts/reset_sent.html", email=normalise_email(form.email.data))
    return render_template("accounts/reset_request.html", form=form), 422 if form.errors else 200


@bp.route("/password-reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    return _set_password_by_link(token, RESET, "accounts/reset.html")


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    return _set_password_by_link(token, INVITE, "accounts/invitation.html")


def _set_password_by_link(token: str, purpose: str, template: str):
    db = get_session()
    link = usable_token(db, token, purpose)
    if link is None:
        return render_template("accounts/link_expired.html", purpose=purpose), 410
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            user = redeem_token(db, token, purpose, form.password.data)
        except AccountError as error:
            form.password.errors.append(str(error))
        else:
            begin_session(user)
            db.commit()
            flash(_("Your password is set. Welcome to Assessor."), "success")
            return redirect(url_for("core.home"))
    return render_template(template, form=form, person=link.user), 422 if form.errors else 200

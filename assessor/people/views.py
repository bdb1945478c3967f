"""People in a provider: who they are and their roles; inviting them."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..accounts.labels import ROLE_LABELS, STATE_LABELS, account_state
from ..accounts.links import invitation_link, mail_settings
from ..accounts.models import User
from ..accounts.services import AccountError, invite_user, resend_invitation
from ..db import get_session
from ..permissions import can_administer
from .forms import ActionForm, InviteForm, RolesForm
from .services import deactivate, find_person, list_people, reactivate, set_roles

bp = Blueprint("people", __name__, url_prefix="/people")


@bp.before_request
@login_required
def _signed_in() -> None:
    """Every page here needs a signed-in person."""


@bp.context_processor
def _labels() -> dict:
    return {"role_labels": ROLE_LABELS, "state_labels": STATE_LABELS, "account_state": account_state}


@bp.get("/")
def index():
    _require_administrator()
    role = request.args.get("role", "")
    text = request.args.get("q", "")[:200]
    results = list_people(get_session(), current_user.provider_id, role=role, text=text, page=request.args.get("page", 1, type=int))
    return render_template("people/index.html", results=results, role=role if role in ROLE_LABELS else "", text=text)


@bp.route("/invite", methods=["GET", "POST"])
def invite():
    _require_administrator()
    form = InviteForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            person = invite_user(
                db, mail_settings(), provider=current_user.provider, email=form.email.data, name=form.name.data,
                roles=form.roles.data, link_for=invitation_link, invited_by=current_user,
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            db.commit()
            flash(_invited_message(person), "success")
            return redirect(url_for(".detail", user_id=person.id))
    return render_template("people/invite.html", form=form), 422 if form.errors else 200


@bp.get("/<int:user_id>")
def detail(user_id: int):
    person = _load_person(user_id)
    return _detail_page(person, RolesForm(roles=sorted(person.role_names)))


@bp.post("/<int:user_id>/roles")
def change_roles(user_id: int):
    person = _load_person(user_id)
    form = RolesForm()
    if form.validate_on_submit():
        try:
            set_roles(get_session(), current_user, person, form.roles.data)
        except AccountError as error:
            form.roles.errors.append(str(error))
        else:
            get_session().commit()
            flash(_("The roles of %(name)s are saved.", name=person.name), "success")
            return redirect(url_for(".detail", user_id=person.id))
    return _detail_page(person, form, status=422)


@bp.post("/<int:user_id>/deactivate")
def deactivate_person(user_id: int):
    person = _load_person(user_id)
    return _act(person, lambda db: deactivate(db, current_user, person), _("%(name)s is deactivated and can no longer sign in.", name=person.name))


@bp.post("/<int:user_id>/reactivate")
def reactivate_person(user_id: int):
    person = _load_person(user_id)
    return _act(person, lambda db: reactivate(db, current_user, person), _("%(name)s is active again.", name=person.name))


@bp.post("/<int:user_id>/resend-invitation")
def resend(user_id: int):
    person = _load_person(user_id)
    return _act(
        person,
        lambda db: resend_invitation(db, mail_settings(), person, invitation_link, current_user),
        _("A new invitation is on its way to %(email)s. The earlier link no longer works.", email=person.email),
    )


def _act(person: User, action, success: str):
    """Run a one-button action on a person, then go back to their page with the outcome."""
    if not ActionForm().validate_on_submit():
        abort(400)
    db = get_session()
    try:
        action(db)
    except AccountError as error:
        flash(str(error), "error")
    else:
        db.commit()
        flash(success, "success")
    return redirect(url_for(".detail", user_id=person.id))


def _detail_page(person: User, form: RolesForm, status: int = 200):
    page = render_template("people/detail.html", person=person, form=form, is_self=person.id == current_user.id)
    return page, status


def _load_person(user_id: int) -> User:
    """The person, if they are in the signed-in person's provider (404 otherwise), whom they may manage (403 otherwise)."""
    person = find_person(get_session(), current_user.provider_id, user_id) or abort(404)
    if not can_administer(current_user, person.provider_id):
        abort(403)
    return person


def _require_administrator() -> None:
    if not can_administer(current_user, current_user.provider_id):
        abort(403)


def _invited_message(person: User) -> str:
    if person.password_hash is None:
        return _("%(name)s is invited. The invitation went to %(email)s.", name=person.name, email=person.email)
    return _("%(name)s already has an account. Their roles now include the ones you chose.", name=person.name)

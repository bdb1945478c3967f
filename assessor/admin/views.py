"""The site administrator's pages: training providers."""
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..db import get_session
from ..mail.services import MailSettings
from ..organisations.models import Provider
from ..permissions import belongs_to, can_manage_providers
from .forms import ConfirmForm, ProviderForm, RenameForm
from .services import create_provider, provider_administrators, provider_page, rename_provider, set_provider_open
from ..core.acts import attempt

bp = Blueprint("admin", __name__, url_prefix="/admin")
PER_PAGE = 25


@bp.before_request
@login_required
def _signed_in() -> None:
    """Every page here needs sign-in; the permission is checked per page, after loading."""


def _require_site_admin() -> None:
    if not can_manage_providers(current_user):
        abort(403)


def _load_provider(provider_id: int) -> Provider:
    """The provider, or 404 when it is missing or another provider's, for anyone but a site administrator."""
    provider = get_session().get(Provider, provider_id)
    if provider is None or not (current_user.is_site_admin or belongs_to(current_user, provider.id)):
        abort(404)
    return provider


@bp.get("/providers")
def providers():
    _require_site_admin()
    results = provider_page(get_session(), page=request.args.get("page", 1, type=int), per_page=PER_PAGE)
    return render_template("admin/providers.html", results=results)


@bp.route("/providers/new", methods=["GET", "POST"])
def new_provider():
    _require_site_admin()
    form = ProviderForm()
    if form.validate_on_submit():
        db = get_session()
        mail = MailSettings.from_config(current_app.config)
        details = {"name": form.name.data, "admin_name": form.admin_name.data, "admin_email": form.admin_email.data}
        outcome = attempt(db, lambda: create_provider(db, mail, **details, link_for=_invitation_link, acting=current_user), form)
        if outcome.done:
            creation = outcome.value
            _flash_creation(creation.provider, creation.created, form.admin_email.data)
            return redirect(url_for(".provider", provider_id=creation.provider.id))
    return render_template("admin/new_provider.html", form=form), 422 if form.errors else 200


def _invitation_link(token: str) -> str:
    return url_for("accounts.accept_invitation", token=token, _external=True)


def _flash_creation(provider: Provider, created: bool, email: str) -> None:
    if created:
        flash(_("%(provider)s has been added. An invitation has been sent to %(email)s.", provider=provider.name, email=email), "success")
    else:
        flash(_("%(provider)s already exists with this administrator: nothing changed.", provider=provider.name), "info")


@bp.route("/providers/<int:provider_id>", methods=["GET", "POST"])
def provider(provider_id: int):
    provider = _load_provider(provider_id)
    _require_site_admin()
    form = RenameForm(expected_name=provider.name)
    if form.validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: rename_provider(db, provider, name=form.name.data, expected_name=form.expected_name.data), form)
        if outcome.done:
            renamed = outcome.value
            if renamed:
                flash(_("The provider is now called %(provider)s.", provider=provider.name), "success")
            return redirect(url_for(".provider", provider_id=provider.id))
    elif not form.is_submitted():
        form.name.data = provider.name
    return _provider_page(provider, form), 422 if form.errors else 200


def _provider_page(provider: Provider, form: RenameForm) -> str:
    admins = provider_administrators(get_session(), provider)
    return render_template("admin/provider.html", provider=provider, form=form, admins=admins, confirm=ConfirmForm())


@bp.post("/providers/<int:provider_id>/close")
def close_provider(provider_id: int):
    return _set_open(provider_id, False)


@bp.post("/providers/<int:provider_id>/reopen")
def reopen_provider(provider_id: int):
    return _set_open(provider_id, True)


def _set_open(provider_id: int, is_open: bool):
    provider = _load_provider(provider_id)
    _require_site_admin()
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if set_provider_open(provider, is_open):
        get_session().commit()
        if is_open:
            flash(_("%(provider)s is open again: its people can sign in.", provider=provider.name), "success")
        else:
            flash(_("%(provider)s is closed: its people can no longer sign in.", provider=provider.name), "success")
    return redirect(url_for(".provider", provider_id=provider.id))

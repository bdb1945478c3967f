"""Sharing a provider's scenario with the site: the provider offers or withdraws it from the scenario's page; a site
administrator sees the offers, reads each one's YAML and check, and accepts or declines it."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..core.acts import attempt
from ..db import get_session
from ..permissions import belongs_to, can_decide_shared_scenarios
from . import authoring, sharing
from .authoring_views import draft_or_404
from .catalogue import text
from .citable import citable_refs
from .models import DECLINED, OFFERED, PRIVATE, SHARED, ScenarioDraft
from .review_forms import ButtonForm, DeclineForm
from .review_views import decided

bp = Blueprint("scenario_sharing", __name__, url_prefix="/scenario-sharing")
bp.before_request(require_sign_in)


@bp.app_template_global()
def scenario_offers_waiting() -> int | None:
    """How many scenarios providers have offered to the site, for a site administrator (None for anyone else)."""
    if not current_user.is_authenticated or not can_decide_shared_scenarios(current_user):
        return None
    return len(sharing.offers(get_session(), OFFERED))


def offer_or_404(draft_id: int) -> ScenarioDraft:
    """A scenario offered to the site (or once offered): site administrators only; a private one is not found."""
    draft = get_session().get(ScenarioDraft, draft_id)
    if draft is None or draft.shared_state == PRIVATE:
        abort(404)
    if not can_decide_shared_scenarios(current_user):
        abort(403 if belongs_to(current_user, draft.provider_id) else 404)
    return draft


@bp.get("/")
def index():
    if not can_decide_shared_scenarios(current_user):
        abort(403)
    db = get_session()
    return render_template("scenarios/sharing/index.html", offered=sharing.offers(db, OFFERED),
                           shared=sharing.offers(db, SHARED), declined=sharing.offers(db, DECLINED))


@bp.get("/<int:draft_id>")
def offer_page(draft_id: int):
    return _offer_page(offer_or_404(draft_id))


@bp.post("/<int:draft_id>/accept")
def accept(draft_id: int):
    draft, form = offer_or_404(draft_id), ButtonForm()
    return decided(form, lambda db: sharing.accept(db, current_user, draft), _decision_message,
                   lambda status: _offer_page(offer_or_404(draft_id), accept_form=form, status=status))


@bp.post("/<int:draft_id>/decline")
def decline(draft_id: int):
    draft, form = offer_or_404(draft_id), DeclineForm()
    return decided(form, lambda db: sharing.decline(db, current_user, draft, form.note.data), _decision_message,
                   lambda status: _offer_page(offer_or_404(draft_id), decline_form=form, status=status))


@bp.post("/<int:draft_id>/offer")
def offer(draft_id: int):
    draft = draft_or_404(draft_id)
    return _provider_act(draft, lambda db: sharing.offer(db, current_user, draft),
                         _("The scenario is offered to the site: a site administrator decides whether to share it."))


@bp.post("/<int:draft_id>/withdraw")
def withdraw(draft_id: int):
    draft = draft_or_404(draft_id)
    return _provider_act(draft, lambda db: sharing.withdraw(db, current_user, draft),
                         _("The scenario is your provider's own again: only your learners start it."))


def _provider_act(draft: ScenarioDraft, act, done: str):
    """Offer or withdraw, then back to the scenario's page with what happened."""
    draft_id = draft.id
    if ButtonForm().validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: act(db))
        flash(done if outcome.done else str(outcome.refused), "success" if outcome.done else "error")
    return redirect(url_for("scenario_authoring.draft", draft_id=draft_id, _anchor="sharing"))


def _decision_message(draft: ScenarioDraft) -> str:
    if draft.shared_state == SHARED:
        return _("%(scenario)s is shared: learners of every provider can start it.", scenario=draft.scenario_id)
    return _("%(scenario)s is not shared: its provider sees your note.", scenario=draft.scenario_id)


def _offer_page(draft: ScenarioDraft, accept_form=None, decline_form=None, status: int = 200):
    """The scenario's newest live version: what it is, its YAML and the check, and the decision."""
    versions = authoring.live_versions(get_session(), draft)
    row = versions[0] if versions else None
    source = authoring.version_source(row) if row else ""
    report = authoring.check_source(source, citable_refs(get_session(), row.provider_id)) if row else None
    return render_template("scenarios/sharing/offer.html", draft=draft, row=row, source=source,
                           errors=authoring.errors(report) if report else [],
                           warnings=authoring.warnings(report) if report else [],
                           accept_form=accept_form or ButtonForm(formdata=None),
                           decline_form=decline_form or DeclineForm(formdata=None),
                           language=str(get_locale()), text=text), status

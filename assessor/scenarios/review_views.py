"""Reviewing scenario versions before learners see them: the provider's setting, what waits, a version's review."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..core.acts import attempt
from ..db import get_session
from ..organisations.models import Provider
from ..permissions import belongs_to, can_administer, can_review_scenario, may_review_scenarios
from . import authoring, review
from .catalogue import text
from .citable import citable_refs
from .models import LIVE, ScenarioVersion
from .review_forms import ButtonForm, ReviewSettingForm, SendBackForm

bp = Blueprint("scenario_review", __name__, url_prefix="/authoring/reviews")
bp.before_request(require_sign_in)


@bp.app_template_global()
def scenario_reviews_waiting() -> int | None:
    """How many versions wait for the signed-in reviewer's provider; None for someone who reviews none, or when
    the provider asks for no review and nothing waits."""
    provider_id = current_user.provider_id if current_user.is_authenticated else None
    if not may_review_scenarios(current_user, provider_id):
        return None
    db = get_session()
    count = review.waiting_count(db, provider_id)
    return count if count or review.review_required(db, provider_id) else None


@bp.app_template_global()
def review_setting_form() -> ReviewSettingForm | None:
    """The provider's review setting, for its administrators."""
    if not can_administer(current_user, current_user.provider_id):
        return None
    provider = get_session().get(Provider, current_user.provider_id)
    return ReviewSettingForm(formdata=None, required=provider.scenario_review_required)


def version_or_404(version_id: int) -> ScenarioVersion:
    """Another provider's version (or the site's) is not found; within the provider only reviewers open it."""
    row = get_session().get(ScenarioVersion, version_id)
    if row is None or not belongs_to(current_user, row.provider_id):
        abort(404)
    if not may_review_scenarios(current_user, row.provider_id):
        abort(403)
    return row


@bp.get("/")
def index():
    if not may_review_scenarios(current_user, current_user.provider_id):
        abort(403)
    return render_template("scenarios/review/index.html", language=str(get_locale()), text=text,
                           versions=review.waiting(get_session(), current_user.provider_id))


@bp.post("/setting")
def setting():
    if not can_administer(current_user, current_user.provider_id):
        abort(403)
    form = ReviewSettingForm()
    if form.validate_on_submit():
        db = get_session()
        required = bool(form.required.data)
        outcome = attempt(db, lambda: review.set_review_required(db, current_user, current_user.provider_id, required))
        if outcome.done and outcome.value:
            flash(_setting_message(required, review.waiting_count(db, current_user.provider_id)), "success")
    return redirect(url_for("scenario_authoring.index"))


def _setting_message(required: bool, waiting: int) -> str:
    if required:
        return _("Scenario versions now need a review before learners see them.")
    if not waiting:
        return _("Scenario versions now go live as soon as they are published.")
    return ngettext("Scenario versions now go live as soon as they are published. The version already waiting "
                    "still needs a decision: approve it or send it back.",
                    "Scenario versions now go live as soon as they are published. The %(num)d versions already "
                    "waiting still need a decision: approve or send back each.", waiting)


@bp.get("/<int:version_id>")
def version(version_id: int):
    return review_page(version_or_404(version_id))


@bp.post("/<int:version_id>/approve")
def approve(version_id: int):
    row, form = version_or_404(version_id), ButtonForm()
    return decided(form, lambda db: review.approve(db, current_user, row), _decision_message,
                   lambda status: review_page(version_or_404(version_id), approve_form=form, status=status))


@bp.post("/<int:version_id>/send-back")
def send_back(version_id: int):
    row, form = version_or_404(version_id), SendBackForm()
    return decided(form, lambda db: review.send_back(db, current_user, row, form.note.data), _decision_message,
                   lambda status: review_page(version_or_404(version_id), send_back_form=form, status=status))


def decided(form, act, message, page):
    """A decision posted from a page: done, flash `message(value)` and back to the blueprint's list; refused, the
    page again (`page(status)`) with the refusal on the form."""
    status = 422
    if form.validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: act(db), form)
        if outcome.done:
            flash(message(outcome.value), "success")
            return redirect(url_for(".index"))
        status = outcome.status
    return page(status)


def _decision_message(row: ScenarioVersion) -> str:
    if row.review_state == LIVE:
        return _("Version %(version)s of %(scenario)s is approved: learners start it from now on.",
                 version=row.version, scenario=row.scenario_id)
    return _("Version %(version)s of %(scenario)s is sent back: its authors see your note.",
             version=row.version, scenario=row.scenario_id)


def review_page(row: ScenarioVersion, approve_form=None, send_back_form=None, status: int = 200):
    """What the version is, its YAML, what changed, the check's warnings, the publish reason, and the decision."""
    db = get_session()
    source = authoring.version_source(row)
    report = authoring.check_source(source, citable_refs(db, row.provider_id))
    return render_template("scenarios/review/version.html", row=row, draft=review.draft_of(db, row), source=source,
                           warnings=authoring.warnings(report), errors=authoring.errors(report),
                           may_decide=can_review_scenario(current_user, row.provider_id, row.published_by_id),
                           approve_form=approve_form or ButtonForm(formdata=None),
                           send_back_form=send_back_form or SendBackForm(formdata=None),
                           language=str(get_locale()), text=text), status

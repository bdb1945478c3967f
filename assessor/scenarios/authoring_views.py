"""Authoring a provider's own scenarios: the list, a new draft, the draft's YAML editor, publish, retire, download."""
from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..core.acts import Conflict, Refused, attempt
from ..core.limits import takes_files
from ..db import get_session
from ..permissions import belongs_to, can_author_scenarios, may_review_scenarios
from . import authoring
from .catalogue import find_version, text
from .check_panels import draft_check
from .draft_forms import CheckForm, DraftForm, ImportForm, PublishForm, RetireForm
from .models import LIVE, ScenarioDraft

CHECK_RESULTS = "scenarios/authoring/_check_results.html"
bp = Blueprint("scenario_authoring", __name__, url_prefix="/authoring/scenarios")
bp.before_request(require_sign_in)


@bp.context_processor
def helpers() -> dict:
    return {"language": str(get_locale())}


def author_only() -> None:
    if not can_author_scenarios(current_user, current_user.provider_id):
        abort(403)


def draft_or_404(draft_id: int, allowed=can_author_scenarios) -> ScenarioDraft:
    """Another provider's draft is not found; within the provider only its authors (or, for its versions, its
    reviewers) may open it."""
    draft = get_session().get(ScenarioDraft, draft_id)
    if draft is None or not belongs_to(current_user, draft.provider_id):
        abort(404)
    if not allowed(current_user, draft.provider_id):
        abort(403)
    return draft


@bp.get("/")
def index():
    author_only()
    db = get_session()
    drafts = authoring.drafts_with_versions(db, current_user.provider_id)
    return render_template("scenarios/authoring/index.html", drafts=drafts, import_form=ImportForm(formdata=None))


@bp.get("/export.zip")
def export():
    author_only()
    return Response(authoring.export_zip(get_session(), current_user.provider_id), mimetype="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="scenarios.zip"'})


@bp.route("/new", methods=["GET", "POST"])
@takes_files
def new():
    author_only()
    form = DraftForm()
    if form.validate_on_submit():
        source = form.text()
        if not form.file.errors:
            db = get_session()
            outcome = attempt(db, lambda: authoring.create_draft(db, current_user, current_user.provider_id, source), form)
            if outcome.done:
                flash(_("The draft is saved. The check's findings are listed below."), "success")
                return redirect(url_for(".draft", draft_id=outcome.value.id))
            form.source.data = source
    status = 422 if form.errors else 200
    return render_template("scenarios/authoring/new.html", form=form), status


@bp.route("/<int:draft_id>", methods=["GET", "POST"])
@takes_files
def draft(draft_id: int):
    draft = draft_or_404(draft_id)
    form = DraftForm()
    if not form.is_submitted():
        return draft_page(draft)
    status = 422
    if form.validate():
        source = form.text()
        if not form.file.errors:
            db = get_session()
            outcome = attempt(db, lambda: authoring.save_draft(db, current_user, draft, source,
                                                               form.posted_revision), form)
            if outcome.done:
                flash(_("The draft is saved."), "success")
                return redirect(url_for(".draft", draft_id=draft.id))
            status = outcome.status
            if isinstance(outcome.refused, Conflict):
                draft = draft_or_404(draft_id)
                return draft_page(draft, form=_current(draft, form), status=status, unsent=source)
            form.source.data = source
    draft = draft_or_404(draft_id)
    form.revision.data = str(draft.revision)
    return draft_page(draft, form=form, status=status)


def _current(draft: ScenarioDraft, posted: DraftForm) -> DraftForm:
    """The draft as it now stands, with the refusal shown above the form."""
    form = DraftForm(formdata=None, source=draft.source, revision=str(draft.revision))
    form.form_errors.extend(posted.form_errors)
    return form


@bp.post("/<int:draft_id>/check")
def check(draft_id: int):
    """The check of the text in the editor, as the draft page's panel (for its script): nothing is saved."""
    draft = draft_or_404(draft_id)
    form = CheckForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        records = authoring.check_typed(get_session(), current_user, draft, form.text())
    except Refused as refused:
        return render_template(CHECK_RESULTS, refused=refused, draft=draft, records=[]), 422
    return render_template(CHECK_RESULTS, records=records, draft=draft, typed=True)


@bp.post("/<int:draft_id>/publish")
def publish(draft_id: int):
    draft = draft_or_404(draft_id)
    form = PublishForm()
    status = 422
    if form.validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: authoring.publish(db, current_user, draft, form.posted_revision,
                                                        form.reason.data), form)
        if outcome.done:
            flash(_("Version %(version)s is published: learners of your provider start it from now on.",
                    version=outcome.value.version) if outcome.value.review_state == LIVE else
                  _("Version %(version)s is published and waits for review: learners keep the live version until "
                    "another author, an administrator or an assessor approves it.", version=outcome.value.version),
                  "success")
            return redirect(url_for(".draft", draft_id=draft.id))
        status = outcome.status
    return draft_page(draft_or_404(draft_id), publish_form=form, status=status)


@bp.post("/<int:draft_id>/retire")
def retire(draft_id: int):
    draft = draft_or_404(draft_id)
    form = RetireForm()
    status = 422
    if form.validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: authoring.retire(db, current_user, draft, form.posted_revision), form)
        if outcome.done:
            flash(_("The scenario is retired: learners cannot start it any more. Earlier attempts are kept."), "success")
            return redirect(url_for(".draft", draft_id=draft.id))
        status = outcome.status
    return draft_page(draft_or_404(draft_id), retire_form=form, status=status)


@bp.get("/<int:draft_id>/draft.yaml")
def download_draft(draft_id: int):
    draft = draft_or_404(draft_id)
    return _yaml(draft.source, f"{draft.scenario_id}-draft.yaml")


@bp.get("/<int:draft_id>/versions/<int:version>.yaml")
def download_version(draft_id: int, version: int):
    draft = draft_or_404(draft_id, may_review_scenarios)
    row = find_version(get_session(), draft.scenario_id, version)
    if row is None or row.provider_id != draft.provider_id:
        abort(404)
    return _yaml(authoring.version_source(row), f"{draft.scenario_id}-v{version}.yaml")


@bp.get("/<int:draft_id>/versions/<int:version>/changes")
def changes(draft_id: int, version: int):
    """What changed from the version before this one."""
    draft = draft_or_404(draft_id, may_review_scenarios)
    db = get_session()
    newer, older = find_version(db, draft.scenario_id, version), find_version(db, draft.scenario_id, version - 1)
    if newer is None or older is None or newer.provider_id != draft.provider_id:
        abort(404)
    return render_template("scenarios/authoring/changes.html", draft=draft, newer=newer, older=older,
                           lines=authoring.changes(older, newer),
                           authoring=can_author_scenarios(current_user, draft.provider_id))


def _yaml(source: str, filename: str) -> Response:
    return Response(source, mimetype="application/yaml",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def draft_page(draft: ScenarioDraft, form=None, publish_form=None, retire_form=None, status: int = 200,
               unsent: str | None = None):
    """The editor: the YAML, the check's findings by node, field and line, coverage, the map, publishing, the
    versions, retiring."""
    revision = str(draft.revision)
    form = form or DraftForm(formdata=None, source=draft.source, revision=revision)
    publish_form = publish_form or PublishForm(formdata=None)
    retire_form = retire_form or RetireForm(formdata=None)
    publish_form.revision.data = retire_form.revision.data = revision
    return render_template("scenarios/authoring/draft.html", draft=draft, form=form, publish_form=publish_form,
                           retire_form=retire_form, text=text, unsent=unsent,
                           versions=authoring.published_versions(get_session(), draft),
                           **draft_check(get_session(), draft, str(get_locale()))), status

"""Importing scenarios on the authoring pages: the upload checked at once and queued, then the import's own page."""
from flask import Blueprint, abort, current_app, redirect, render_template, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..core.acts import attempt
from ..core.limits import takes_files
from ..db import get_session
from ..i18n import format_datetime
from ..permissions import belongs_to, can_author_scenarios
from ..timeutil import utcnow
from . import import_jobs, import_tasks
from .authoring_views import author_only
from .draft_forms import ImportForm
from .import_models import ScenarioImport

bp = Blueprint("scenario_import", __name__, url_prefix="/authoring/scenarios")
bp.before_request(require_sign_in)


@bp.route("/import", methods=["GET", "POST"])
@takes_files
def upload():
    """The import form and the provider's recent imports; once sent and accepted, the import's page."""
    author_only()
    form = ImportForm()
    db = get_session()
    if form.validate_on_submit():
        files = form.uploads(current_app.config["UPLOAD_MAX_BYTES"])
        outcome = attempt(db, lambda: import_jobs.start_import(db, current_user, current_user.provider_id, files,
                                                               utcnow()), form)
        if outcome.done:
            import_tasks.queue_or_fail(current_app._get_current_object(), db, outcome.value)
            return redirect(url_for(".job", job_id=outcome.value.id))
    imports = import_jobs.recent_imports(db, current_user.provider_id)
    return render_template("scenarios/authoring/import.html", import_form=form, imports=imports,
                           format_datetime=format_datetime), 422 if form.errors else 200


@bp.get("/imports/<int:job_id>")
def job(job_id: int):
    """An import's progress while a worker imports it, then what became of each file."""
    found = get_session().get(ScenarioImport, job_id)
    if found is None or not belongs_to(current_user, found.provider_id):
        abort(404)
    if not can_author_scenarios(current_user, found.provider_id):
        abort(403)
    return render_template("scenarios/authoring/import_job.html", job=found, format_datetime=format_datetime,
                           results=import_jobs.results(found, str(get_locale())))

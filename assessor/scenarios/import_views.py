"""Importing scenarios on the authoring pages: YAML files or an exported ZIP, each a draft of the provider."""
from flask import Blueprint, current_app, render_template
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..core.acts import attempt
from ..core.limits import takes_files
from ..db import get_session
from . import importing
from .authoring_views import author_only
from .draft_forms import ImportForm

bp = Blueprint("scenario_import", __name__, url_prefix="/authoring/scenarios")
bp.before_request(require_sign_in)


@bp.route("/import", methods=["GET", "POST"])
@takes_files
def upload():
    """The import form; once sent, what became of each file."""
    author_only()
    form = ImportForm()
    if form.validate_on_submit():
        db = get_session()
        files = form.uploads(current_app.config["UPLOAD_MAX_BYTES"])
        outcome = attempt(db, lambda: importing.import_files(db, current_user, current_user.provider_id, files), form)
        if outcome.done:
            return render_template("scenarios/authoring/imported.html", results=outcome.value)
    return render_template("scenarios/authoring/import.html", import_form=form), 422 if form.errors else 200

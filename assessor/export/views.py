"""Downloading a learner's portfolio as a PDF, in Welsh or English."""
from flask import Blueprint, Response, abort, current_app, request
from flask_babel import get_locale

from ..accounts.login import require_sign_in
from ..config import LANGUAGES
from ..db import get_session
from ..evidence.access import viewable_learner_or_abort
from ..storage.paths import storage_dir
from .filenames import portfolio_filename
from .labels import file_size
from .render import portfolio_pdf

bp = Blueprint("export", __name__)
bp.add_app_template_filter(file_size, "file_size")


bp.before_request(require_sign_in)


@bp.get("/learners/<int:learner_id>/portfolio.pdf")
def portfolio(learner_id: int):
    learner = viewable_learner_or_abort(learner_id)
    language = request.args.get("lang") or str(get_locale())
    if language not in LANGUAGES:
        abort(404)
    pdf = portfolio_pdf(get_session(), learner, language, storage_dir(current_app))
    disposition = f'attachment; filename="{portfolio_filename(learner, language)}"'
    headers = {"Content-Disposition": disposition, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}
    return Response(pdf, mimetype="application/pdf", headers=headers)


from . import cohort_views  # noqa: E402, F401  (its routes join the blueprint)

"""The audit blueprint: a learner's history page (it reads every area's entries, so it lives up here)."""
from flask import Blueprint, render_template, request
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..audit.presenting import present
from ..audit.services import broken_links
from ..audit.services import history as learner_history
from ..db import get_session
from ..evidence.access import viewable_learner_or_abort
from ..i18n import format_datetime
from .links import served

bp = Blueprint("audit", __name__)
bp.before_request(require_sign_in)


@bp.get("/learners/<int:learner_id>/history")
def history(learner_id: int):
    learner = viewable_learner_or_abort(learner_id)
    db = get_session()
    trail = learner_history(db, learner.id, before_seq=request.args.get("before", type=int))
    own = current_user.id == learner.id
    broken = None if own else broken_links(db, trail.entries)
    return render_template(
        "audit/history.html",
        learner=learner,
        own=own,
        rows=present(db, trail.entries),
        trail=trail,
        broken=broken,
        paged=request.args.get("before") is not None,
        links=served("evidence.portfolio", "evidence.learner_portfolio"),
        format_datetime=format_datetime,
    )

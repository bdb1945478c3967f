"""The assessor's queue page: their learners' waiting evidence, filtered and searched with a GET form."""
from flask import abort, current_app, render_template, request
from flask_login import current_user

from ..core.signals import answers
from ..db import get_session
from ..permissions import is_assessor
from .blueprint import bp
from .events import assessor_follow_ups
from .queue import MAX_WAITING_DAYS, QueueFilters, awaiting_count, queue_choices, queue_for


@bp.get("/queue")
def queue():
    if not is_assessor(current_user):
        abort(403)
    db, filters = get_session(), QueueFilters.from_args(request.args)
    items = queue_for(db, current_user, filters.page, current_app.config["ASSESSMENT_QUEUE_PER_PAGE"], filters)
    context = {
        "items": items,
        "filters": filters,
        "choices": queue_choices(db, current_user),
        "waiting_total": awaiting_count(db, current_user) if filters.active else items.total,
        "max_waiting": MAX_WAITING_DAYS,
        "referrals": sum(answers(assessor_follow_ups, current_user, session=db)),
    }
    return render_template("assessment/queue.html", **context), 422 if filters.bad_waiting else 200

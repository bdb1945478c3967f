"""The portfolio pages: the learner's own, and a learner's portfolio as their assessor, IQA or admin sees it.

They show progress and next steps, so they live here, on the evidence blueprint (their URLs and names unchanged).
"""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts.models import User
from ..assessment.matrix import standard_summaries
from ..db import get_session
from ..evidence.access import assigned_ids, portfolio_page, status_counts, viewable_learner_or_abort
from ..evidence.blueprint import bp
from ..evidence.guards import may_change
from ..evidence.models import EVIDENCE_STATUSES
from ..permissions import can_record_observation, is_learner
from .learner import next_steps

PER_PAGE = 20


@bp.get("/portfolio")
def portfolio():
    if not is_learner(current_user):
        abort(403)
    return _portfolio(current_user)


@bp.get("/learners/<int:learner_id>/portfolio")
def learner_portfolio(learner_id: int):
    learner = viewable_learner_or_abort(learner_id)
    if learner.id == current_user.id:
        return redirect(url_for(".portfolio"))
    return _portfolio(learner)


def _portfolio(learner: User):
    db = get_session()
    status = request.args.get("status", "")
    status = status if status in EVIDENCE_STATUSES else ""
    items = portfolio_page(db, learner.id, status=status, page=request.args.get("page", 1, type=int), per_page=PER_PAGE)
    observes = can_record_observation(current_user, learner, assigned_ids(db, learner.id)[0])
    own = learner.id == current_user.id
    summaries = standard_summaries(db, learner)
    #: the items on this page the learner may tick to submit several at once
    selectable = {evidence.id for evidence in items.items if may_change(current_user, evidence)} if own else set()
    return render_template(
        "evidence/portfolio.html", learner=learner, own=own, items=items, status=status, counts=status_counts(db, learner.id),
        summaries=summaries, observes=observes, next_steps=next_steps(db, learner, summaries) if own else [], selectable=selectable,
    )

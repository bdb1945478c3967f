"""The provider administrator's pages for moving a cohort to a newer version of a standard: preview, move, record, reverse."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import or_, select
from wtforms import HiddenField, IntegerField
from wtforms.validators import InputRequired
from wtforms.widgets import HiddenInput

from ..cohorts.blueprint import cohort_or_abort
from ..cohorts.models import Cohort, Enrolment
from ..core.acts import attempt, status_of
from ..db import get_session
from ..standards.models import Standard
from ..standards.versions import CHANGED, NEW, REMOVED, SAME, newer_versions
from .blueprint import bp
from .move_models import VersionMove
from .moves import LEFT, MOVES, SIGNED_OFF, WAITING, plan_move
from .version_moves import move_cohort, reversal_problems, reverse_move

CHANGE_LABELS = {SAME: _l("Unchanged"), CHANGED: _l("Changed"), NEW: _l("New"), REMOVED: _l("Removed")}
CHANGE_TAGS = {SAME: "govuk-tag--grey", CHANGED: "govuk-tag--yellow", NEW: "govuk-tag--blue", REMOVED: "govuk-tag--red"}
PLAN_LABELS = {
    MOVES: _l("Moves"),
    SIGNED_OFF: _l("Stays: signed off on this version"),
    LEFT: _l("Stays: no longer in the cohort"),
    WAITING: _l("Evidence waiting for a decision: stops the move"),
}
PLAN_TAGS = {MOVES: "govuk-tag--green", SIGNED_OFF: "govuk-tag--grey", LEFT: "govuk-tag--grey", WAITING: "govuk-tag--red"}


@bp.context_processor
def move_labels() -> dict:
    return {"change_labels": CHANGE_LABELS, "change_tags": CHANGE_TAGS, "plan_labels": PLAN_LABELS, "plan_tags": PLAN_TAGS}


class MoveForm(FlaskForm):
    target = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    fingerprint = HiddenField(validators=[InputRequired()])


class ReverseForm(FlaskForm):
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])


def _last_move_from(cohort: Cohort, standard_id: int) -> VersionMove | None:
    query = select(VersionMove).where(VersionMove.cohort_id == cohort.id, VersionMove.from_standard_id == standard_id,
                                      VersionMove.reversed_at.is_(None)).order_by(VersionMove.id.desc())
    return get_session().scalar(query.limit(1))


@bp.route("/cohorts/<int:cohort_id>/versions/<int:standard_id>", methods=["GET", "POST"])
def version_preview(cohort_id: int, standard_id: int):
    cohort = cohort_or_abort(cohort_id)
    db = get_session()
    old = db.get(Standard, standard_id)
    if old is None or standard_id not in {pinned.standard_id for pinned in cohort.standards}:
        done = _last_move_from(cohort, standard_id) if old is not None else None
        if done is None:
            abort(404)
        flash(_("These learners were moved to version %(version)s already.", version=done.to_standard.version), "info")
        return redirect(url_for(".version_move", cohort_id=cohort.id, move_id=done.id))
    choices = newer_versions(db, old)
    form = MoveForm()
    chosen = form.target.data if form.is_submitted() else request.args.get("to", type=int)
    target = next((s for s in choices if s.id == chosen), None) if chosen else (choices[0] if choices else None)
    status = 200
    if form.validate_on_submit():
        outcome = attempt(db, lambda: move_cohort(db, current_user, cohort, old, target, form.fingerprint.data), form)
        if outcome.done:
            flash(_("Learners moved to version %(version)s.", version=target.version), "success")
            return redirect(url_for(".version_move", cohort_id=cohort.id, move_id=outcome.value.id))
        status = outcome.status
    elif form.is_submitted():
        status = 422
    plan = plan_move(db, cohort, old, target) if target is not None else None
    if plan is not None:
        form.target.data, form.fingerprint.data = target.id, plan.fingerprint
    earlier = db.scalars(select(VersionMove).where(VersionMove.cohort_id == cohort.id,
                                               or_(VersionMove.to_standard_id == old.id, VersionMove.from_standard_id == old.id))
                         .order_by(VersionMove.id.desc())).all()
    context = {"earlier": earlier, "cohort": cohort, "old": old, "choices": choices, "target": target, "plan": plan, "form": form, "MOVES": MOVES, "SAME": SAME}
    return render_template("assessment/version_preview.html", **context), status


@bp.get("/cohorts/<int:cohort_id>/moves/<int:move_id>")
def version_move(cohort_id: int, move_id: int):
    cohort = cohort_or_abort(cohort_id)
    move = _move(cohort, move_id)
    form = ReverseForm(version=move.version)
    return _record(cohort, move, form, 200)


@bp.post("/cohorts/<int:cohort_id>/moves/<int:move_id>/reverse")
def reverse_version_move(cohort_id: int, move_id: int):
    cohort = cohort_or_abort(cohort_id)
    move = _move(cohort, move_id)
    db = get_session()
    form = ReverseForm()
    if not form.validate_on_submit():
        return _record(cohort, move, form, 422)
    if move.reversed_at is not None and move.reversed_by_id == current_user.id and form.version.data == move.version - 1:
        flash(_("The move was reversed."), "success")  # the same reversal posted twice
        return redirect(url_for("cohorts.show", cohort_id=cohort.id))
    outcome = attempt(db, lambda: reverse_move(db, current_user, move, form.version.data), form)
    if outcome.done:
        flash(_("The move was reversed: the learners are back on version %(version)s.", version=move.from_standard.version), "success")
        return redirect(url_for("cohorts.show", cohort_id=cohort.id))
    return _record(cohort, move, form, status_of(outcome.refused))


def _move(cohort: Cohort, move_id: int) -> VersionMove:
    move = get_session().get(VersionMove, move_id)
    if move is None or move.cohort_id != cohort.id:
        abort(404)
    return move


def _record(cohort: Cohort, move: VersionMove, form: ReverseForm, status: int):
    db = get_session()
    moved = [(db.get(Enrolment, entry["id"]), entry) for entry in move.details.get("moved", [])]
    left = [(db.get(Enrolment, entry["id"]), entry["status"]) for entry in move.details.get("left", [])]
    blocked = reversal_problems(db, move) if move.reversed_at is None else []
    context = {"cohort": cohort, "move": move, "moved": moved, "left": left, "blocked": blocked, "form": form,
               "changes": [change for change in move.details.get("changes", []) if change["change"] != SAME]}
    return render_template("assessment/version_move.html", **context), status

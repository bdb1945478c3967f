"""Submitting several items at once: the learner chooses them (on the portfolio or here), then one page lists
them, says why any cannot go, and takes one declaration for all."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField

from ..core.acts import Locked, attempt, status_of
from ..db import get_session
from ..permissions import is_learner
from .blueprint import bp
from .forms import DECLARATION
from .models import Evidence
from .several import candidates, chosen_items, submit_several, submittable_items


class SeveralForm(FlaskForm):
    declaration = BooleanField(DECLARATION)


@bp.route("/portfolio/submit", methods=["GET", "POST"])
def submit_several_items():
    if not is_learner(current_user):
        abort(403)
    if request.method == "POST":
        return _submit()
    numbers = _numbers(request.args.getlist("item"))
    if not numbers:
        asked = "chosen" in request.args
        page = render_template("evidence/submit_choose.html", items=submittable_items(get_session(), current_user), asked=asked)
        return page, 422 if asked else 200
    return _confirm_page(chosen_items(get_session(), current_user, numbers), SeveralForm(formdata=None))


def _submit():
    form, db = SeveralForm(), get_session()
    versions = dict(_picked(request.form.getlist("item")))
    chosen = [(evidence, versions[evidence.number]) for evidence in chosen_items(db, current_user, list(versions))]
    declared = str(DECLARATION) if form.declaration.data else ""
    outcome = attempt(db, lambda: submit_several(db, current_user, chosen, declared), form)
    if outcome.done:
        references = ", ".join(submission.evidence.reference for submission in outcome.value)
        count = len(outcome.value)
        flash(ngettext("%(num)d item submitted for assessment: %(references)s.", "%(num)d items submitted for assessment: %(references)s.",
                       count, references=references), "success")
        return redirect(url_for(".portfolio"))
    if isinstance(outcome.refused, Locked):
        flash(_("These items have already been submitted; nothing more was sent."), "info")
        return redirect(url_for(".portfolio"))
    db.expire_all()
    return _confirm_page([evidence for evidence, _version in chosen], form, status_of(outcome.refused))


def _confirm_page(items: list[Evidence], form: SeveralForm, status: int = 200):
    found = candidates(current_user, items)
    ready = [candidate.evidence for candidate in found if candidate.ready]
    return render_template("evidence/submit_several.html", candidates=found, ready=ready, form=form), status


def _numbers(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit() and len(value) < 10]


def _picked(values: list[str]) -> list[tuple[int, str]]:
    """(number, version) from the page's "number:version" values; anything else is left out."""
    pairs = [value.partition(":") for value in values]
    return [(int(number), version) for number, _sep, version in pairs if number.isdigit() and len(number) < 10 and version]

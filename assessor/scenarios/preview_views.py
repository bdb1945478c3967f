"""An author previews a draft in the player, in Welsh or English, with its variables shown and a jump to any node."""
from functools import partial

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..core.acts import Outcome, attempt
from ..db import get_session
from . import preview
from .authoring_views import draft_or_404
from .catalogue import text
from .conversation import conversation
from .forms import AnswerForm, ChoiceForm, StepForm
from .models import ScenarioDraft, ScenarioPreview
from .player import StaleStep
from .preview_check import unplayable
from .preview_forms import JumpForm, LanguageForm, jump_form
from .transcript import outcome_label

bp = Blueprint("scenario_preview", __name__, url_prefix="/authoring/scenarios/<int:draft_id>/preview")
bp.before_request(require_sign_in)


@bp.context_processor
def helpers() -> dict:
    return {"text": text, "language": str(get_locale()), "outcome_label": outcome_label}


def preview_or_404(draft: ScenarioDraft) -> ScenarioPreview:
    return preview.preview_of(get_session(), current_user, draft) or abort(404)


@bp.get("")
def show(draft_id: int):
    draft = draft_or_404(draft_id)
    found = preview.preview_of(get_session(), current_user, draft)
    return preview_page(draft, found) if found else start_page(draft)


@bp.post("/start")
def start(draft_id: int):
    """A new preview of the draft as last saved (starting again on the new text, if it was saved since)."""
    draft = draft_or_404(draft_id)
    form = LanguageForm()
    if form.validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: preview.start_preview(db, current_user, draft, form.language.data), form)
        if outcome.done:
            return redirect(url_for(".show", draft_id=draft.id))
        return start_page(draft_or_404(draft_id), form, outcome.status)
    return start_page(draft, form, 422)


@bp.post("")
def step(draft_id: int):
    draft = draft_or_404(draft_id)
    found = preview_or_404(draft)
    form = AnswerForm() if "answer" in request.form else ChoiceForm()
    if not form.validate_on_submit():
        return preview_page(draft, found, form, 422)
    db = get_session()
    at = {"node_id": form.node.data, "position": form.posted_position}
    if isinstance(form, AnswerForm):
        act = partial(preview.give_answer, db, found, **at, text=form.answer.data)
    else:
        act = partial(preview.take_choice, db, found, **at, choice=form.choice.data)
    return _acted(draft, found, attempt(db, act, form), form)


@bp.post("/jump")
def jump(draft_id: int):
    draft = draft_or_404(draft_id)
    found = preview_or_404(draft)
    form = jump_form(preview.scenario_of(found), preview.state_of(found), posted=True)
    if not form.validate_on_submit():
        return preview_page(draft, found, jumping=form, status=422)
    db = get_session()
    outcome = attempt(db, lambda: preview.jump(db, found, node_id=form.node.data, position=form.posted_position,
                                               target=form.target.data, values=form.values()), form)
    return _acted(draft, found, outcome, None, jumping=form)


@bp.post("/language")
def switch_language(draft_id: int):
    """Play on in the other language."""
    draft = draft_or_404(draft_id)
    found = preview_or_404(draft)
    form = LanguageForm()
    if form.validate_on_submit():
        db = get_session()
        if attempt(db, lambda: preview.set_language(db, found, form.language.data), form).done:
            return redirect(url_for(".show", draft_id=draft.id))
    return preview_page(draft, preview_or_404(draft), status=422, languages=form)


@bp.get("/debrief")
def debrief(draft_id: int):
    draft = draft_or_404(draft_id)
    found = preview_or_404(draft)
    report = preview.debrief(get_session(), found, str(get_locale()))
    if report.ending is None:
        return redirect(url_for(".show", draft_id=draft.id))
    return render_template("scenarios/authoring/preview_debrief.html", draft=draft, preview=found, report=report,
                           document=found.document, content_lang=found.language, stale=preview.is_stale(found, draft))


def _acted(draft: ScenarioDraft, found: ScenarioPreview, outcome: Outcome, form: StepForm | None,
           jumping: JumpForm | None = None):
    """Back to the preview after a move or a jump; a stale post shows the preview as it now stands, 409."""
    if outcome.done:
        return redirect(url_for(".show", draft_id=draft.id, _anchor=f"turn-{len(found.steps)}"))
    found = preview_or_404(draft)
    if isinstance(outcome.refused, StaleStep):
        unsent = form.answer.data if isinstance(form, AnswerForm) else None
        return preview_page(draft, found, status=409, conflict=str(outcome.refused), unsent=unsent)
    return preview_page(draft, found, form, outcome.status, jumping=jumping)


def start_page(draft: ScenarioDraft, form: LanguageForm | None = None, status: int = 200):
    form = form or LanguageForm(formdata=None, language=str(get_locale()))
    return render_template("scenarios/authoring/preview_start.html", draft=draft, form=form,
                           problems=unplayable(draft.source)), status


def preview_page(draft: ScenarioDraft, found: ScenarioPreview, form=None, status: int = 200, conflict=None,
                 unsent=None, jumping=None, languages=None):
    """The conversation as the learner's player shows it, beside the variables, the node and the jump control."""
    scenario = preview.scenario_of(found)
    turns, state = preview.conversation(found, found.language)
    context = conversation(scenario, turns, state, len(found.steps), found.language, form, unsent)
    jumping = jumping or jump_form(scenario, state)
    jumping.at(len(found.steps), state.node_id)
    return render_template("scenarios/authoring/preview.html", draft=draft, preview=found, conflict=conflict,
                           scenario=scenario, node_id=state.node_id, variables=state.variables, jump_form=jumping,
                           language_form=languages or LanguageForm(formdata=None, language=found.language),
                           stale=preview.is_stale(found, draft), play_url=url_for(".step", draft_id=draft.id),
                           ending_url=url_for(".debrief", draft_id=draft.id), **context), status

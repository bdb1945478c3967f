"""The scenario player's pages: the list, the conversation, the debrief and the transcript."""
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.login import require_sign_in
from ..core.acts import Refused, show_refusal
from ..db import get_session
from ..evidence.access import may_view
from ..permissions import belongs_to, is_learner
from . import player, portfolio
from .catalogue import playable_version, scenario_of, text
from .conversation import conversation
from .forms import AnswerForm, ChoiceForm, ReflectionForm
from .models import Attempt
from .transcript import outcome_label, steps_of, transcript_for, transcript_of, walk

bp = Blueprint("scenarios", __name__, url_prefix="/scenarios")
bp.before_request(require_sign_in)


@bp.app_template_global()
def scenario_transcript(evidence):
    """The transcript of a scenario evidence item (None for other kinds), for the evidence pages."""
    return transcript_for(get_session(), evidence, language())


@bp.context_processor
def helpers() -> dict:
    return {"text": text, "language": language(), "outcome_label": outcome_label}


def language() -> str:
    return str(get_locale())


def wants_fragment() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def learner_only() -> None:
    if not is_learner(current_user):
        abort(403)


def own_attempt_or_404(attempt_id: int) -> Attempt:
    attempt = get_session().get(Attempt, attempt_id)
    if attempt is None or attempt.learner_id != current_user.id:
        abort(404)
    return attempt




@bp.get("/")
def index():
    learner_only()
    entries = player.entries(get_session(), current_user)
    return render_template("scenarios/index.html", entries=entries)


@bp.post("/<scenario_id>/start")
def start(scenario_id: str):
    learner_only()
    db = get_session()
    row = playable_version(db, scenario_id, current_user.provider_id) or abort(404)
    attempt = player.start_attempt(db, current_user, row)
    db.commit()
    return redirect(url_for(".play", attempt_id=attempt.id))


@bp.post("/attempts/<int:attempt_id>/restart")
def restart(attempt_id: int):
    attempt = own_attempt_or_404(attempt_id)
    db = get_session()
    try:
        fresh = player.restart(db, current_user, attempt)
    except player.Refused as error:
        db.rollback()
        flash(str(error), "error")
        return redirect(url_for(".debrief" if attempt.finished_at else ".play", attempt_id=attempt.id))
    db.commit()
    flash(_("A new attempt has started. Your earlier attempts are kept."), "success")
    return redirect(url_for(".play", attempt_id=fresh.id))


@bp.route("/attempts/<int:attempt_id>", methods=["GET", "POST"])
def play(attempt_id: int):
    attempt = own_attempt_or_404(attempt_id)
    if request.method == "GET":
        return play_page(attempt)
    db = get_session()
    form = AnswerForm() if "answer" in request.form else ChoiceForm()
    if not form.validate_on_submit():
        return play_page(attempt, form, 422)
    try:
        if isinstance(form, AnswerForm):
            player.give_answer(db, attempt, node_id=form.node.data, position=form.posted_position, text=form.answer.data)
        else:
            player.take_choice(db, attempt, node_id=form.node.data, position=form.posted_position, choice=form.choice.data)
    except player.StaleStep as error:
        unsent = form.answer.data if isinstance(form, AnswerForm) else None
        return play_page(attempt, None, 409, conflict=str(error), unsent=unsent)
    except player.Refused as error:
        show_refusal(form, error)
        return play_page(attempt, form, 422)
    db.commit()
    if wants_fragment():
        return play_page(attempt)
    return redirect(url_for(".play", attempt_id=attempt.id, _anchor=f"turn-{len(attempt.steps)}"))


def play_page(attempt: Attempt, form=None, status: int = 200, conflict: str | None = None, unsent: str | None = None):
    """The conversation so far and the learner's turn; only the part that changes when asked by the script."""
    scenario = scenario_of(attempt.scenario_version)
    turns, state = walk(scenario, steps_of(attempt), language())
    context = conversation(scenario, turns, state, len(attempt.steps), language(), form, unsent)
    template = "scenarios/_play_main.html" if wants_fragment() else "scenarios/play.html"
    return render_template(template, attempt=attempt, conflict=conflict, **context,
                           play_url=url_for(".play", attempt_id=attempt.id),
                           ending_url=url_for(".debrief", attempt_id=attempt.id)), status


@bp.route("/attempts/<int:attempt_id>/debrief", methods=["GET", "POST"])
def debrief(attempt_id: int):
    attempt = own_attempt_or_404(attempt_id)
    if attempt.finished_at is None:
        return redirect(url_for(".play", attempt_id=attempt.id))
    db = get_session()
    form = ReflectionForm() if request.method == "POST" else ReflectionForm(reflection=attempt.reflection)
    status = 200
    if form.validate_on_submit():
        try:
            return _reflect(attempt, form)
        except (player.Refused, Refused) as error:
            show_refusal(form, error)
            status = 422
        except (StaleDataError, IntegrityError):
            db.rollback()
            flash(_("This attempt was changed in another tab or window. Here it is as it stands now."), "error")
            return redirect(url_for(".debrief", attempt_id=attempt_id))
    report = portfolio.debrief(db, attempt, language())
    return render_template("scenarios/debrief.html", attempt=attempt, report=report, form=form,
                           evidence_url=evidence_url(report.evidence), minimum=portfolio.REFLECTION_MIN,
                           maximum=f"{portfolio.REFLECTION_MAX:,}"), status


def evidence_url(evidence) -> str | None:
    """The evidence page, once the evidence pages exist."""
    if evidence is None or "evidence.show" not in current_app.view_functions:
        return None
    return url_for("evidence.show", learner_id=evidence.learner_id, number=evidence.number)


def _reflect(attempt: Attempt, form: ReflectionForm):
    db = get_session()
    if request.form.get("action") == "save":
        portfolio.save_reflection(db, current_user, attempt, form.reflection.data)
        db.commit()
        flash(_("Your reflection is saved."), "success")
        return redirect(url_for(".debrief", attempt_id=attempt.id))
    already = attempt.evidence_id is not None
    evidence = portfolio.add_to_portfolio(db, current_user, attempt, form.reflection.data, language())
    db.commit()
    if not already:
        flash(_("The transcript is in your portfolio as %(reference)s, a draft. Check the criteria it claims, "
                "then submit it for assessment.", reference=evidence.reference), "success")
    return redirect(evidence_url(evidence) or url_for(".debrief", attempt_id=attempt.id))


@bp.get("/attempts/<int:attempt_id>/transcript")
def transcript(attempt_id: int):
    """The learner's own attempt; staff who may view the learner see it once it is evidence."""
    attempt = get_session().get(Attempt, attempt_id)
    if attempt is None:
        abort(404)
    if attempt.learner_id != current_user.id:
        if attempt.evidence_id is None or not belongs_to(current_user, attempt.learner.provider_id):
            abort(404)
        if not may_view(get_session(), current_user, attempt.learner):
            abort(403)
    return render_template("scenarios/transcript.html", attempt=attempt,
                           transcript=transcript_of(attempt, language()))

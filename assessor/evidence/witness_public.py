"""The witness's page, reached by the emailed link with no account: read the statement, confirm or correct it, sign."""
from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..core.acts import attempt
from ..db import get_session
from .witness_forms import WitnessSignForm
from .witness_models import SIGNED, WitnessRequest
from .witness_signing import declaration_for, find_link, sign, statement_hash

bp = Blueprint("witness", __name__, url_prefix="/witness")


@bp.after_request
def _private(response):
    """The link is a secret: the page is never stored, never indexed, and never sends its address onward."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@bp.get("/signed")
def signed():
    return render_template("witness/signed.html")


@bp.route("/<token>", methods=["GET", "POST"])
def statement(token: str):
    db = get_session()
    link = find_link(db, token)
    if link is None:
        return render_template("witness/link_gone.html", link=None), 404
    if not link.live:
        return render_template("witness/link_gone.html", link=link, signed=link.status in SIGNED), 410
    if current_user.is_authenticated and current_user.id == link.evidence.learner_id:
        abort(403)
    form, status = WitnessSignForm(), 200
    if form.validate_on_submit():
        answers = {"accurate": form.answer(), "corrected": form.corrected.data, "signed_name": form.signed_name.data,
                   "agreed": form.agreed.data, "shown_hash": form.shown.data, "language": str(get_locale())}
        outcome = attempt(db, lambda: sign(db, link, **answers), form)
        if outcome.done:
            return redirect(url_for(".signed"))
        status = outcome.status
    elif form.errors:
        status = 422
    return _page(link, form, status)


def _page(link: WitnessRequest, form: WitnessSignForm, status: int):
    evidence = link.evidence
    form.shown.data = statement_hash(evidence.body)
    if not form.is_submitted():
        form.corrected.data = evidence.body
    form.agreed.label.text = declaration_for(link)
    page = render_template("witness/statement.html", form=form, link=link, evidence=evidence)
    return page, status

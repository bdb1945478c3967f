"""Asking a witness to confirm a statement, from the item's page: name them, send the link again, withdraw it."""
from dataclasses import dataclass
from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import Session

from ..core.acts import attempt
from ..db import get_session
from ..mail.services import MailSettings
from .access import evidence_or_abort
from .blueprint import bp
from .models import WITNESS, Evidence
from .witness_forms import WitnessRequestForm
from .witness_models import SIGNED, WitnessRequest
from .witness_signing import statement_hash
from .witnesses import Sending, may_ask, may_withdraw, request_witness, requests_of, resend, withdraw


@dataclass
class WitnessPanel:
    """What the item page shows about its witness: every link sent, newest first, and what the reader may do."""

    requests: list[WitnessRequest]
    may_ask: bool
    may_withdraw: bool

    @property
    def latest(self) -> WitnessRequest | None:
        return self.requests[0] if self.requests else None

    @property
    def confirmations(self) -> list[WitnessRequest]:
        return [request for request in self.requests if request.status in SIGNED]


def witness_panel(session: Session, evidence: Evidence) -> WitnessPanel | None:
    if evidence.kind != WITNESS:
        return None
    return WitnessPanel(requests_of(session, evidence), may_ask(session, current_user, evidence), may_withdraw(session, current_user, evidence))


@bp.app_template_global()
def statement_changed(request: WitnessRequest, evidence: Evidence) -> bool:
    """The item's statement is no longer the one the witness read."""
    return request.original_text is not None and statement_hash(request.original_text) != statement_hash(evidence.body)


def _sending() -> Sending:
    def link_for(token: str) -> str:
        return url_for("witness.statement", token=token, _external=True)

    config = current_app.config
    return Sending(MailSettings.from_config(config), link_for, timedelta(days=config["WITNESS_LINK_DAYS"]))


def _item_url(evidence: Evidence) -> str:
    return url_for(".show", learner_id=evidence.learner_id, number=evidence.number) + "#witness"


def _askable_or_abort(learner_id: int, number: int) -> Evidence:
    evidence = evidence_or_abort(learner_id, number)
    if evidence.kind != WITNESS:
        abort(404)
    if not may_ask(get_session(), current_user, evidence):
        abort(403)
    return evidence


@bp.route("/learners/<int:learner_id>/evidence/<int:number>/witness", methods=["GET", "POST"])
def witness_request(learner_id: int, number: int):
    evidence = _askable_or_abort(learner_id, number)
    form = WitnessRequestForm(data=_known_witness(evidence))
    if form.validate_on_submit():
        db = get_session()
        fields = {"name": form.witness_name.data, "role": form.witness_role.data, "email": form.witness_email.data}
        outcome = attempt(db, lambda: request_witness(db, current_user, evidence, _sending(), **fields), form)
        if outcome.done:
            flash(_("%(name)s has been sent a link to confirm the statement.", name=outcome.value.witness_name), "success")
            return redirect(_item_url(evidence))
    page = render_template("evidence/witness_request.html", form=form, evidence=evidence, learner=evidence.learner)
    return page, 422 if form.errors or form.form_errors else 200


def _known_witness(evidence: Evidence) -> dict:
    """The form starts from what the item says about its witness (the contact only when it is an email address)."""
    contact = (evidence.witness_contact or "").split(",")[0].strip()
    return {"witness_name": evidence.witness_name, "witness_role": evidence.witness_role,
            "witness_email": contact if "@" in contact and " " not in contact else ""}


@bp.post("/learners/<int:learner_id>/evidence/<int:number>/witness/<int:request_id>/resend")
def witness_resend(learner_id: int, number: int, request_id: int):
    evidence = _askable_or_abort(learner_id, number)
    db = get_session()
    outcome = attempt(db, lambda: resend(db, current_user, evidence, request_id, _sending()))
    if outcome.done:
        flash(_("A new link has been sent to %(name)s. The old link no longer works.", name=outcome.value.witness_name), "success")
    else:
        flash(str(outcome.refused), "error")
    return redirect(_item_url(evidence))


@bp.post("/learners/<int:learner_id>/evidence/<int:number>/witness/<int:request_id>/withdraw")
def witness_withdraw(learner_id: int, number: int, request_id: int):
    evidence = evidence_or_abort(learner_id, number)
    if evidence.kind != WITNESS:
        abort(404)
    if not may_withdraw(get_session(), current_user, evidence):
        abort(403)
    db = get_session()
    outcome = attempt(db, lambda: withdraw(db, current_user, evidence, request_id))
    if outcome.done:
        flash(_("The request has been withdrawn: the link no longer works."), "success")
    else:
        flash(str(outcome.refused), "error")
    return redirect(_item_url(evidence))



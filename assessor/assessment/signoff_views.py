"""Sign-off pages: the assessor signs a standard off, the learner countersigns, the record, withdrawal."""
from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from ..accounts.models import User
from ..cohorts.models import Enrolment
from ..db import get_session
from ..permissions import belongs_to, can_assess, can_countersign, can_view_learner
from .blueprint import bp, enrolment_or_404
from .labels import CRITERION_STATUS_LABELS, CRITERION_STATUS_TAGS
from .models import SignOff
from ..standards.criteria import assessable_criteria
from .signoff import (
    ASSESSOR_DECLARATION,
    LEARNER_STATEMENT,
    AlreadyDone,
    countersign as countersign_service,
    learner_of,
    may_withdraw,
    provider_of,
    sign_off as sign_off_service,
    sign_off_state,
    withdraw_sign_off as withdraw_service,
)
from .signing import sign_off_payload, verify_sign_off
from .signoff_forms import CountersignForm, SignOffForm, WithdrawSignOffForm
from ..core.acts import attempt, show_refusal


def sign_off_or_404(sign_off_id: int) -> SignOff:
    sign_off = get_session().get(SignOff, sign_off_id)
    if sign_off is None or not belongs_to(current_user, provider_of(sign_off.enrolment)):
        abort(404)
    return sign_off


def may_read(user: User, sign_off: SignOff) -> bool:
    """The learner, their assessor (and whoever signed), their IQA, and the provider's administrators."""
    enrolment = sign_off.enrolment
    assessors = {enrolment.assessor_id, sign_off.assessor_id}
    return can_view_learner(user, learner_of(enrolment), assessors, {enrolment.iqa_id})


def attempt_sign_off(form: FlaskForm, act: Callable[[], SignOff], success: str, loaded: SignOff | None = None):
    """A valid post: run `act`, commit, flash `success` and go to the sign-off's record.

    Otherwise (None, the status to show the form again with); after a conflict the form carries
    the version now stored, so sending it again (having looked) goes through.
    """
    if not form.validate_on_submit():
        return None, 422 if request.method == "POST" else 200
    outcome = attempt(get_session(), act)
    if isinstance(outcome.refused, AlreadyDone):
        flash(str(outcome.refused), "info")
        return redirect(url_for(".sign_off_record", sign_off_id=outcome.refused.sign_off.id)), None
    if not outcome.done:
        show_refusal(form, outcome.refused)
        if loaded is not None:
            get_session().refresh(loaded)
            form.version.data, form.version.raw_data = loaded.version, [str(loaded.version)]
        return None, outcome.status
    flash(success, "success")
    return redirect(url_for(".sign_off_record", sign_off_id=outcome.value.id)), None


def criteria_context(enrolment: Enrolment, payload: dict) -> dict:
    """The standard's criteria by ref, and the met decisions behind each as recorded in `payload`."""
    criteria = {c.ref: c for c in assessable_criteria(get_session(), enrolment.standard_id)}
    return {"criteria_by_ref": criteria, "signed_criteria": payload.get("criteria", [])}


@bp.route("/enrolments/<int:enrolment_id>/sign-off", methods=["GET", "POST"])
def sign_off(enrolment_id: int):
    enrolment = enrolment_or_404(enrolment_id)
    if not can_assess(current_user, provider_of(enrolment), enrolment.assessor_id):
        abort(403)
    db, form = get_session(), SignOffForm()
    done, status = attempt_sign_off(
        form,
        lambda: sign_off_service(
            db, current_user, enrolment, form.signature_name.data, str(ASSESSOR_DECLARATION), agreed=form.agreed.data
        ),
        _("You signed %(standard)s off. The learner is asked to countersign.", standard=enrolment.standard.urn),
    )
    if done is not None:
        return done
    state = sign_off_state(db, enrolment)
    context = criteria_context(enrolment, sign_off_payload(db, enrolment)) | {
        "statuses": {criterion.ref: status for criterion, status in state.criteria},
        "status_labels": CRITERION_STATUS_LABELS,
        "status_tags": CRITERION_STATUS_TAGS,
    }
    return render_template("assessment/sign_off.html", enrolment=enrolment, form=form, state=state, **context), status


@bp.get("/sign-offs/<int:sign_off_id>")
def sign_off_record(sign_off_id: int):
    sign_off = sign_off_or_404(sign_off_id)
    if not may_read(current_user, sign_off):
        abort(403)
    db, enrolment = get_session(), sign_off.enrolment
    context = {
        "sign_off": sign_off,
        "enrolment": enrolment,
        "learner": learner_of(enrolment),
        "state": sign_off_state(db, enrolment),
        "intact": verify_sign_off(sign_off),
        "withdrawn_by": db.get(User, sign_off.withdrawn_by_id) if sign_off.withdrawn_by_id else None,
        "may_countersign": can_countersign(current_user, learner_of(enrolment).id),
        "may_withdraw": may_withdraw(current_user, sign_off),
        "may_sign": can_assess(current_user, provider_of(enrolment), enrolment.assessor_id),
    }
    return render_template("assessment/sign_off_record.html", **context, **criteria_context(enrolment, sign_off.payload))


@bp.route("/sign-offs/<int:sign_off_id>/countersign", methods=["GET", "POST"])
def countersign(sign_off_id: int):
    sign_off = sign_off_or_404(sign_off_id)
    if not can_countersign(current_user, learner_of(sign_off.enrolment).id):
        abort(403)
    db, form = get_session(), versioned(CountersignForm, sign_off)
    done, status = attempt_sign_off(
        form,
        lambda: countersign_service(db, current_user, sign_off, form.signature_name.data, form.version.data),
        _("You countersigned the sign-off of %(standard)s.", standard=sign_off.enrolment.standard.urn),
        sign_off,
    )
    if done is not None:
        return done
    page = render_template(
        "assessment/countersign.html", sign_off=sign_off, enrolment=sign_off.enrolment, form=form,
        statement=LEARNER_STATEMENT, **criteria_context(sign_off.enrolment, sign_off.payload),
    )
    return page, status


@bp.route("/sign-offs/<int:sign_off_id>/withdraw", methods=["GET", "POST"])
def withdraw_sign_off(sign_off_id: int):
    sign_off = sign_off_or_404(sign_off_id)
    if not may_withdraw(current_user, sign_off):
        abort(403)
    db, form = get_session(), versioned(WithdrawSignOffForm, sign_off)
    done, status = attempt_sign_off(
        form,
        lambda: withdraw_service(db, current_user, sign_off, form.reason.data, form.version.data),
        _("The sign-off was withdrawn. The assessor can sign the standard off again when it is ready."),
        sign_off,
    )
    if done is not None:
        return done
    return render_template("assessment/withdraw_sign_off.html", sign_off=sign_off, enrolment=sign_off.enrolment, form=form), status


def versioned(form_class: type[FlaskForm], sign_off: SignOff) -> FlaskForm:
    """The posted form, or a new one carrying the version the page is loaded with."""
    return form_class() if request.method == "POST" else form_class(data={"version": sign_off.version})

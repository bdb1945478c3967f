"""A portfolio's items: adding, showing, changing, files, submitting, deleting; assessors' observations."""
from types import SimpleNamespace

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..accounts.models import User
from ..core.acts import Conflict, Locked, Refused, attempt, show_refusal, validated
from ..core.limits import dropped_upload, takes_files
from ..core.signals import answers
from ..db import get_session
from ..permissions import can_add_evidence, can_record_observation
from ..storage.detect import ACCEPT
from ..storage.files import send_stored
from ..storage.paths import storage_dir
from . import markdown  # noqa: F401  (registers the markdown filter)
from .access import assigned_ids, claims_by_standard, evidence_or_abort, file_or_404, learner_or_404
from .blueprint import bp
from .events import item_history
from .fields import checked_fields
from .forms import (
    BODY_HINTS,
    BODY_LABELS,
    DECLARATION,
    KIND_HINTS,
    MARKDOWN_HINT,
    EvidenceForm,
    KindForm,
    SubmitForm,
    UploadForm,
    VersionForm,
)
from .guards import is_owner, locked_message, may_change, may_delete
from .item_files import add_files, discard_blobs, remove_file, store_files
from .labels import KIND_LABELS, STATUS_LABELS, STATUS_TAGS, WITNESS_STATE_LABELS, WITNESS_STATE_TAGS
from .models import ACCOUNT, FILE, LEARNER_KINDS, OBSERVATION, SCENARIO, Evidence
from .readiness import submit_problems
from .services import create_evidence, delete_draft, submit_evidence, update_evidence
from .witness_views import witness_panel

#: what the evidence templates (and pages elsewhere that include evidence/_content.html) call things
LABELS = SimpleNamespace(
    kinds=KIND_LABELS,
    statuses=STATUS_LABELS,
    tags=STATUS_TAGS,
    kind_hints=KIND_HINTS,
    bodies=BODY_LABELS,
    body_hints=BODY_HINTS,
    #: the heading over an item's text when it is read (not the learner's "Your account")
    headings=BODY_LABELS | {ACCOUNT: KIND_LABELS[ACCOUNT], SCENARIO: _l("The learner's reflection")},
    markdown_hint=MARKDOWN_HINT,
    witness_states=WITNESS_STATE_LABELS,
    witness_tags=WITNESS_STATE_TAGS,
)


@bp.app_context_processor
def evidence_labels() -> dict:
    return {"evidence_labels": LABELS}


def _item_url(evidence: Evidence, endpoint: str = ".show", **args) -> str:
    return url_for(endpoint, learner_id=evidence.learner_id, number=evidence.number, **args)


def _portfolio_url(learner: User) -> str:
    return url_for(".portfolio") if learner.id == current_user.id else url_for(".learner_portfolio", learner_id=learner.id)


def _status(error: Refused | None) -> int:
    return 409 if isinstance(error, Conflict) else 422


# -- adding -----------------------------------------------------------------------------------


@bp.route("/portfolio/evidence/new", methods=["GET", "POST"])
@takes_files(reshown=True)
def new():
    if not can_add_evidence(current_user, current_user):
        abort(403)
    kind = request.args.get("kind", "")
    if kind not in LEARNER_KINDS:
        chooser = KindForm(request.args)
        asked = "kind" in request.args or "chosen" in request.args or request.method == "POST"
        if asked:
            chooser.kind.errors = [_("Choose the kind of evidence.")]
        return render_template("evidence/choose_kind.html", form=chooser), 422 if asked else 200
    return _create(current_user, kind, "evidence/new.html")


@bp.route("/learners/<int:learner_id>/observations/new", methods=["GET", "POST"])
def new_observation(learner_id: int):
    learner = learner_or_404(learner_id)
    if not can_record_observation(current_user, learner, assigned_ids(get_session(), learner.id)[0]):
        abort(403)
    return _create(learner, OBSERVATION, "evidence/new_observation.html")


def _create(learner: User, kind: str, template: str):
    form = EvidenceForm().for_kind(kind)
    error = None
    if validated(form, lambda: _check_typed(kind, form)):
        try:
            evidence = _create_with_files(learner, kind, form)
        except Refused as refused:
            error = refused
            show_refusal(form, refused)
        else:
            flash(_("%(reference)s has been saved as a draft.", reference=evidence.reference), "success")
            return redirect(_item_url(evidence))
    dropped = bool(form.errors) and (dropped_upload() or any(upload.filename for upload in request.files.getlist("files")))
    page = render_template(template, form=form, kind=kind, learner=learner, accept=ACCEPT, files_dropped=dropped)
    return page, (_status(error) if form.errors else 200)


def _check_typed(kind: str, form: EvidenceForm) -> None:
    """Every problem with what was typed, and with the files when they were too large to be received."""
    problems = [("files", dropped)] if (dropped := dropped_upload()) else []
    try:
        checked_fields(kind, form.typed(kind))
    except Refused as refused:
        problems += refused.problems
    if problems:
        raise Refused.listing(problems)


def _create_with_files(learner: User, kind: str, form: EvidenceForm) -> Evidence:
    """Check the fields, store the files, then save the item and its files in one transaction (or discard the files)."""
    db, root = get_session(), storage_dir(current_app)
    typed = form.typed(kind)
    checked_fields(kind, typed)
    stored = _store(form.files.data) if kind == FILE else []
    try:
        evidence = create_evidence(db, current_user, learner, kind=kind, **typed)
        if stored:
            add_files(db, current_user, evidence, stored, evidence.version)
        db.commit()
    except Exception:
        db.rollback()
        discard_blobs(db, root, [file.sha256 for file in stored])
        raise
    return evidence


def _store(uploads) -> list:
    config = current_app.config
    limits = {"max_bytes": config["UPLOAD_MAX_BYTES"], "max_files": config["UPLOAD_MAX_FILES"]}
    return store_files(get_session(), uploads or [], root=storage_dir(current_app), **limits)




# -- one item ---------------------------------------------------------------------------------


@bp.get("/learners/<int:learner_id>/evidence/<int:number>")
def show(learner_id: int, number: int):
    return _show(evidence_or_abort(learner_id, number))


def _show(evidence: Evidence, upload_form: UploadForm | None = None, status: int = 200):
    db = get_session()
    changeable = may_change(current_user, evidence)
    page = render_template(
        "evidence/show.html", evidence=evidence, learner=evidence.learner, claims=claims_by_standard(evidence),
        history=next(iter(answers(item_history, evidence, session=db)), []), changeable=changeable, deletable=may_delete(current_user, evidence),
        upload_form=_current(upload_form or UploadForm(formdata=None), evidence),
        remove_form=_current(VersionForm(formdata=None), evidence), accept=ACCEPT, witness=witness_panel(db, evidence),
    )
    return page, status


def _current(form, evidence: Evidence):
    """The form as it will be posted next: acting on the item as it is now."""
    form.version.data = evidence.version
    return form


def changeable_or_abort(learner_id: int, number: int, *, deleting: bool = False) -> Evidence:
    """The item, for its owner while they may change it; back to the item with the reason when they no longer may."""
    evidence = evidence_or_abort(learner_id, number)
    if not is_owner(current_user, evidence):
        abort(403)
    if not (may_delete if deleting else may_change)(current_user, evidence):
        flash(str(_locked(evidence, deleting)), "info")
        abort(redirect(_item_url(evidence)))
    return evidence


def _attempt(form, evidence: Evidence, action):
    """(what the service returned, None) once committed; (None, the refusal) shown on the form; back to the item if locked."""
    db = get_session()
    outcome = attempt(db, lambda: action(db))
    if isinstance(outcome.refused, Locked):
        flash(str(outcome.refused), "info")
        abort(redirect(_item_url(evidence)))
    if outcome.refused is not None:
        show_refusal(form, outcome.refused)
    return outcome.value, outcome.refused


def _locked(evidence: Evidence, deleting: bool) -> str:
    return _("Only a draft that has never been submitted can be deleted.") if deleting else locked_message(evidence)


@bp.route("/learners/<int:learner_id>/evidence/<int:number>/edit", methods=["GET", "POST"])
def edit(learner_id: int, number: int):
    evidence = changeable_or_abort(learner_id, number)
    form = EvidenceForm(obj=evidence if request.method == "GET" else None).for_kind(evidence.kind)
    saved, error, changed = {}, None, None
    if validated(form, lambda: checked_fields(evidence.kind, form.typed(evidence.kind))):
        typed = form.typed(evidence.kind)
        changed, error = _attempt(form, evidence, lambda db: update_evidence(db, current_user, evidence, form.version.data, **typed))
        if error is None:
            flash(_("Your changes have been saved.") if changed else _("Nothing has changed."), "success" if changed else "info")
            return redirect(_item_url(evidence))
        saved = _saved_differences(evidence, form) if isinstance(error, Conflict) else {}
    page = render_template(
        "evidence/edit.html", form=_current(form, evidence), evidence=evidence, kind=evidence.kind, learner=evidence.learner, saved=saved
    )
    return page, (_status(error) if form.errors else 200)


def _saved_differences(evidence: Evidence, form: EvidenceForm) -> dict[str, str]:
    """{field label: the value saved now} where it differs from what the person typed."""
    typed = form.typed(evidence.kind)
    return {
        str(form[name].label.text): str(getattr(evidence, name) or "")
        for name, value in typed.items()
        if (value or "") != (getattr(evidence, name) or "")
    }


@bp.post("/learners/<int:learner_id>/evidence/<int:number>/files")
@takes_files(reshown=True)
def upload(learner_id: int, number: int):
    evidence = changeable_or_abort(learner_id, number)
    form = UploadForm()
    if not form.validate_on_submit():
        return _show(evidence, form, 422)
    if dropped := dropped_upload():
        show_refusal(form, Refused(dropped, "files"))
        return _show(evidence, form, 413)
    db, stored = get_session(), []
    try:
        stored = _store(form.files.data)
        added = add_files(db, current_user, evidence, stored, form.version.data)
        db.commit()
    except Refused as refused:
        db.rollback()
        discard_blobs(db, storage_dir(current_app), [file.sha256 for file in stored])
        show_refusal(form, refused)
        return _show(evidence, form, _status(refused))
    names = ", ".join(file.filename for file in added)
    flash(_("Added to %(reference)s: %(names)s", reference=evidence.reference, names=names), "success")
    return redirect(_item_url(evidence))


@bp.post("/learners/<int:learner_id>/evidence/<int:number>/files/<int:file_id>/remove", endpoint="remove_file")
def remove_one_file(learner_id: int, number: int, file_id: int):
    evidence = changeable_or_abort(learner_id, number)
    file = file_or_404(evidence, file_id)
    form, db, name = VersionForm(), get_session(), file.filename
    try:
        sha256 = remove_file(db, current_user, evidence, file.id, form.version.data)
        db.commit()
    except Refused as refused:
        db.rollback()
        flash(str(refused), "error")
        return redirect(_item_url(evidence))
    discard_blobs(db, storage_dir(current_app), [sha256])
    flash(_("%(name)s has been removed from %(reference)s.", name=name, reference=evidence.reference), "success")
    return redirect(_item_url(evidence))


@bp.get("/learners/<int:learner_id>/evidence/<int:number>/files/<int:file_id>")
def download(learner_id: int, number: int, file_id: int):
    evidence = evidence_or_abort(learner_id, number)
    return send_stored(storage_dir(current_app), file_or_404(evidence, file_id))


# -- submitting and deleting ------------------------------------------------------------------


@bp.route("/learners/<int:learner_id>/evidence/<int:number>/submit", methods=["GET", "POST"])
def submit(learner_id: int, number: int):
    evidence = changeable_or_abort(learner_id, number)
    form, error = SubmitForm(), None
    if form.is_submitted():
        declared = str(DECLARATION) if form.declaration.data else ""
        _done, error = _attempt(form, evidence, lambda db: submit_evidence(db, current_user, evidence, form.version.data, declared))
        if error is None:
            flash(_("%(reference)s has been submitted for assessment.", reference=evidence.reference), "success")
            return redirect(_item_url(evidence))
    page = render_template("evidence/submit.html", form=_current(form, evidence), evidence=evidence, learner=evidence.learner,
                           claims=claims_by_standard(evidence), declaration=DECLARATION,
                           blockers=[message for _field, message in submit_problems(evidence)])
    return page, (_status(error) if error else 200)


@bp.route("/learners/<int:learner_id>/evidence/<int:number>/delete", methods=["GET", "POST"])
def delete(learner_id: int, number: int):
    evidence = changeable_or_abort(learner_id, number, deleting=True)
    form, error = VersionForm(), None
    if form.is_submitted():
        reference, portfolio_url = evidence.reference, _portfolio_url(evidence.learner)
        blobs, error = _attempt(form, evidence, lambda db: delete_draft(db, current_user, evidence, form.version.data))
        if error is None:
            discard_blobs(get_session(), storage_dir(current_app), blobs)
            flash(_("%(reference)s has been deleted.", reference=reference), "success")
            return redirect(portfolio_url)
    page = render_template("evidence/delete.html", form=_current(form, evidence), evidence=evidence, learner=evidence.learner)
    return page, (_status(error) if error else 200)

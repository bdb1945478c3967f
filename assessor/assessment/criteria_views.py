"""Where a learner stands on each criterion: the mapping page of an evidence item, and the matrix of each standard.

They show assessment's statuses, so they live here, on the evidence blueprint (their URLs and names unchanged).
"""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..cohorts.models import Enrolment
from ..db import get_session
from ..permissions import can_add_evidence, can_assess
from ..evidence.access import evidence_or_abort, viewable_learner_or_abort
from ..evidence.blueprint import bp
from ..evidence.guards import is_owner
from ..evidence.labels import STATUS_LABELS, STATUS_TAGS
from ..evidence.mapping import MappingChange, learner_enrolments, locked_reason, mappable_enrolments, set_mapping
from ..evidence.mapping_forms import mapping_form
from ..evidence.models import Evidence
from .labels import CRITERION_STATUS_LABELS, CRITERION_STATUS_TAGS
from .matrix import build_matrix, criteria_sections
from ..core.acts import Conflict, Refused, show_refusal

LABELS = {
    "criterion_status_labels": CRITERION_STATUS_LABELS,
    "criterion_status_tags": CRITERION_STATUS_TAGS,
    "evidence_status_labels": STATUS_LABELS,
    "evidence_status_tags": STATUS_TAGS,
}


@bp.route("/learners/<int:learner_id>/evidence/<int:number>/mapping", methods=["GET", "POST"])
def mapping(learner_id: int, number: int):
    evidence = evidence_or_abort(learner_id, number)
    posted = request.method == "POST"
    if posted and not is_owner(current_user, evidence):
        abort(403)
    db = get_session()
    sections = criteria_sections(db, mappable_enrolments(learner_enrolments(db, evidence.learner_id)))
    form = mapping_form([line for section in sections for line in section.lines], _saved(evidence), evidence.version)
    reason = locked_reason(current_user, evidence)
    if reason:
        return _page(evidence, sections, form, reason=reason), 409 if posted else 200
    if not form.validate_on_submit():
        return _page(evidence, sections, form), 422 if form.errors else 200
    try:
        change = set_mapping(db, current_user, evidence, form.claims(), form.version.data)
    except Conflict as error:
        form.form_errors.append(str(error))
        form.carry_version(evidence.version)
        return _page(evidence, sections, form, conflict=True), 409
    except Refused as error:
        show_refusal(form, error)
        return _page(evidence, sections, form), 422
    db.commit()
    _flash_change(evidence, change)
    return redirect(url_for(".show", learner_id=evidence.learner_id, number=evidence.number))


def _saved(evidence: Evidence) -> dict[int, str]:
    return {claim.criterion_id: claim.note for claim in evidence.mappings}


def _page(evidence: Evidence, sections: list, form, *, reason: str | None = None, conflict: bool = False) -> str:
    context = {"learner": evidence.learner, "evidence": evidence, "sections": sections, "saved": _saved(evidence), "form": form}
    context |= {"editable": reason is None, "reason": reason, "conflict": conflict}
    return render_template("evidence/mapping.html", **context, **LABELS)


def _flash_change(evidence: Evidence, change: MappingChange) -> None:
    if not change:
        flash(_("Nothing has changed."), "info")
        return
    counts = {"reference": evidence.reference, "added": change.added, "removed": change.removed, "changed": change.changed}
    message = _("Criteria saved for %(reference)s: %(added)s added, %(removed)s removed, %(changed)s notes changed.", **counts)
    flash(message, "success")


@bp.get("/learners/<int:learner_id>/standards/<int:enrolment_id>")
def matrix(learner_id: int, enrolment_id: int):
    learner = viewable_learner_or_abort(learner_id)
    db = get_session()
    enrolment = db.get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.member.learner_id != learner.id:
        abort(404)
    built = build_matrix(db, enrolment)
    may_add = can_add_evidence(current_user, learner)
    assesses = can_assess(current_user, learner.provider_id, enrolment.assessor_id)
    return render_template("evidence/matrix.html", learner=learner, matrix=built, may_add=may_add, assesses=assesses, **LABELS)

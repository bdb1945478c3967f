"""What stops an item being submitted, found without changing anything: one list for the pages that offer
submitting and for the service that submits (services.submit_evidence)."""
from flask_babel import lazy_gettext as _

from ..accounts.models import User
from ..cohorts.labels import standard_title
from ..core.acts import Problem, Refused
from .guards import check_changeable
from .models import FILE, Evidence


def submit_problems(evidence: Evidence) -> list[Problem]:
    """(field, message) for each thing the item lacks before it can be submitted; empty when it is ready."""
    problems: list[Problem] = []
    if not evidence.mappings:
        message = _("Choose the criteria this evidence shows before submitting it: use “Choose criteria” on the evidence page.")
        problems.append(("claims", message))
    if evidence.kind == FILE and not evidence.files:
        problems.append(("files", _("Add at least one file before submitting.")))
    for enrolment in {mapping.enrolment_id: mapping.enrolment for mapping in evidence.mappings}.values():
        if enrolment.assessor_id is None:
            name = f"{standard_title(enrolment.standard)} ({enrolment.standard.urn})"
            message = _(
                "Nobody is assigned to assess %(standard)s yet, so this evidence cannot be submitted. "
                "Ask your training provider to assign an assessor.",
                standard=name,
            )
            problems.append(("claims", message))
    return problems


def why_not_submittable(actor: User, evidence: Evidence) -> list[str]:
    """Every reason the actor cannot submit the item now, as they would be told; empty when they can."""
    try:
        check_changeable(actor, evidence)
    except Refused as refused:
        return [str(refused)]
    return [str(message) for _field, message in submit_problems(evidence)]

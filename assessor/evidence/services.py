"""Evidence items: adding, changing and deleting drafts, and submitting them for assessment (files: item_files.py)."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..assessment.progress import refresh_progress
from ..audit.services import record
from ..cohorts.labels import standard_title
from ..permissions import can_add_evidence, can_change_evidence, can_record_observation
from .access import assigned_ids
from .models import (
    ACCOUNT, DISCUSSION, DRAFT, EDITABLE_STATUSES, FILE, LEARNER_KINDS, OBSERVATION, SCENARIO, SUBMITTED, WITNESS,
    Evidence, Submission,
)

#: the fields a person types, and the longest each may be
LIMITS = {"title": 200, "description": 5000, "body": 50000, "witness_name": 200, "witness_role": 200, "witness_contact": 254}
EDITABLE_FIELDS = ("title", "activity_date", "description", "body", "witness_name", "witness_role", "witness_contact")
WITNESS_FIELDS = ("witness_name", "witness_role", "witness_contact")
#: what each kind must say beyond its title and date, and the message when it is missing
REQUIRED = {
    FILE: {},
    SCENARIO: {},
    ACCOUNT: {"body": _l("Write your account.")},
    DISCUSSION: {"body": _l("Enter the record of the discussion.")},
    OBSERVATION: {"body": _l("Enter the observation record.")},
    WITNESS: {
        "witness_name": _l("Enter the witness's name."),
        "witness_role": _l("Enter the witness's role."),
        "witness_contact": _l("Enter how the assessor can contact the witness."),
        "body": _l("Enter the witness's statement."),
    },
}
FIELD_LABELS = {
    "title": _l("Title"),
    "description": _l("Description"),
    "body": _l("The text"),
    "witness_name": _l("Witness's name"),
    "witness_role": _l("Witness's role"),
    "witness_contact": _l("Witness's contact details"),
}
LOCAL_TIME = ZoneInfo("Europe/London")
NUMBERING_ATTEMPTS = 5


class EvidenceError(Exception):
    """A change the rules refuse; `problems` lists (field or None, message), the first being the message."""

    def __init__(self, message: str, field: str | None = None, problems: list[tuple[str | None, str]] | None = None):
        super().__init__(message)
        self.field = field
        self.problems = problems or [(field, message)]


class EvidenceConflict(EvidenceError):
    """The item changed since the form was loaded (or a concurrent change won)."""


class EvidenceLocked(EvidenceError):
    """The item's state no longer allows the change (submitted, assessed, or already done)."""


def is_owner(user: User, evidence: Evidence) -> bool:
    """The learner owns their evidence; an observation belongs to the assessor who recorded it."""
    return user.id == (evidence.created_by_id if evidence.kind == OBSERVATION else evidence.learner_id)


def may_change(user: User, evidence: Evidence) -> bool:
    """The owner may change the item, its files and its mapping while it is a draft or referred back."""
    return is_owner(user, evidence) and can_change_evidence(user, evidence.learner_id, evidence.status, evidence.created_by_id)


def may_delete(user: User, evidence: Evidence) -> bool:
    return may_change(user, evidence) and evidence.status == DRAFT and not evidence.submissions


def local_today() -> date:
    return datetime.now(LOCAL_TIME).date()


def checked_fields(kind: str, fields: dict) -> dict:
    """The typed fields of an item of `kind`, tidied; raises EvidenceError listing every problem."""
    values = {name: _tidy(name, fields.get(name)) for name in EDITABLE_FIELDS}
    if kind != WITNESS:
        values.update(dict.fromkeys(WITNESS_FIELDS))
    problems = _problems(kind, values)
    if problems:
        field, message = problems[0]
        raise EvidenceError(message, field, problems)
    return values


def _tidy(name: str, value):
    if name == "activity_date":
        return value
    if name in ("description", "body"):
        return str(value or "").replace("\r\n", "\n").strip()
    return " ".join(str(value or "").split()) or None


def _problems(kind: str, values: dict) -> list[tuple[str, str]]:
    problems = []
    if not values["title"]:
        problems.append(("title", _("Enter a title.")))
    day = values["activity_date"]
    if day is None:
        problems.append(("activity_date", _("Enter the date of the activity.")))
    elif day > local_today():
        problems.append(("activity_date", _("The date of the activity cannot be in the future. Enter today's date or an earlier one.")))
    problems += [(name, str(message)) for name, message in REQUIRED[kind].items() if not values[name]]
    for name, limit in LIMITS.items():
        if values[name] and len(values[name]) > limit:
            problems.append((name, _("%(field)s: use %(limit)s characters or fewer.", field=FIELD_LABELS[name], limit=f"{limit:,}")))
    return problems


def _snapshot(evidence: Evidence) -> dict:
    return {"reference": evidence.reference, "kind": evidence.kind, "title": evidence.title,
            "activity_date": evidence.activity_date, "status": evidence.status}


def _flush(session: Session, evidence: Evidence, races=(StaleDataError,)) -> None:
    """Write the change; a concurrent one that won is a conflict (the caller rolls back)."""
    message = _changed_message(evidence)
    try:
        session.flush()
    except races:
        raise EvidenceConflict(message) from None


def _changed_message(evidence: Evidence) -> str:
    return _(
        "%(reference)s was changed by someone else, or in another tab, after you opened this page. "
        "Check it as it is now, then make your change again.",
        reference=evidence.reference,
    )


def _check_version(evidence: Evidence, expected_version) -> None:
    if str(expected_version) != str(evidence.version):
        raise EvidenceConflict(_changed_message(evidence))


def _check_changeable(actor: User, evidence: Evidence) -> None:
    if not is_owner(actor, evidence):
        raise EvidenceError(
            _("Only the learner can change their own evidence. An observation can only be changed by the assessor who recorded it.")
        )
    if evidence.status not in EDITABLE_STATUSES:
        raise EvidenceLocked(locked_message(evidence))


def locked_message(evidence: Evidence) -> str:
    """Why the item can no longer be changed."""
    if evidence.status == SUBMITTED:
        return _("%(reference)s has already been submitted for assessment, so it cannot be changed until the assessor has decided.",
                 reference=evidence.reference)
    return _("%(reference)s has been assessed, so it can no longer be changed.", reference=evidence.reference)


# -- adding and changing ----------------------------------------------------------------------


def create_evidence(
    session: Session,
    actor: User,
    learner: User,
    *,
    kind: str,
    title: str,
    activity_date: date | None,
    description: str = "",
    body: str = "",
    witness_name: str | None = None,
    witness_role: str | None = None,
    witness_contact: str | None = None,
    details: dict | None = None,
    status: str = DRAFT,
) -> Evidence:
    """A new draft item in the learner's portfolio, numbered E-001, E-002 … for that learner."""
    if status != DRAFT:
        raise ValueError("evidence is created as a draft, then mapped and submitted with submit_evidence")
    _check_may_add(session, actor, learner, kind)
    typed = {"title": title, "activity_date": activity_date, "description": description, "body": body,
             "witness_name": witness_name, "witness_role": witness_role, "witness_contact": witness_contact}
    values = checked_fields(kind, typed)
    evidence = Evidence(learner_id=learner.id, kind=kind, details=details or {}, status=DRAFT, created_by_id=actor.id, **values)
    _insert_numbered(session, evidence)
    record(session, actor, "created", "evidence", evidence.id, learner_id=learner.id, after=_snapshot(evidence))
    return evidence


def _check_may_add(session: Session, actor: User, learner: User, kind: str) -> None:
    if kind == OBSERVATION:
        if not can_record_observation(actor, learner, assigned_ids(session, learner.id)[0]):
            raise EvidenceError(_("Only the learner's assessor can record an observation of them."))
    elif kind in LEARNER_KINDS or kind == SCENARIO:
        if not can_add_evidence(actor, learner):
            raise EvidenceError(_("Only the learner can add evidence to their portfolio."))
    else:
        raise EvidenceError(_("Choose the kind of evidence."), "kind")


def _insert_numbered(session: Session, evidence: Evidence) -> None:
    """Take the learner's next number; if someone else takes it at the same moment, take the one after."""
    for _attempt in range(NUMBERING_ATTEMPTS):
        evidence.number = next_number(session, evidence.learner_id)
        try:
            with session.begin_nested():
                session.add(evidence)
                session.flush()
            return
        except IntegrityError:
            continue
    raise EvidenceError(_("The evidence could not be numbered because of other changes at the same time. Try again."))


def next_number(session: Session, learner_id: int) -> int:
    return (session.scalar(select(func.max(Evidence.number)).where(Evidence.learner_id == learner_id)) or 0) + 1


def update_evidence(session: Session, actor: User, evidence: Evidence, expected_version, **fields) -> bool:
    """Change what the item says; False when nothing differed."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    _check_changeable(actor, evidence)
    _check_version(evidence, expected_version)
    current = {name: getattr(evidence, name) for name in EDITABLE_FIELDS}
    values = checked_fields(evidence.kind, current | fields)
    changed = {name: value for name, value in values.items() if value != current[name]}
    if not changed:
        return False
    for name, value in changed.items():
        setattr(evidence, name, value)
    _flush(session, evidence)
    before = {name: current[name] for name in changed}
    record(session, actor, "updated", "evidence", evidence.id, learner_id=evidence.learner_id, before=before, after=changed)
    return True


def delete_draft(session: Session, actor: User, evidence: Evidence, expected_version) -> list[str]:
    """Delete a never-submitted draft with its files and claims; returns the blobs to discard after commit."""
    _check_changeable(actor, evidence)
    if not may_delete(actor, evidence):
        raise EvidenceLocked(_("Only a draft that has never been submitted can be deleted."))
    _check_version(evidence, expected_version)
    blobs = [file.sha256 for file in evidence.files]
    enrolment_ids = {mapping.enrolment_id for mapping in evidence.mappings}
    files = [file.filename for file in evidence.files]
    claims = [mapping.criterion.ref for mapping in evidence.mappings]
    before = _snapshot(evidence) | {"files": files, "criteria": claims}
    evidence_id = evidence.id
    for row in [*evidence.files, *evidence.mappings, evidence]:
        session.delete(row)
    _flush(session, evidence)
    record(session, actor, "deleted", "evidence", evidence_id, learner_id=evidence.learner_id, before=before)
    refresh_progress(session, enrolment_ids)
    return blobs


# -- submitting -------------------------------------------------------------------------------


def submit_evidence(session: Session, actor: User, evidence: Evidence, expected_version, declaration_text: str) -> Submission:
    """Send the item to the assessors of the standards it claims, with the learner's declaration as worded."""
    if evidence.status not in EDITABLE_STATUSES:
        raise EvidenceLocked(locked_message(evidence))
    _check_changeable(actor, evidence)
    _check_version(evidence, expected_version)
    declaration = "" if evidence.kind == OBSERVATION else (declaration_text or "").strip()
    _check_ready(evidence, declaration)
    number = max((submission.number for submission in evidence.submissions), default=0) + 1
    submission = Submission(number=number, submitted_by_id=actor.id, declaration=declaration)
    evidence.submissions.append(submission)
    before = evidence.status
    evidence.status = SUBMITTED
    _flush(session, evidence, races=(StaleDataError, IntegrityError))
    claims = [mapping.criterion.ref for mapping in evidence.mappings]
    after = {"status": SUBMITTED, "submission": number, "criteria": claims}
    record(session, actor, "submitted", "evidence", evidence.id, learner_id=evidence.learner_id,
           before={"status": before}, after=after)
    refresh_progress(session, {mapping.enrolment_id for mapping in evidence.mappings})
    return submission


def _check_ready(evidence: Evidence, declaration: str) -> None:
    if evidence.kind != OBSERVATION and not declaration:
        raise EvidenceError(_("Confirm that this evidence is your own work."), "declaration")
    if not evidence.mappings:
        raise EvidenceError(
            _("Choose the criteria this evidence shows before submitting it: use “Choose criteria” on the evidence page."), "claims"
        )
    if evidence.kind == FILE and not evidence.files:
        raise EvidenceError(_("Add at least one file before submitting."), "files")
    for enrolment in {mapping.enrolment_id: mapping.enrolment for mapping in evidence.mappings}.values():
        if enrolment.assessor_id is None:
            name = f"{standard_title(enrolment.standard)} ({enrolment.standard.urn})"
            message = _(
                "Nobody is assigned to assess %(standard)s yet, so this evidence cannot be submitted. "
                "Ask your training provider to assign an assessor.",
                standard=name,
            )
            raise EvidenceError(message, "claims")

"""The words for audit entries: a sentence per (entity, action), field names, and stored codes."""
from flask_babel import lazy_gettext as _l

OUTCOME_LABELS = {"met": _l("met"), "not_yet": _l("not yet met")}

#: the names other areas may use for the same entity or action
ENTITY_ALIASES = {"file": "evidence_file", "signoff": "sign_off", "plan": "sampling_plan"}
ACTION_ALIASES = {
    "added": "created",
    "uploaded": "created",
    "file_added": "created",
    "recorded": "created",
    "decided": "created",
    "signed": "created",
    "sampled": "created",
    "changed": "updated",
    "edited": "updated",
    "removed": "deleted",
    "file_removed": "deleted",
    "resubmitted": "submitted",
}

#: (entity, action) -> sentences from the fullest to the barest; the first whose details are all known is used
SENTENCES = {
    ("evidence", "created"): (_l("Evidence %(reference)s created"), _l("Evidence created")),
    ("evidence", "updated"): (_l("Evidence %(reference)s changed"), _l("Evidence changed")),
    ("evidence", "deleted"): (_l("Evidence %(reference)s deleted"), _l("Evidence deleted")),
    ("evidence", "submitted"): (_l("Evidence %(reference)s submitted for assessment"), _l("Submitted for assessment")),
    ("evidence", "withdrawn"): (_l("Evidence %(reference)s withdrawn from assessment"), _l("Evidence withdrawn from assessment")),
    ("evidence", "assessed"): (_l("Evidence %(reference)s assessed"), _l("Evidence assessed")),
    ("evidence", "referred"): (_l("Evidence %(reference)s referred back"), _l("Evidence referred back")),
    ("evidence_file", "created"): (
        _l("File %(filename)s added to %(reference)s"), _l("File %(filename)s added"), _l("File added"),
    ),
    ("evidence_file", "deleted"): (
        _l("File %(filename)s removed from %(reference)s"), _l("File %(filename)s removed"), _l("File removed"),
    ),
    ("mapping", "created"): (
        _l("Mapping of %(reference)s to %(criterion)s added"), _l("Mapping to %(criterion)s added"), _l("Mapping added"),
    ),
    ("mapping", "deleted"): (
        _l("Mapping of %(reference)s to %(criterion)s removed"), _l("Mapping to %(criterion)s removed"), _l("Mapping removed"),
    ),
    ("mapping", "updated"): (
        _l("Mapping of %(reference)s to %(criterion)s changed"), _l("Mapping to %(criterion)s changed"), _l("Mapping changed"),
    ),
    ("submission", "created"): (_l("Evidence %(reference)s submitted for assessment"), _l("Submitted for assessment")),
    ("submission", "submitted"): (_l("Evidence %(reference)s submitted for assessment"), _l("Submitted for assessment")),
    ("submission", "closed"): (_l("Assessment of %(reference)s completed"), _l("Assessment completed")),
    ("submission", "outcome_changed"): (
        _l("Outcome of the assessment of %(reference)s changed"), _l("Outcome of the assessment changed"),
    ),
    ("review", "created"): (_l("Assessment of %(reference)s recorded"), _l("Assessment recorded")),
    ("decision", "created"): (_l("Decision on %(criterion)s: %(outcome)s"), _l("Decision recorded")),
    ("decision", "corrected"): (
        _l("Decision on %(criterion)s corrected: %(outcome)s (reason: %(reason)s)"),
        _l("Decision on %(criterion)s corrected: %(outcome)s"),
        _l("Decision corrected"),
    ),
    ("decision", "reopened"): (
        _l("Decision on %(criterion)s reopened (reason: %(reason)s)"), _l("Decision on %(criterion)s reopened"), _l("Decision reopened"),
    ),
    ("sign_off", "created"): (_l("%(standard)s signed off"), _l("Signed off")),
    ("sign_off", "countersigned"): (_l("%(standard)s countersigned"), _l("Countersigned")),
    ("sign_off", "withdrawn"): (_l("Sign-off withdrawn (reason: %(reason)s)"), _l("Sign-off withdrawn")),
    ("sample", "created"): (_l("Sampled for IQA"),),
    ("sample", "agreed"): (_l("IQA agreed"),),
    ("sample", "referred"): (_l("IQA referred the decision back: %(action)s"), _l("IQA referred the decision back")),
    ("sample", "responded"): (_l("Assessor responded to the IQA"),),
    ("sampling_plan", "created"): (_l("Sampling plan created"),),
    ("sampling_plan", "updated"): (_l("Sampling plan changed"),),
}

FIELD_LABELS = {
    "reference": _l("Evidence"),
    "title": _l("Title"),
    "kind": _l("Kind"),
    "status": _l("Status"),
    "description": _l("Description"),
    "body": _l("Text"),
    "activity_date": _l("Date of the activity"),
    "filename": _l("File name"),
    "size": _l("Size in bytes"),
    "media_type": _l("File type"),
    "sha256": _l("SHA-256 checksum"),
    "files": _l("Files"),
    "criteria": _l("Criteria"),
    "submission": _l("Submission"),
    "evidence": _l("Evidence"),
    "criterion": _l("Criterion"),
    "note": _l("Note"),
    "outcome": _l("Outcome"),
    "feedback": _l("Feedback"),
    "reason": _l("Reason"),
    "correction_reason": _l("Reason for the correction"),
    "comment": _l("Comment"),
    "action": _l("Action"),
    "response": _l("Response"),
    "signature_name": _l("Signature"),
    "learner_signature_name": _l("Learner's signature"),
    "withdrawn_at": _l("Withdrawn at"),
    "sequence": _l("Number"),
    "signed_hash": _l("Hash of what was signed"),
    "learner_hash": _l("Hash of the countersignature"),
}

#: field -> {stored value: label}, by entity where the same word means different things; the areas
#: above add their own codes through `register_values`
VALUE_LABELS = {
    ("*", "outcome"): OUTCOME_LABELS,
}


def register_values(entity: str, field: str, labels: dict) -> None:
    """How an area's stored codes read in the history (entity "*" for every entity with that field)."""
    VALUE_LABELS[(entity, field)] = labels


def register_sentences(sentences: dict) -> None:
    """How an area's entries read: (entity, action) -> sentences from the fullest to the barest."""
    SENTENCES.update(sentences)


def register_fields(labels: dict) -> None:
    """What an area's fields are called in the details of its entries."""
    FIELD_LABELS.update(labels)

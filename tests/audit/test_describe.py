"""Audit entries in plain words, whatever other areas put in before and after."""
import pytest

from assessor.audit.describe import Change, changes, describe
from assessor.audit.models import AuditEntry


@pytest.fixture
def english(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


@pytest.fixture
def welsh(app):
    with app.test_request_context(headers={"Accept-Language": "cy"}):
        yield


def entry(entity, action, before=None, after=None, entity_id=1) -> AuditEntry:
    return AuditEntry(seq=1, entity=entity, action=action, entity_id=entity_id, before=before, after=after)


KNOWN = [
    (entry("evidence", "created", after={"reference": "E-003", "title": "Call", "status": "draft"}), "Evidence E-003 created"),
    (entry("evidence", "updated", before={"title": "a"}, after={"title": "b"}), "Evidence changed"),
    (entry("evidence", "deleted", before={"reference": "E-002"}), "Evidence E-002 deleted"),
    (entry("evidence", "submitted", before={"status": "draft"}, after={"status": "submitted", "criteria": ["P1"]}), "Submitted for assessment"),
    (entry("evidence", "referred", after={"reference": "E-001", "status": "referred"}), "Evidence E-001 referred back"),
    (entry("evidence_file", "file_added", after={"evidence": "E-004", "filename": "notes.pdf"}), "File notes.pdf added to E-004"),
    (entry("evidence_file", "file_removed", before={"filename": "old.pdf"}), "File old.pdf removed"),
    (entry("mapping", "created", after={"evidence": "E-001", "criterion": "P4"}), "Mapping of E-001 to P4 added"),
    (entry("mapping", "deleted", before={"criterion": "K2"}), "Mapping to K2 removed"),
    (entry("review", "recorded", after={"reference": "E-001", "feedback": "Good"}), "Assessment of E-001 recorded"),
    (entry("decision", "decided", after={"criterion": "P4", "outcome": "met"}), "Decision on P4: met"),
    (
        entry("decision", "corrected", before={"criterion": "P4", "outcome": "met"},
              after={"criterion": "P4", "outcome": "not_yet", "reason": "Wrong learner"}),
        "Decision on P4 corrected: not yet met (reason: Wrong learner)",
    ),
    (entry("decision", "corrected", after={"criterion": "P4", "outcome": "not_yet"}), "Decision on P4 corrected: not yet met"),
    (entry("submission", "closed", after={"reference": "E-001", "outcome": "assessed"}), "Assessment of E-001 completed"),
    (entry("sign_off", "signed", after={"sequence": 1}), "Signed off"),
    (entry("sign_off", "countersigned", after={"learner_signature_name": "Ann"}), "Countersigned"),
    (entry("sign_off", "withdrawn", after={"reason": "Evidence was not hers"}), "Sign-off withdrawn (reason: Evidence was not hers)"),
    (entry("sample", "sampled", after={"review": 3, "reason": "share"}), "Sampled for IQA"),
    (entry("sample", "agreed", after={"status": "agreed"}), "IQA agreed"),
    (entry("sample", "referred", after={"status": "referred", "action": "Check P3"}), "IQA referred the decision back: Check P3"),
    (entry("sample", "responded", after={"status": "responded"}), "Assessor responded to the IQA"),
]


@pytest.mark.parametrize("audit_entry, sentence", KNOWN, ids=lambda value: value if isinstance(value, str) else None)
def test_known_pairs_read_as_sentences(english, audit_entry, sentence):
    assert describe(audit_entry) == sentence


def test_details_looked_up_elsewhere_complete_a_sentence(english):
    assert describe(entry("evidence", "updated", after={"title": "b"}), {"reference": "E-009"}) == "Evidence E-009 changed"
    assert describe(entry("sign_off", "signed"), {"standard": "SKSCMGS11"}) == "SKSCMGS11 signed off"


def test_what_the_entry_says_wins_over_a_lookup(english):
    assert describe(entry("decision", "decided", after={"criterion": "P4", "outcome": "met"}), {"criterion": "X9"}) == "Decision on P4: met"


def test_unknown_pairs_fall_back_to_entity_and_action(english):
    assert describe(entry("cohort_standard", "changed", after={"times_required": 2})) == "Cohort standard changed"
    assert describe(entry("evidence", "teleported")) == "Evidence teleported"


def test_a_long_reason_is_shortened_in_the_sentence(english):
    sentence = describe(entry("sign_off", "withdrawn", after={"reason": "x" * 500}))
    assert sentence.endswith("…)") and len(sentence) < 200


ODD_SHAPES = [None, [], ["a", 1], "text", 7, {}, {"criterion": None}, {"criterion": {"ref": "P1"}}, {"outcome": 3},
              {"number": "three"}, {"criteria": [1, 2]}, {"reason": "100% sure %(x)s"}, {"": None}, {"filename": True}]


PAIRS = [("decision", "corrected"), ("mapping", "created"), ("evidence_file", "file_added"), ("evidence", "created"),
         ("sample", "referred"), ("sign_off", "withdrawn"), ("nonsense", "odd"), (None, None)]


def test_describe_and_changes_never_raise_whatever_the_shape(english):
    for pair in PAIRS:
        for before in ODD_SHAPES:
            for after in ODD_SHAPES:
                audit_entry = entry(*pair, before=before, after=after)
                assert isinstance(describe(audit_entry, {"reference": after}), str)
                assert all(isinstance(change, Change) for change in changes(audit_entry))


def test_changes_show_each_field_before_and_after_in_words(english):
    audit_entry = entry(
        "decision", "corrected",
        before={"criterion": "P4", "criterion_id": 12, "outcome": "met", "feedback": "Fine"},
        after={"criterion": "P4", "criterion_id": 12, "outcome": "not_yet", "feedback": "Fine", "reason": "Misread"},
    )
    assert changes(audit_entry) == [Change("Outcome", "met", "not yet met"), Change("Reason", "–", "Misread")]


def test_changes_of_a_creation_and_a_deletion(english):
    created = entry("evidence", "created", after={"title": "Call", "status": "draft", "kind": "account", "files": ["a.pdf", "b.pdf"]})
    assert changes(created) == [
        Change("Title", "–", "Call"), Change("Status", "–", "Draft"), Change("Kind", "–", "Written account"), Change("Files", "–", "a.pdf, b.pdf"),
    ]
    deleted = entry("mapping", "deleted", before={"criterion": "P2", "note": ""})
    assert changes(deleted) == [Change("Criterion", "P2", "–")]


def test_the_same_word_is_labelled_by_its_entity(english):
    assert changes(entry("sample", "referred", after={"status": "referred"})) == [Change("Status", "–", "Referred to the assessor")]
    assert changes(entry("evidence", "referred", after={"status": "referred"})) == [Change("Status", "–", "Referred back")]


def test_sentences_and_fields_are_in_welsh_for_welsh_readers(welsh):
    assert describe(entry("sample", "agreed")) != "IQA agreed"
    assert "P4" in describe(entry("decision", "decided", after={"criterion": "P4", "outcome": "met"}))

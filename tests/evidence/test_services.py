"""Evidence items: every rule of adding, changing, deleting and submitting, with the audit and progress each writes."""
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from assessor.assessment.models import EnrolmentProgress
from assessor.core.acts import Conflict, Locked, Refused
from assessor.evidence import services
from assessor.evidence.fields import local_today
from assessor.evidence.models import (
    ACCOUNT,
    DISCUSSION,
    DRAFT,
    FILE,
    OBSERVATION,
    REFERRED,
    SCENARIO,
    SUBMITTED,
    WITNESS,
    Evidence,
    Mapping,
    Submission,
)
from assessor.evidence.services import create_evidence, delete_draft, submit_evidence, update_evidence
from assessor.standards.models import Criterion

from .support import ACTIVITY, account, audit, claim

DECLARED = "This is my own work."


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def problems(error: Refused) -> set[str]:
    return {field for field, _message in error.value.problems}


# -- adding -----------------------------------------------------------------------------------


def test_each_item_takes_the_learners_next_reference(db_session, world):
    first, second = account(db_session, world.a.learner), account(db_session, world.a.learner)
    assert (first.reference, second.reference) == ("E-004", "E-005")
    assert account(db_session, world.a.other_learner).reference == "E-001"
    assert first.status == DRAFT and first.created_by_id == world.a.learner.id


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        (FILE, {"title", "activity_date"}),
        (ACCOUNT, {"title", "activity_date", "body"}),
        (DISCUSSION, {"title", "activity_date", "body"}),
        (WITNESS, {"title", "activity_date", "body", "witness_name", "witness_role", "witness_contact"}),
    ],
)
def test_each_kind_says_what_it_lacks(db_session, world, kind, missing):
    with pytest.raises(Refused) as error:
        create_evidence(db_session, world.a.learner, world.a.learner, kind=kind, title="  ", activity_date=None)
    assert problems(error) == missing


def test_a_witness_testimony_keeps_the_witness(db_session, world):
    evidence = create_evidence(
        db_session, world.a.learner, world.a.learner, kind=WITNESS, title=" Studio  visit ", activity_date=ACTIVITY,
        body="They handled the client well.", witness_name="Mair Owen", witness_role="Studio manager", witness_contact="mair@example.org",
    )
    assert (evidence.title, evidence.witness_name, evidence.witness_contact) == ("Studio visit", "Mair Owen", "mair@example.org")


def test_witness_details_are_dropped_from_other_kinds(db_session, world):
    evidence = account(db_session, world.a.learner, witness_name="Someone")
    assert evidence.witness_name is None


def test_the_activity_cannot_be_in_the_future(db_session, world):
    tomorrow = local_today() + timedelta(days=1)
    with pytest.raises(Refused, match="cannot be in the future") as error:
        create_evidence(db_session, world.a.learner, world.a.learner, kind=FILE, title="Brief", activity_date=tomorrow)
    assert error.value.field == "activity_date"
    assert create_evidence(db_session, world.a.learner, world.a.learner, kind=FILE, title="Brief", activity_date=local_today())


def test_over_long_fields_are_refused(db_session, world):
    with pytest.raises(Refused) as error:
        create_evidence(db_session, world.a.learner, world.a.learner, kind=FILE, title="x" * 201, activity_date=ACTIVITY)
    assert problems(error) == {"title"} and "200" in str(error.value)


def test_only_the_learner_adds_to_their_portfolio(db_session, world):
    for actor in (world.a.assessor, world.a.admin, world.a.other_learner):
        with pytest.raises(Refused, match="Only the learner"):
            create_evidence(db_session, actor, world.a.learner, kind=ACCOUNT, title="x", activity_date=ACTIVITY, body="y")


def test_only_the_assigned_assessor_records_an_observation(db_session, world):
    observation = create_evidence(
        db_session, world.a.assessor, world.a.learner, kind=OBSERVATION, title="Client meeting", activity_date=ACTIVITY, body="Seen."
    )
    assert observation.created_by_id == world.a.assessor.id and observation.learner_id == world.a.learner.id
    for actor in (world.a.learner, world.a.iqa, world.b.assessor):
        with pytest.raises(Refused, match="assessor"):
            create_evidence(db_session, actor, world.a.learner, kind=OBSERVATION, title="x", activity_date=ACTIVITY, body="y")
    with pytest.raises(Refused, match="assessor"):
        create_evidence(db_session, world.a.assessor, world.a.other_learner, kind=OBSERVATION, title="x", activity_date=ACTIVITY, body="y")


def test_a_scenario_transcript_is_the_learners_with_its_details(db_session, world):
    evidence = create_evidence(
        db_session, world.a.learner, world.a.learner, kind=SCENARIO, title="Moved deadline", activity_date=ACTIVITY, details={"attempt": 7}
    )
    assert evidence.kind == SCENARIO and evidence.details == {"attempt": 7}


def test_an_unknown_kind_is_refused(db_session, world):
    with pytest.raises(Refused) as error:
        create_evidence(db_session, world.a.learner, world.a.learner, kind="poem", title="x", activity_date=ACTIVITY)
    assert error.value.field == "kind"


def test_a_number_taken_at_the_same_moment_is_skipped(db_session, world, monkeypatch):
    taken = iter([1, 4])
    monkeypatch.setattr(services, "next_number", lambda session, learner_id: next(taken))
    assert account(db_session, world.a.learner).number == 4


def test_adding_is_audited(db_session, world):
    evidence = account(db_session, world.a.learner)
    (entry,) = audit(db_session, "evidence", evidence.id)
    assert (entry.action, entry.actor_id, entry.learner_id) == ("created", world.a.learner.id, world.a.learner.id)
    assert entry.after["reference"] == "E-004" and entry.after["activity_date"] == "2026-10-01"


# -- changing ---------------------------------------------------------------------------------


def test_changing_saves_and_audits_only_what_changed(db_session, world):
    draft = world.a.portfolio.draft
    assert update_evidence(db_session, world.a.learner, draft, draft.version, title="Better title", body=draft.body)
    assert draft.title == "Better title" and draft.version == 2
    entry = audit(db_session, "evidence", draft.id)[-1]
    assert (entry.action, entry.before, entry.after) == ("updated", {"title": "Draft account"}, {"title": "Better title"})
    assert update_evidence(db_session, world.a.learner, draft, draft.version, title="Better title") is False


def test_changing_checks_the_kinds_rules(db_session, world):
    draft = world.a.portfolio.draft
    with pytest.raises(Refused) as error:
        update_evidence(db_session, world.a.learner, draft, draft.version, body="  ")
    assert problems(error) == {"body"}


def test_an_old_version_is_a_conflict(db_session, world):
    draft = world.a.portfolio.draft
    with pytest.raises(Conflict, match="E-001 was changed"):
        update_evidence(db_session, world.a.learner, draft, draft.version - 1 or "0", title="Mine")
    assert draft.title == "Draft account"


def test_a_change_racing_another_is_a_conflict(db_session, world):
    draft = world.a.portfolio.draft
    bump = update(Evidence).where(Evidence.id == draft.id).values(version=Evidence.version + 1)
    db_session.execute(bump.execution_options(synchronize_session=False))
    with pytest.raises(Conflict):
        update_evidence(db_session, world.a.learner, draft, draft.version, title="Mine")


def test_submitted_and_assessed_evidence_cannot_change(db_session, world):
    for evidence in (world.a.portfolio.submitted, world.a.portfolio.reviewed):
        with pytest.raises(Locked):
            update_evidence(db_session, world.a.learner, evidence, evidence.version, title="Changed")


def test_referred_evidence_can_change(db_session, world):
    reviewed = world.a.portfolio.reviewed
    reviewed.status = REFERRED
    db_session.flush()
    assert update_evidence(db_session, world.a.learner, reviewed, reviewed.version, title="Improved")


def test_only_the_owner_changes_an_item(db_session, world):
    draft = world.a.portfolio.draft
    for actor in (world.a.assessor, world.a.admin, world.a.other_learner):
        with pytest.raises(Refused, match="Only the learner"):
            update_evidence(db_session, actor, draft, draft.version, title="Theirs")
    observation = create_evidence(
        db_session, world.a.assessor, world.a.learner, kind=OBSERVATION, title="Seen", activity_date=ACTIVITY, body="Notes."
    )
    with pytest.raises(Refused, match="Only the learner"):
        update_evidence(db_session, world.a.learner, observation, observation.version, body="Not what happened.")
    assert update_evidence(db_session, world.a.assessor, observation, observation.version, body="Fuller notes.")


# -- deleting ---------------------------------------------------------------------------------


def test_deleting_a_draft_removes_its_files_and_claims(db_session, world):
    draft, enrolment = world.a.portfolio.draft, world.a.enrolment
    draft.files.append(_file_row(world, "a" * 64))
    db_session.flush()
    draft_id = draft.id
    blobs = delete_draft(db_session, world.a.learner, draft, draft.version)
    assert blobs == ["a" * 64]
    assert db_session.get(Evidence, draft_id) is None
    assert not db_session.scalars(select(Mapping).where(Mapping.evidence_id == draft_id)).all()
    entry = audit(db_session, "evidence", draft_id)[-1]
    assert entry.action == "deleted" and entry.before["criteria"] == ["P3"] and entry.before["files"] == ["x.pdf"]
    assert db_session.get(EnrolmentProgress, enrolment.id) is not None


def test_only_never_submitted_drafts_can_be_deleted(db_session, world):
    reviewed = world.a.portfolio.reviewed
    reviewed.status = REFERRED
    db_session.flush()
    for evidence in (world.a.portfolio.submitted, reviewed):
        with pytest.raises(Locked):
            delete_draft(db_session, world.a.learner, evidence, evidence.version)
    with pytest.raises(Refused):
        delete_draft(db_session, world.a.assessor, world.a.portfolio.draft, world.a.portfolio.draft.version)


def test_deleting_an_old_version_is_a_conflict(db_session, world):
    draft = world.a.portfolio.draft
    with pytest.raises(Conflict):
        delete_draft(db_session, world.a.learner, draft, "7")
    assert db_session.get(Evidence, draft.id) is not None


def _file_row(world, sha256: str):
    from assessor.evidence.models import EvidenceFile

    return EvidenceFile(filename="x.pdf", size=10, sha256=sha256, media_type="application/pdf", uploaded_by_id=world.a.learner.id)


# -- submitting -------------------------------------------------------------------------------


def test_submitting_sends_the_claims_to_assessment(db_session, world):
    draft, enrolment = world.a.portfolio.draft, world.a.enrolment
    submission = submit_evidence(db_session, world.a.learner, draft, draft.version, DECLARED)
    assert (submission.number, submission.declaration, submission.submitted_by_id) == (1, DECLARED, world.a.learner.id)
    assert draft.status == SUBMITTED
    entry = audit(db_session, "evidence", draft.id)[-1]
    after = {"status": SUBMITTED, "submission": 1, "criteria": ["P3"], "snapshot_sha256": submission.snapshot_sha256}
    assert (entry.action, entry.before, entry.after) == ("submitted", {"status": DRAFT}, after)
    p3 = db_session.scalar(select(Criterion.id).where(Criterion.standard_id == enrolment.standard_id, Criterion.ref == "P3"))
    progress = db_session.get(EnrolmentProgress, enrolment.id)
    assert progress.statuses[str(p3)] == "submitted" and progress.awaiting_decision >= 1


def test_submitting_twice_makes_one_submission(db_session, world):
    draft = world.a.portfolio.draft
    version = draft.version
    submit_evidence(db_session, world.a.learner, draft, version, DECLARED)
    with pytest.raises(Locked, match="already been submitted"):
        submit_evidence(db_session, world.a.learner, draft, version, DECLARED)
    assert db_session.scalars(select(Submission).where(Submission.evidence_id == draft.id)).all() == draft.submissions
    assert len(draft.submissions) == 1


def test_the_learner_must_declare_the_work_their_own(db_session, world):
    draft = world.a.portfolio.draft
    with pytest.raises(Refused) as error:
        submit_evidence(db_session, world.a.learner, draft, draft.version, "  ")
    assert error.value.field == "declaration" and draft.status == DRAFT


def test_evidence_claiming_nothing_cannot_be_submitted(db_session, world):
    evidence = account(db_session, world.a.learner)
    with pytest.raises(Refused, match="Choose the criteria") as error:
        submit_evidence(db_session, world.a.learner, evidence, evidence.version, DECLARED)
    assert error.value.field == "claims"


def test_a_file_item_needs_a_file(db_session, world):
    evidence = create_evidence(db_session, world.a.learner, world.a.learner, kind=FILE, title="Brief", activity_date=ACTIVITY)
    claim(db_session, evidence, world.a.enrolment, "P1")
    with pytest.raises(Refused, match="at least one file"):
        submit_evidence(db_session, world.a.learner, evidence, evidence.version, DECLARED)
    evidence.files.append(_file_row(world, "b" * 64))
    db_session.flush()
    assert submit_evidence(db_session, world.a.learner, evidence, evidence.version, DECLARED).number == 1


def test_a_standard_without_an_assessor_is_named(db_session, world):
    learner, standard = world.a.other_learner, world.standard
    enrolment = next(e for member in world.a.cohort.members if member.learner_id == learner.id for e in member.enrolments)
    evidence = account(db_session, learner)
    claim(db_session, evidence, enrolment, "P1")
    with pytest.raises(Refused, match=standard.urn) as error:
        submit_evidence(db_session, learner, evidence, evidence.version, DECLARED)
    assert "assessor" in str(error.value) and evidence.status == DRAFT


def test_referred_evidence_is_submitted_again_as_the_next_submission(db_session, world):
    reviewed = world.a.portfolio.reviewed
    reviewed.status = REFERRED
    db_session.flush()
    assert submit_evidence(db_session, world.a.learner, reviewed, reviewed.version, DECLARED).number == 2
    assert [s.number for s in reviewed.submissions] == [1, 2]


def test_the_assessor_submits_their_observation_without_a_declaration(db_session, world):
    observation = create_evidence(
        db_session, world.a.assessor, world.a.learner, kind=OBSERVATION, title="Seen", activity_date=ACTIVITY, body="Notes."
    )
    claim(db_session, observation, world.a.enrolment, "P5")
    with pytest.raises(Refused):
        submit_evidence(db_session, world.a.learner, observation, observation.version, DECLARED)
    submission = submit_evidence(db_session, world.a.assessor, observation, observation.version, "")
    assert submission.declaration == "" and submission.submitted_by_id == world.a.assessor.id


def test_evidence_is_only_created_as_a_draft(db_session, world):
    with pytest.raises(ValueError):
        create_evidence(db_session, world.a.learner, world.a.learner, kind=FILE, title="x", activity_date=ACTIVITY, status=SUBMITTED)

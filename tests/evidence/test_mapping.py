"""Mapping evidence to criteria: every rule of the service, its audit entries and the progress it refreshes."""
import re

import pytest
from sqlalchemy import select, update

from assessor.assessment.models import EnrolmentProgress
from assessor.audit.models import AuditEntry
from assessor.cohorts.models import TRANSFERRED
from assessor.core.acts import Conflict, Locked, Refused
from assessor.evidence.mapping import NOTE_MAX, learner_enrolments, set_mapping
from assessor.evidence.models import OBSERVATION, REFERRED, Evidence
from assessor.standards.models import Criterion

from ..factories import enrol, make_cohort, make_evidence, shipped_standard


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def cid(session, standard, ref: str) -> int:
    return session.scalar(select(Criterion.id).where(Criterion.standard_id == standard.id, Criterion.ref == ref))


def claims(evidence: Evidence) -> dict[str, str]:
    return {mapping.criterion.ref: mapping.note for mapping in evidence.mappings}


def mapping_audit(session, learner_id) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.entity == "mapping", AuditEntry.learner_id == learner_id).order_by(AuditEntry.seq)
    return list(session.scalars(query))


def test_learner_enrolments_put_active_memberships_first(db_session, world):
    side = world.a
    later = make_cohort(db_session, side.provider, standards=[world.standard])
    moved = enrol(db_session, later, side.learner, world.standard)
    side.enrolment.member.status = TRANSFERRED
    db_session.flush()
    enrolments = learner_enrolments(db_session, side.learner.id)
    assert [e.id for e in enrolments] == [moved.id, side.enrolment.id]
    assert all(e.standard.urn == "SKSCMGS11" for e in enrolments)
    assert learner_enrolments(db_session, side.admin.id) == []


def test_adds_removes_and_renotes_in_one_go(db_session, world):
    draft, learner, standard = world.a.portfolio.draft, world.a.learner, world.standard
    version = draft.version
    change = set_mapping(db_session, learner, draft, {cid(db_session, standard, "P5"): "I led the call."}, version)
    assert (change.added, change.removed, change.changed) == (1, 1, 0)
    assert claims(draft) == {"P5": "I led the call."}
    assert draft.version == version + 1
    change = set_mapping(db_session, learner, draft, {cid(db_session, standard, "P5"): "  I led it.\r\nAll of it. "}, draft.version)
    assert (change.added, change.removed, change.changed) == (0, 0, 1)
    assert claims(draft) == {"P5": "I led it.\nAll of it."}
    assert all(mapping.enrolment_id == world.a.enrolment.id for mapping in draft.mappings)


def test_the_same_claims_again_change_nothing(db_session, world):
    draft, learner = world.a.portfolio.draft, world.a.learner
    wanted = {cid(db_session, world.standard, "P3"): "", cid(db_session, world.standard, "K1"): "Notes"}
    version = draft.version
    assert set_mapping(db_session, learner, draft, wanted, version)
    before = len(mapping_audit(db_session, learner.id))
    again = set_mapping(db_session, learner, draft, wanted, version)
    assert not again and draft.version == version + 1
    assert len(mapping_audit(db_session, learner.id)) == before


def test_claiming_nothing_removes_every_claim(db_session, world):
    draft = world.a.portfolio.draft
    assert set_mapping(db_session, world.a.learner, draft, {}, draft.version).removed == 1
    assert claims(draft) == {}


def test_a_criterion_of_another_standard_is_refused(db_session, world):
    other = shipped_standard(db_session, "LOCAL-CFACSB15")
    draft = world.a.portfolio.draft
    foreign = db_session.scalar(select(Criterion.id).where(Criterion.standard_id == other.id, Criterion.parent_id.is_(None)))
    with pytest.raises(Refused, match="standards the learner is enrolled on") as error:
        set_mapping(db_session, world.a.learner, draft, {foreign: ""}, draft.version)
    assert error.value.field == "criteria"
    with pytest.raises(Refused, match="standards the learner is enrolled on"):
        set_mapping(db_session, world.a.learner, draft, {999_999_999: ""}, draft.version)
    assert claims(draft) == {"P3": ""}


def test_a_sub_item_is_refused_in_favour_of_its_parent(db_session, world):
    standard = shipped_standard(db_session, "LOCAL-CCNEEDS01")
    enrol(db_session, world.a.cohort, world.a.learner, standard)
    sub_item = db_session.scalar(select(Criterion).where(Criterion.standard_id == standard.id, Criterion.parent_id.is_not(None)))
    draft = world.a.portfolio.draft
    with pytest.raises(Refused, match=re.escape("P12.1 (12.1) is part of P12 (12)")):
        set_mapping(db_session, world.a.learner, draft, {sub_item.id: ""}, draft.version)
    change = set_mapping(db_session, world.a.learner, draft, {sub_item.parent_id: ""}, draft.version)
    assert (change.added, change.removed) == (1, 1)


def test_a_note_too_long_is_refused(db_session, world):
    draft, p3 = world.a.portfolio.draft, cid(db_session, world.standard, "P3")
    with pytest.raises(Refused, match=f"{NOTE_MAX} characters or fewer") as error:
        set_mapping(db_session, world.a.learner, draft, {p3: "x" * (NOTE_MAX + 1)}, draft.version)
    assert error.value.field == f"note_{p3}"
    assert set_mapping(db_session, world.a.learner, draft, {p3: "x" * NOTE_MAX}, draft.version).changed == 1


@pytest.mark.parametrize("which", ["submitted", "reviewed"])
def test_submitted_or_assessed_evidence_cannot_be_remapped(db_session, world, which):
    evidence = getattr(world.a.portfolio, which)
    with pytest.raises(Locked):
        set_mapping(db_session, world.a.learner, evidence, {}, evidence.version)


def test_referred_evidence_can_be_remapped(db_session, world):
    evidence = world.a.portfolio.submitted
    evidence.status = REFERRED
    db_session.flush()
    assert set_mapping(db_session, world.a.learner, evidence, {}, evidence.version).removed == 2


@pytest.mark.parametrize("who", ["assessor", "iqa", "admin", "other_learner"])
def test_nobody_else_changes_a_learners_mapping(db_session, world, who):
    draft = world.a.portfolio.draft
    with pytest.raises(Locked, match="cannot change"):
        set_mapping(db_session, getattr(world.a, who), draft, {}, draft.version)


def test_the_assessor_maps_their_own_observation(db_session, world):
    observation = make_evidence(db_session, world.a.learner, world.a.enrolment, ("P6",), status="draft", kind=OBSERVATION)
    observation.created_by_id = world.a.assessor.id
    db_session.flush()
    with pytest.raises(Locked):
        set_mapping(db_session, world.a.learner, observation, {}, observation.version)
    assert set_mapping(db_session, world.a.assessor, observation, {}, observation.version).removed == 1


def test_a_stale_version_is_a_conflict_and_changes_nothing(db_session, world):
    draft = world.a.portfolio.draft
    with pytest.raises(Conflict, match="changed by someone else"):
        set_mapping(db_session, world.a.learner, draft, {}, draft.version - 1)
    assert claims(draft) == {"P3": ""}


def test_a_change_racing_this_one_is_a_conflict(db_session, world):
    draft = world.a.portfolio.draft
    seen = draft.version
    db_session.execute(update(Evidence).where(Evidence.id == draft.id).values(version=Evidence.version + 1))
    with pytest.raises(Conflict):
        set_mapping(db_session, world.a.learner, draft, {}, seen)
    assert [m.criterion_id for m in db_session.scalars(select(Evidence).where(Evidence.id == draft.id)).one().mappings]


def test_each_change_is_audited_with_the_learner(db_session, world):
    draft, learner, standard = world.a.portfolio.draft, world.a.learner, world.standard
    p3, p5 = cid(db_session, standard, "P3"), cid(db_session, standard, "P5")
    set_mapping(db_session, learner, draft, {p3: "first"}, draft.version)
    set_mapping(db_session, learner, draft, {p5: "new"}, draft.version)
    entries = [(e.action, (e.after or e.before)["criterion"]) for e in mapping_audit(db_session, learner.id)]
    assert entries == [("updated", "P3"), ("created", "P5"), ("deleted", "P3")]
    updated, created, deleted = mapping_audit(db_session, learner.id)
    assert (updated.before["note"], updated.after["note"]) == ("", "first")
    assert created.after == {"evidence": draft.reference, "criterion": "P5", "criterion_id": p5,
                             "enrolment_id": world.a.enrolment.id, "note": "new"}
    assert deleted.before["note"] == "first" and deleted.actor_id == learner.id


def test_progress_is_refreshed_for_the_enrolments_touched(db_session, world):
    draft, standard = world.a.portfolio.draft, world.standard
    wanted = {cid(db_session, standard, ref): "" for ref in ("P3", "P7", "K2")}
    set_mapping(db_session, world.a.learner, draft, wanted, draft.version)
    progress = db_session.get(EnrolmentProgress, world.a.enrolment.id)
    # P1, P2 awaiting a decision; P4 met; P3, P7 in progress; K2 in progress
    assert (progress.pc_met, progress.pc_submitted, progress.pc_in_progress) == (1, 2, 2)
    assert (progress.k_in_progress, progress.k_not_started) == (1, progress.k_total - 1)
    assert progress.statuses[str(cid(db_session, standard, "P7"))] == "in_progress"

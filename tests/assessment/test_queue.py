"""The assessor's queue: my learners' submitted evidence, oldest first, until every assessor it needs has decided."""
from datetime import timedelta

import pytest

from assessor.accounts.models import ASSESSOR, LEARNER
from assessor.assessment.queue import awaiting_count, queue_for
from assessor.assessment.services import record_review
from assessor.evidence.models import ASSESSED, SUBMITTED, Mapping
from assessor.timeutil import utcnow

from ..factories import enrol, make_cohort, make_evidence, make_user, refreeze, shipped_standard
from ..queries import counted_queries


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def submitted_days_ago(session, evidence, days: int):
    evidence.submissions[-1].submitted_at = utcnow() - timedelta(days=days, hours=1)
    session.flush()
    return evidence


def all_met(session, submission, enrolment):
    """Every claimed criterion of the enrolment judged met, by its assessor."""
    refs = session.query(Mapping.criterion_id).filter_by(evidence_id=submission.evidence_id, enrolment_id=enrolment.id)
    outcomes = {criterion_id: ("met", "") for (criterion_id,) in refs}
    return record_review(session, enrolment.assessor, submission, enrolment, outcomes, "", submission.evidence.version)


def pairs(page) -> list[tuple[int, int]]:
    return [(item.submission.id, item.enrolment.id) for item in page.items]


def test_the_queue_lists_my_learners_submissions_oldest_first_with_their_age(db_session, world):
    a = world.a
    older = submitted_days_ago(db_session, make_evidence(db_session, a.learner, a.enrolment, ("P5",), title="Old"), 9)
    submitted_days_ago(db_session, a.portfolio.submitted, 3)
    page = queue_for(db_session, a.assessor, 1)
    assert [item.evidence for item in page.items] == [older, a.portfolio.submitted]
    assert [item.age_days for item in page.items] == [9, 3]
    first = page.items[0]
    assert (first.learner, first.standard, first.evidence.reference) == (a.learner, world.standard, older.reference)
    assert page.total == awaiting_count(db_session, a.assessor) == 2


def test_drafts_and_decided_evidence_are_not_in_the_queue(db_session, world):
    evidence = [item.evidence for item in queue_for(db_session, world.a.assessor).items]
    assert evidence == [world.a.portfolio.submitted]
    assert world.a.portfolio.draft not in evidence and world.a.portfolio.reviewed not in evidence


def test_only_my_own_learners_are_in_my_queue(db_session, world):
    colleague = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    assert queue_for(db_session, colleague).items == []
    assert [item.evidence for item in queue_for(db_session, world.b.assessor).items] == [world.b.portfolio.submitted]
    assert awaiting_count(db_session, colleague) == 0


def test_reassigning_the_enrolment_moves_its_waiting_items_to_the_new_assessor(db_session, world):
    newcomer = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    world.a.enrolment.assessor = newcomer
    db_session.flush()
    assert queue_for(db_session, world.a.assessor).items == []
    assert [item.evidence for item in queue_for(db_session, newcomer).items] == [world.a.portfolio.submitted]


def test_an_item_stays_in_the_queue_until_it_is_decided(db_session, world):
    submission = world.a.portfolio.submitted.submissions[-1]
    submitted_days_ago(db_session, world.a.portfolio.submitted, 40)
    assert pairs(queue_for(db_session, world.a.assessor)) == [(submission.id, world.a.enrolment.id)]
    all_met(db_session, submission, world.a.enrolment)
    assert queue_for(db_session, world.a.assessor).items == []


def test_evidence_claiming_two_standards_waits_for_both_assessors_and_closes_after_both(db_session, world):
    a = world.a
    second = shipped_standard(db_session, "LOCAL-CFACSB15")
    other_assessor = make_user(db_session, provider=a.provider, roles=[ASSESSOR])
    cohort = make_cohort(db_session, a.provider, standards=[second])
    other_enrolment = enrol(db_session, cohort, a.learner, second, assessor=other_assessor, iqa=a.iqa)
    evidence = make_evidence(db_session, a.learner, a.enrolment, ("P6",), title="Both")
    criterion = next(c for c in second.criteria if c.parent_id is None and c.kind == "pc")
    db_session.add(Mapping(evidence_id=evidence.id, enrolment_id=other_enrolment.id, criterion_id=criterion.id))
    submission = refreeze(db_session, evidence)
    assert (submission.id, a.enrolment.id) in pairs(queue_for(db_session, a.assessor))
    assert pairs(queue_for(db_session, other_assessor)) == [(submission.id, other_enrolment.id)]

    all_met(db_session, submission, a.enrolment)
    assert (submission.id, a.enrolment.id) not in pairs(queue_for(db_session, a.assessor))
    assert pairs(queue_for(db_session, other_assessor)) == [(submission.id, other_enrolment.id)]
    assert submission.closed_at is None and evidence.status == SUBMITTED

    all_met(db_session, submission, other_enrolment)
    assert queue_for(db_session, other_assessor).items == []
    assert submission.closed_at is not None and submission.outcome == ASSESSED and evidence.status == ASSESSED


def test_the_queue_pages(db_session, world):
    for days in (5, 4, 3):
        submitted_days_ago(db_session, make_evidence(db_session, world.a.learner, world.a.enrolment, ("P7",)), days)
    first, last = queue_for(db_session, world.a.assessor, 1, per_page=3), queue_for(db_session, world.a.assessor, 2, per_page=3)
    assert (first.total, first.pages, len(first.items), len(last.items)) == (4, 2, 3, 1)
    assert last.items[0].evidence == world.a.portfolio.submitted
    assert queue_for(db_session, world.a.assessor, 99, per_page=3).page == 2


def count_queries(session, call) -> int:
    """The SELECT statements `call` runs."""
    with counted_queries(session.get_bind()) as statements:
        call()
    return sum(1 for statement in statements if statement.lstrip().upper().startswith("SELECT"))


def test_the_queue_takes_the_same_number_of_queries_however_long_it_is(db_session, world):
    a = world.a
    assert a.assessor.roles
    short = count_queries(db_session, lambda: [i.learner.name for i in queue_for(db_session, a.assessor).items])
    for number in range(6):
        learner = make_user(db_session, provider=a.provider, roles=[LEARNER])
        enrolment = enrol(db_session, a.cohort, learner, world.standard, assessor=a.assessor, iqa=a.iqa)
        make_evidence(db_session, learner, enrolment, ("P1", "K1"), title=f"Item {number}")
    db_session.expire_all()
    assert a.assessor.roles
    long = count_queries(
        db_session, lambda: [(i.learner.name, i.standard.urn, i.evidence.title) for i in queue_for(db_session, a.assessor).items]
    )
    assert long == short == 2


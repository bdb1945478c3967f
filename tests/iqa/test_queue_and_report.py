"""The IQA's queue, the assessor's referrals, one sample's detail, and the awaiting-sampling report."""
from datetime import timedelta

from assessor.accounts.models import IQA
from assessor.assessment.models import SignOff
from assessor.iqa.labels import NOT_SAMPLED, QUEUED, WITH_ASSESSOR
from assessor.iqa.models import AGREED, REFERRED
from assessor.iqa.queue import days_waiting, iqa_queue, referred_for_assessor, sample_detail
from assessor.iqa.report import awaiting_sampling_report
from assessor.iqa.sampling import sample_review
from assessor.iqa.services import decide_sample, respond_to_referral, save_plan
from assessor.timeutil import utcnow

from ..factories import make_user
from ..queries import counted_queries
from .builders import add_review, fresh_enrolment


def drawn(db_session, enrolment, count: int) -> list:
    return [sample_review(db_session, add_review(db_session, enrolment)) for _ in range(count)]


def test_the_queue_holds_the_iqas_waiting_samples_oldest_first(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    save_plan(db_session, world.a.admin, enrolment.member.cohort, 100, 100, [], 0)
    newer, newest = drawn(db_session, enrolment, 2)
    world.a.portfolio.sample.selected_at = utcnow() - timedelta(days=3)
    newest.selected_at = utcnow() + timedelta(minutes=1)
    queue = iqa_queue(db_session, world.a.iqa)
    assert [s.id for s in queue.items] == [world.a.portfolio.sample.id, newer.id, newest.id] and queue.total == 3
    assert days_waiting(queue.items[0]) == 3


def test_decided_samples_leave_the_queue_and_answered_ones_come_back(db_session, world):
    sample = world.a.portfolio.sample
    decide_sample(db_session, world.a.iqa, sample, REFERRED, "", "Add feedback.", sample.version)
    assert iqa_queue(db_session, world.a.iqa).total == 0
    assert referred_for_assessor(db_session, world.a.assessor) == [sample]
    respond_to_referral(db_session, world.a.assessor, sample, "Added.", sample.version)
    assert [s.id for s in iqa_queue(db_session, world.a.iqa).items] == [sample.id]
    assert referred_for_assessor(db_session, world.a.assessor) == []


def test_another_iqas_samples_are_not_in_the_queue(db_session, world):
    other = make_user(db_session, provider=world.a.provider, roles=[IQA])
    assert iqa_queue(db_session, other).total == 0 and iqa_queue(db_session, world.b.iqa).total == 1


def test_the_queue_is_paged(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    save_plan(db_session, world.a.admin, enrolment.member.cohort, 100, 100, [], 0)
    drawn(db_session, enrolment, 4)
    second = iqa_queue(db_session, world.a.iqa, page=2, per_page=2)
    assert (second.total, second.pages, len(second.items)) == (5, 3, 2)


def test_the_detail_has_the_decisions_and_the_history(db_session, world):
    sample = world.a.portfolio.sample
    decide_sample(db_session, world.a.iqa, sample, REFERRED, "Thin.", "Add feedback.", sample.version)
    detail = sample_detail(db_session, sample)
    assert [(d.criterion.ref, d.outcome) for d in detail.decisions] == [("P4", "met")]
    assert [entry.action for entry in detail.history] == [REFERRED]


def test_the_report_counts_each_assessors_samples_against_the_plan(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    cohort = enrolment.member.cohort
    save_plan(db_session, world.a.admin, cohort, 50, 100, [], 0)
    first, _none, third, _none2 = drawn(db_session, enrolment, 4)
    decide_sample(db_session, world.a.iqa, first, AGREED, "", "", first.version)
    decide_sample(db_session, world.a.iqa, third, REFERRED, "", "Redo.", third.version)
    report = awaiting_sampling_report(db_session, world.a.provider.id, cohort.id)
    (line,) = report.cohorts
    (row,) = line.assessors
    assert (line.share, line.new_share, line.has_plan) == (50, 100, True)
    assert (row.name, row.reviews, row.sampled, row.pending, row.agreed, row.referred) == (world.a.assessor.name, 4, 2, 0, 1, 1)
    assert (row.achieved, row.planned, row.is_new) == (50, 50, False)


def test_the_report_lists_sign_offs_not_yet_verified(db_session, world):
    report = awaiting_sampling_report(db_session, world.a.provider.id)
    assert [(row.learner_name, row.state) for row in report.unverified] == [(world.a.learner.name, QUEUED)]
    sample = world.a.portfolio.sample
    decide_sample(db_session, world.a.iqa, sample, REFERRED, "", "Redo.", sample.version)
    assert [row.state for row in awaiting_sampling_report(db_session, world.a.provider.id).unverified] == [WITH_ASSESSOR]
    respond_to_referral(db_session, world.a.assessor, sample, "Done.", sample.version)
    decide_sample(db_session, world.a.iqa, sample, AGREED, "", "", sample.version)
    assert awaiting_sampling_report(db_session, world.a.provider.id).unverified == []


def test_a_sign_off_with_no_sample_reads_not_sampled_and_a_withdrawn_one_is_left_out(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    signed = SignOff(enrolment_id=enrolment.id, assessor_id=world.a.assessor.id, declaration="Valid.",
                     signature_name="A", payload={}, signed_hash="0" * 64)
    db_session.add(signed)
    db_session.flush()
    rows = awaiting_sampling_report(db_session, world.a.provider.id, enrolment.member.cohort_id).unverified
    assert [row.state for row in rows] == [NOT_SAMPLED]
    signed.withdrawn_at = utcnow()
    db_session.flush()
    assert awaiting_sampling_report(db_session, world.a.provider.id, enrolment.member.cohort_id).unverified == []


def test_the_report_shows_the_defaults_and_only_the_providers_cohorts(db_session, world):
    report = awaiting_sampling_report(db_session, world.a.provider.id)
    assert [line.cohort for line in report.cohorts] == [world.a.cohort]
    (line,) = report.cohorts
    assert (line.share, line.has_plan, line.assessors[0].reviews, line.assessors[0].pending) == (25, False, 1, 1)


def test_the_report_takes_a_fixed_number_of_queries(db_session, world):
    save_plan(db_session, world.a.admin, world.a.cohort, 25, 100, [], 0)
    with counted_queries(db_session.connection()) as few:
        awaiting_sampling_report(db_session, world.a.provider.id)
    for _ in range(3):
        enrolment = fresh_enrolment(db_session, world.a, world.standard)
        save_plan(db_session, world.a.admin, enrolment.member.cohort, 100, 100, [world.a.assessor.id], 0)
        drawn(db_session, enrolment, 3)
    with counted_queries(db_session.connection()) as more:
        report = awaiting_sampling_report(db_session, world.a.provider.id)
    assert len(report.cohorts) == 4 and len(more) == len(few)

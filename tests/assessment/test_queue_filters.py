"""The assessor's queue narrowed by learner, cohort, standard and age, and searched; never beyond the assessor's own learners."""
import pytest
from werkzeug.datastructures import MultiDict

from assessor.accounts.models import ASSESSOR, LEARNER
from assessor.assessment.queue import QueueFilters, queue_choices, queue_for

from ..factories import enrol, make_cohort, make_evidence, make_user, shipped_standard
from .test_queue import count_queries, request_context, submitted_days_ago  # noqa: F401  (the request context is a fixture)

aged = submitted_days_ago


def found(session, assessor, **filters) -> list:
    return [item.evidence for item in queue_for(session, assessor, filters=QueueFilters(**filters)).items]


@pytest.fixture
def spread(db_session, world):
    """Provider A's assessor with a second learner in a second cohort on a second standard, and items of several ages."""
    a = world.a
    second = shipped_standard(db_session, "LOCAL-CFACSB15")
    cohort = make_cohort(db_session, a.provider, standards=[second], name="Evening cohort")
    learner = make_user(db_session, provider=a.provider, roles=[LEARNER], name="Gwenllian Parry")
    enrolment = enrol(db_session, cohort, learner, second, assessor=a.assessor, iqa=a.iqa)
    ref = next(c.ref for c in second.criteria if c.parent_id is None)
    old = aged(db_session, make_evidence(db_session, learner, enrolment, (ref,), title="Complaint handled"), 12)
    aged(db_session, a.portfolio.submitted, 2)
    return {"second": second, "cohort": cohort, "learner": learner, "old": old}


def test_each_filter_narrows_the_queue(db_session, world, spread):
    a, notes = world.a, world.a.portfolio.submitted
    assert found(db_session, a.assessor) == [spread["old"], notes]
    assert found(db_session, a.assessor, learner=spread["learner"].id) == [spread["old"]]
    assert found(db_session, a.assessor, learner=a.learner.id) == [notes]
    assert found(db_session, a.assessor, cohort=spread["cohort"].id) == [spread["old"]]
    assert found(db_session, a.assessor, standard=world.standard.id) == [notes]
    assert found(db_session, a.assessor, standard=spread["second"].id, cohort=a.cohort.id) == []


def test_waiting_more_than_n_days_counts_whole_days_as_the_page_shows_them(db_session, world, spread):
    a = world.a
    assert found(db_session, a.assessor, waiting=11) == [spread["old"]]
    assert found(db_session, a.assessor, waiting=12) == []
    assert found(db_session, a.assessor, waiting=1) == [spread["old"], a.portfolio.submitted]
    assert found(db_session, a.assessor, waiting=0) == [spread["old"], a.portfolio.submitted]


@pytest.mark.parametrize("text", ["complaint", "COMPLAINT HAND", "gwenllian", "parry"])
def test_the_search_reads_the_title_and_the_learners_name(db_session, world, spread, text):
    assert found(db_session, world.a.assessor, text=text) == [spread["old"]]


def test_the_search_finds_a_reference_however_it_is_typed(db_session, world, spread):
    notes = world.a.portfolio.submitted
    for typed in (notes.reference, notes.reference.lower(), f"E{notes.number}", f"e-{notes.number:03d}"):
        assert notes in found(db_session, world.a.assessor, text=typed), typed
    assert found(db_session, world.a.assessor, text="E-999") == []


def test_wildcards_in_the_search_are_taken_literally(db_session, world, spread):
    assert found(db_session, world.a.assessor, text="%") == []
    assert found(db_session, world.a.assessor, text="_") == []


def test_another_assessors_learners_never_appear_whatever_is_asked(db_session, world, spread):
    """Asking for another assessor's learner, cohort or standard, or searching for them, finds nothing of theirs."""
    colleague = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    theirs = world.a.portfolio.submitted
    for filters in ({}, {"learner": world.a.learner.id}, {"cohort": world.a.cohort.id}, {"standard": world.standard.id},
                    {"text": world.a.learner.name}, {"text": theirs.reference}, {"text": "Meeting"}):
        assert found(db_session, colleague, **filters) == [], filters
    b_side = found(db_session, world.b.assessor, text="Meeting")
    assert b_side == [world.b.portfolio.submitted]
    assert found(db_session, world.b.assessor, learner=world.a.learner.id) == []
    assert queue_choices(db_session, colleague).learners == []


def test_the_filters_offer_only_the_assessors_own_learners_cohorts_and_standards(db_session, world, spread):
    choices = queue_choices(db_session, world.a.assessor)
    assert [name for _id, name in choices.learners] == sorted([world.a.learner.name, "Gwenllian Parry"], key=str.lower)
    assert {name for _id, name in choices.cohorts} == {world.a.cohort.name, "Evening cohort"}
    assert set(choices.standards) == {world.standard, spread["second"]}
    assert world.b.learner.id not in {learner_id for learner_id, _name in choices.learners}


def test_the_filters_pages_count_only_what_matches(db_session, world, spread):
    a = world.a
    for days in (5, 4, 3):
        aged(db_session, make_evidence(db_session, a.learner, a.enrolment, ("P7",), title=f"Shift {days}"), days)
    filters = QueueFilters(text="shift")
    first, second = queue_for(db_session, a.assessor, 1, 2, filters), queue_for(db_session, a.assessor, 2, 2, filters)
    assert (first.total, first.pages, len(first.items), len(second.items)) == (3, 2, 2, 1)


def test_the_form_is_read_leniently_and_a_bad_number_of_days_is_reported():
    filters = QueueFilters.from_args(MultiDict({"learner": "7", "cohort": "x", "standard": "", "waiting": " 14 ", "q": "  two   words ", "page": "3"}))
    assert (filters.learner, filters.cohort, filters.standard, filters.waiting, filters.text, filters.page) == (7, None, None, 14, "two words", 3)
    assert filters.query_args() == {"learner": 7, "waiting": 14, "q": "two words"} and filters.active
    for typed in ("-1", "seven", "3.5", "99999"):
        bad = QueueFilters.from_args(MultiDict({"waiting": typed}))
        assert (bad.waiting, bad.bad_waiting, bad.active) == (None, typed, True)
    assert QueueFilters.from_args(MultiDict({"waiting": "0"})).waiting == 0
    assert not QueueFilters.from_args(MultiDict()).active


def test_a_filtered_page_takes_two_queries_like_any_other(db_session, world, spread):
    filters = QueueFilters(learner=spread["learner"].id, cohort=spread["cohort"].id, waiting=3, text="complaint")
    page = []
    assert count_queries(db_session, lambda: page.append(queue_for(db_session, world.a.assessor, filters=filters))) == 2
    assert [(item.learner.name, item.standard.urn) for item in page[0].items] == [("Gwenllian Parry", spread["second"].urn)]

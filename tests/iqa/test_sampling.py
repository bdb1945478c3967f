"""Drawing samples: the share's arithmetic, the plan's shares, new assessors, the sample every learner gets before sign-off."""
import pytest
from sqlalchemy import func, select

from assessor.iqa.models import BY_SHARE, NEW_ASSESSOR, PER_LEARNER, Sample
from assessor.iqa.sampling import ensure_learner_sample, falls_in_sample, sample_review
from assessor.iqa.services import save_plan

from .builders import add_review, audit_count, fresh_enrolment


@pytest.mark.parametrize("percent", [10, 25, 33, 50, 100])
def test_exactly_the_share_is_drawn_over_a_hundred_reviews(percent):
    assert sum(falls_in_sample(position, percent) for position in range(1, 101)) == percent


@pytest.mark.parametrize("percent", [1, 10, 25, 33, 50, 99, 100])
def test_the_first_review_is_always_drawn(percent):
    assert falls_in_sample(1, percent)


def test_a_share_of_nothing_draws_nothing():
    assert not any(falls_in_sample(position, 0) for position in range(1, 101))


def test_draws_are_spread_evenly():
    assert [n for n in range(1, 13) if falls_in_sample(n, 25)] == [1, 5, 9]
    assert [n for n in range(1, 8) if falls_in_sample(n, 50)] == [1, 3, 5, 7]


def test_the_share_holds_at_every_point_not_just_at_the_end():
    for percent in (10, 25, 33):
        drawn = 0
        for position in range(1, 201):
            drawn += falls_in_sample(position, percent)
            assert abs(drawn - position * percent / 100) < 1


def draw(db_session, enrolment, count: int, assessor=None) -> list:
    return [sample_review(db_session, add_review(db_session, enrolment, assessor=assessor)) for _ in range(count)]


def test_without_a_plan_a_quarter_is_drawn(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    drawn = draw(db_session, enrolment, 8)
    assert [sample is not None for sample in drawn] == [True, False, False, False, True, False, False, False]
    assert {sample.reason for sample in drawn if sample} == {BY_SHARE}
    assert audit_count(db_session, "sample", drawn[0].id, "sampled") == 1


def test_the_plan_sets_the_share(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    save_plan(db_session, world.a.admin, enrolment.member.cohort, 50, 100, [], 0)
    drawn = draw(db_session, enrolment, 6)
    assert [sample is not None for sample in drawn] == [True, False, True, False, True, False]


def test_a_new_assessor_is_sampled_at_their_share(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    save_plan(db_session, world.a.admin, enrolment.member.cohort, 10, 100, [world.a.assessor.id], 0)
    drawn = draw(db_session, enrolment, 5)
    assert all(sample is not None and sample.reason == NEW_ASSESSOR for sample in drawn)


def test_each_assessor_is_counted_separately(db_session, world):
    from assessor.accounts.models import ASSESSOR

    from ..factories import make_user

    second = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR])
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    first_drawn = draw(db_session, enrolment, 2)
    second_drawn = draw(db_session, enrolment, 2, assessor=second)
    assert [s is not None for s in first_drawn] == [True, False] and [s is not None for s in second_drawn] == [True, False]


def test_drawing_the_same_review_twice_gives_the_same_sample(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    review = add_review(db_session, enrolment)
    first, second = sample_review(db_session, review), sample_review(db_session, review)
    assert first is second
    assert db_session.scalar(select(func.count(Sample.id)).where(Sample.review_id == review.id)) == 1


def test_sign_off_draws_the_latest_review_when_nothing_was_sampled(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    save_plan(db_session, world.a.admin, enrolment.member.cohort, 0, 0, [], 0)
    reviews = [add_review(db_session, enrolment) for _ in range(3)]
    assert all(sample_review(db_session, review) is None for review in reviews)
    sample = ensure_learner_sample(db_session, enrolment)
    assert sample.review_id == reviews[-1].id and sample.reason == PER_LEARNER
    assert ensure_learner_sample(db_session, enrolment) is None


def test_sign_off_draws_nothing_more_when_the_learner_was_sampled(db_session, world):
    enrolment = fresh_enrolment(db_session, world.a, world.standard)
    sample_review(db_session, add_review(db_session, enrolment))
    assert ensure_learner_sample(db_session, enrolment) is None


def test_sign_off_with_no_review_draws_nothing(db_session, world):
    assert ensure_learner_sample(db_session, fresh_enrolment(db_session, world.a, world.standard)) is None

"""What a learner should do next: countersign, act on referrals, finish drafts, start criteria."""

from assessor.accounts.models import LEARNER
from assessor.cohorts.models import WITHDRAWN
from assessor.dashboards.learner import COUNTERSIGN, DRAFTS, NOT_STARTED, REFERRED_BACK, next_steps
from assessor.assessment.matrix import standard_summaries
from assessor.evidence.models import REFERRED
from assessor.timeutil import utcnow

from ..factories import make_evidence, make_user
from ..queries import counted_queries
from .support import set_progress


def steps_of(db_session, learner):
    return next_steps(db_session, learner, standard_summaries(db_session, learner))


def test_the_world_learner_has_a_sign_off_a_draft_and_criteria_to_start(db_session, world):
    set_progress(db_session, world.a.enrolment, pc_met=1, submitted=2)
    steps = steps_of(db_session, world.a.learner)
    assert [(step.kind, step.count, step.endpoint) for step in steps] == [
        (COUNTERSIGN, 1, "assessment.countersign"),
        (DRAFTS, 1, "evidence.show"),
        (NOT_STARTED, 27, "evidence.matrix"),
    ]
    assert steps[0].args == {"sign_off_id": world.a.portfolio.sign_off.id} and steps[0].urn == "SKSCMGS11"
    assert steps[1].args == {"learner_id": world.a.learner.id, "number": world.a.portfolio.draft.number}
    assert steps[2].args == {"learner_id": world.a.learner.id, "enrolment_id": world.a.enrolment.id}


def test_several_items_link_to_the_portfolio_filtered_by_their_state(db_session, world):
    for _ in range(2):
        make_evidence(db_session, world.a.learner, world.a.enrolment, ("P7",), status=REFERRED)
    make_evidence(db_session, world.a.learner, world.a.enrolment, ("P8",), status="draft")
    steps = {step.kind: step for step in steps_of(db_session, world.a.learner)}
    assert (steps[REFERRED_BACK].count, steps[REFERRED_BACK].endpoint, steps[REFERRED_BACK].args) == (2, "evidence.portfolio", {"status": "referred"})
    assert (steps[DRAFTS].count, steps[DRAFTS].args) == (2, {"status": "draft"})


def test_a_countersigned_or_withdrawn_sign_off_asks_nothing(db_session, world):
    world.a.portfolio.sign_off.learner_signed_at = utcnow()
    db_session.flush()
    assert COUNTERSIGN not in {step.kind for step in steps_of(db_session, world.a.learner)}


def test_no_nagging_about_a_cohort_the_learner_has_left(db_session, world):
    world.a.enrolment.member.status = WITHDRAWN
    db_session.flush()
    assert NOT_STARTED not in {step.kind for step in steps_of(db_session, world.a.learner)}


def test_a_learner_with_nothing_to_do_has_no_steps(db_session, world):
    assert steps_of(db_session, make_user(db_session, provider=world.a.provider, roles=[LEARNER])) == []


def test_the_steps_cost_two_queries(db_session, engine, world):
    summaries = standard_summaries(db_session, world.a.learner)
    with counted_queries(engine) as statements:
        next_steps(db_session, world.a.learner, summaries)
    assert len(statements) == 2

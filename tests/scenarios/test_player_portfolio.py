"""The debrief, the criteria an attempt touched, and adding an attempt to the portfolio once."""
import pytest
from sqlalchemy import func, select

from assessor.evidence.models import DRAFT, SCENARIO, Evidence
from assessor.scenarios import engine
from assessor.scenarios.catalogue import scenario_of
from assessor.scenarios.player import start_attempt
from assessor.scenarios.portfolio import add_to_portfolio, debrief, save_reflection
from assessor.scenarios.transcript import steps_of

from .player_support import finished_attempt, load_shipped
from assessor.core.acts import Refused

REFLECTION = "I checked who decides before promising anything, and next time I will confirm costs in writing."


@pytest.fixture
def finished(db_session, world):
    return finished_attempt(db_session, world.a.learner)


def _touched_refs(attempt):
    touched = engine.criteria_touched(scenario_of(attempt.scenario_version), steps_of(attempt))
    return {criterion.ref for criterion in touched.shown}, {criterion.ref for criterion in touched.failed}


def test_the_debrief_gives_the_path_outcome_and_touched_criteria_with_their_texts(db_session, finished):
    report = debrief(db_session, finished, "en")
    shown, failed = _touched_refs(finished)
    assert {item.ref for item in report.shown} == shown and {item.ref for item in report.failed} == failed
    assert all(item.text and item.claim_id for item in report.shown)
    assert report.transcript.ending["outcome"] == finished.outcome and report.transcript.ending["debrief"]
    answered = [turn for turn in report.transcript.turns if turn.reply is not None]
    assert len(answered) == len(finished.steps)
    assert any(turn.feedback for turn in answered) and any(turn.free_text for turn in answered)


def test_criteria_of_a_standard_the_learner_is_not_on_are_shown_but_not_claimable(db_session, world):
    attempt = finished_attempt(db_session, world.a.learner, "vet-practice-loyal-customer-complaint")
    report = debrief(db_session, attempt, "cy")
    assert report.shown and all(item.claim_id is None for item in report.shown)


def test_adding_to_the_portfolio_maps_the_touched_criteria_of_the_learners_enrolments(db_session, world, finished):
    evidence = add_to_portfolio(db_session, world.a.learner, finished, REFLECTION, "en")
    assert (evidence.kind, evidence.status, evidence.body) == (SCENARIO, DRAFT, REFLECTION)
    assert evidence.details["attempt_id"] == finished.id and finished.evidence_id == evidence.id
    assert evidence.title.startswith("Scenario: ")
    claimed = {mapping.criterion.ref for mapping in evidence.mappings}
    shown, _failed = _touched_refs(finished)
    assert claimed == {ref.split(".")[0] for ref in shown} and claimed
    assert {mapping.enrolment_id for mapping in evidence.mappings} == {world.a.enrolment.id}


def test_adding_the_same_attempt_twice_makes_one_item(db_session, world, finished):
    first = add_to_portfolio(db_session, world.a.learner, finished, REFLECTION, "en")
    second = add_to_portfolio(db_session, world.a.learner, finished, REFLECTION + " Again.", "en")
    assert first.id == second.id
    count = db_session.scalar(select(func.count()).select_from(Evidence).where(Evidence.kind == SCENARIO))
    assert count == 1


def test_an_attempt_on_a_standard_the_learner_is_not_on_is_added_with_no_claims(db_session, world):
    attempt = finished_attempt(db_session, world.a.learner, "vet-practice-loyal-customer-complaint")
    evidence = add_to_portfolio(db_session, world.a.learner, attempt, REFLECTION, "cy")
    assert evidence.mappings == []


@pytest.mark.parametrize("reflection", ["", "Too short.", "x" * 5001])
def test_the_reflection_must_be_between_50_and_5000_characters(db_session, world, finished, reflection):
    with pytest.raises(Refused) as refused:
        add_to_portfolio(db_session, world.a.learner, finished, reflection, "en")
    assert refused.value.field == "reflection" and finished.evidence_id is None


def test_an_unfinished_or_someone_elses_attempt_cannot_be_added(db_session, world, finished):
    unfinished = start_attempt(db_session, world.a.other_learner, load_shipped(db_session))
    with pytest.raises(Refused):
        add_to_portfolio(db_session, world.a.other_learner, unfinished, REFLECTION, "en")
    with pytest.raises(Refused):
        add_to_portfolio(db_session, world.a.other_learner, finished, REFLECTION, "en")


def test_a_reflection_can_be_saved_before_adding(db_session, world, finished):
    save_reflection(db_session, world.a.learner, finished, REFLECTION)
    assert finished.reflection == REFLECTION and finished.evidence_id is None

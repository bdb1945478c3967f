"""The player's services: starting, choosing, writing, stale and repeated posts, restarting, resuming."""
import pytest

from assessor.scenarios import engine
from assessor.scenarios.catalogue import scenario_of
from assessor.scenarios.models import Attempt
from assessor.scenarios.player import (
    StaleStep, attempts_by_scenario, entries, give_answer, restart, start_attempt, state_of, take_choice,
)
from assessor.scenarios.transcript import steps_of, walk

from .player_support import fixture_document, load, load_shipped, play_to_end, words
from assessor.core.acts import Refused


@pytest.fixture
def fixture_row(db_session):
    return load(db_session, fixture_document())


@pytest.fixture
def attempt(db_session, world, fixture_row):
    return start_attempt(db_session, world.a.learner, fixture_row)


def test_an_attempt_starts_at_the_start_node_with_initial_variables(attempt):
    assert attempt.state == {"node_id": "open", "variables": {"trust": 5, "agreed": False}}
    assert attempt.steps == [] and attempt.finished_at is None


def test_only_learners_start_attempts(db_session, world, fixture_row):
    with pytest.raises(Refused):
        start_attempt(db_session, world.a.assessor, fixture_row)


def test_starting_again_while_one_is_unfinished_resumes_it(db_session, world, fixture_row, attempt):
    assert start_attempt(db_session, world.a.learner, fixture_row).id == attempt.id


def test_a_choice_applies_effects_and_records_the_step(db_session, attempt):
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    step = attempt.steps[0]
    assert (step.position, step.node_id, step.choice, step.variables) == (0, "open", 0, {"trust": 7, "agreed": True})
    assert step.feedback == {"cy": "Da iawn", "en": "Well done"}
    assert attempt.state["node_id"] == "write"


def test_a_choice_whose_condition_fails_is_refused_with_a_translated_message(db_session, attempt):
    with pytest.raises(Refused) as refused:
        take_choice(db_session, attempt, node_id="open", position=0, choice=2)
    assert refused.value.field == "choice" and "not open" in str(refused.value)
    assert attempt.steps == []


def test_a_short_answer_is_refused_and_nothing_is_recorded(db_session, attempt):
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    with pytest.raises(Refused) as refused:
        give_answer(db_session, attempt, node_id="write", position=1, text="too short")
    assert str(refused.value) == "Your reply has 2 words. Write at least 3 words."
    assert refused.value.field == "answer" and len(attempt.steps) == 1


def test_a_branch_on_variables_picks_the_ending(db_session, world, fixture_row, attempt):
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    give_answer(db_session, attempt, node_id="write", position=1, text="  I will sort it out today.  ")
    assert attempt.outcome == "resolved" and attempt.finished_at is not None
    assert attempt.steps[1].text == "I will sort it out today."
    other = restart(db_session, world.a.learner, attempt)
    take_choice(db_session, other, node_id="open", position=0, choice=1)
    give_answer(db_session, other, node_id="write", position=1, text=words(3))
    assert other.outcome == "relationship_lost"


def test_a_step_posted_for_a_node_the_attempt_has_left_is_stale(db_session, attempt):
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    with pytest.raises(StaleStep):
        take_choice(db_session, attempt, node_id="open", position=0, choice=1)
    with pytest.raises(StaleStep):
        give_answer(db_session, attempt, node_id="write", position=0, text=words(5))
    assert [step.choice for step in attempt.steps] == [0]


def test_the_same_step_posted_twice_is_recorded_once(db_session, attempt):
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    give_answer(db_session, attempt, node_id="write", position=1, text=words(4))
    give_answer(db_session, attempt, node_id="write", position=1, text=words(4))
    assert len(attempt.steps) == 2


def test_a_step_on_a_finished_attempt_is_stale(db_session, attempt):
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    give_answer(db_session, attempt, node_id="write", position=1, text=words(4))
    with pytest.raises(StaleStep):
        give_answer(db_session, attempt, node_id="good-end", position=2, text=words(4))


def test_restart_keeps_the_old_attempt_and_a_second_restart_post_adds_nothing(db_session, world, attempt):
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    fresh = restart(db_session, world.a.learner, attempt)
    again = restart(db_session, world.a.learner, attempt)
    assert fresh.id != attempt.id and again.id == fresh.id
    assert len(db_session.get(Attempt, attempt.id).steps) == 1
    assert fresh.steps == []
    grouped = attempts_by_scenario(db_session, world.a.learner.id)
    assert [a.id for a in grouped["fixture-valid"]] == [fresh.id, attempt.id]


def test_resume_rebuilds_the_live_state_from_the_stored_steps(db_session, world):
    row = load_shipped(db_session)
    attempt = start_attempt(db_session, world.a.learner, row)
    scenario = scenario_of(row)
    live = engine.start(scenario)
    for _step in range(4):
        options = engine.available_choices(scenario, live)
        if engine.is_ended(scenario, live):
            break
        if options:
            live = engine.choose(scenario, live, options[0][0])
            take_choice(db_session, attempt, node_id=attempt.state["node_id"], position=len(attempt.steps), choice=options[0][0])
        else:
            minimum = engine.current_node(scenario, live)["free_text"].get("min_words", 0)
            live = engine.answer(scenario, live, words(minimum))
            give_answer(db_session, attempt, node_id=attempt.state["node_id"], position=len(attempt.steps), text=words(minimum))
    db_session.expire_all()
    resumed = state_of(db_session.get(Attempt, attempt.id))
    assert resumed == live
    assert db_session.get(Attempt, attempt.id).state == {"node_id": live.node_id, "variables": dict(live.variables)}


def test_playing_a_shipped_scenario_to_an_ending(db_session, world):
    attempt = play_to_end(db_session, start_attempt(db_session, world.a.learner, load_shipped(db_session)))
    assert attempt.finished_at is not None and attempt.outcome
    turns, state = walk(scenario_of(attempt.scenario_version), steps_of(attempt), "cy")
    assert len(turns) == len(attempt.steps) + 1 and turns[-1].ending
    assert all(turn.client for turn in turns[:-1])


def test_the_index_lists_the_newest_versions_with_the_standards_on_the_programme(db_session, world, attempt):
    load_shipped(db_session)
    listed = {entry.row.scenario_id: entry for entry in entries(db_session, world.a.learner)}
    assert listed["fixture-valid"].in_progress.id == attempt.id
    shipped = listed["creative-agency-new-decision-maker"]
    assert [(standard.urn, enrolled) for standard, enrolled in shipped.standards] == [("SKSCMGS11", True)]
    assert shipped.attempts == [] and shipped.in_progress is None

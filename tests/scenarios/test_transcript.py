"""An attempt read back: the conversation, rubrics beside written replies, meters, and transcript_for."""
from assessor.scenarios.catalogue import scenario_of
from assessor.scenarios.player import give_answer, start_attempt, take_choice
from assessor.scenarios.portfolio import add_to_portfolio
from assessor.scenarios.transcript import meters, transcript_for, transcript_of

from .player_support import finished_attempt, fixture_document, load

REFLECTION = "The client wanted certainty; I gave options with costs and asked her to choose by a set time."


def _played_fixture(db_session, learner):
    attempt = start_attempt(db_session, learner, load(db_session, fixture_document()))
    take_choice(db_session, attempt, node_id="open", position=0, choice=0)
    give_answer(db_session, attempt, node_id="write", position=1, text="I will call you back by four.")
    return attempt


def test_the_transcript_has_every_message_reply_feedback_and_rubric(db_session, world):
    attempt = _played_fixture(db_session, world.a.learner)
    transcript = transcript_of(attempt, "en")
    first, second, last = transcript.turns
    assert (first.client, first.reply, first.feedback, first.shows) == ("Hello, trust 5", "Good", "Well done", ("P1",))
    assert second.free_text and second.reply == "I will call you back by four." and second.shows == ("P2", "K1")
    assert second.rubric.prompt == "Write" and second.rubric.dimensions[0].label == "Clarity"
    assert second.rubric.min_words == 3
    assert last.ending and transcript.ending["outcome"] == "resolved" and transcript.ending["outcome_label"] == "Resolved"
    assert transcript.persona == "Ann"


def test_the_transcript_reads_in_welsh(db_session, world):
    attempt = _played_fixture(db_session, world.a.learner)
    transcript = transcript_of(attempt, "cy")
    assert transcript.turns[0].client == "Helo, ymddiriedaeth 5" and transcript.turns[0].reply == "Da"
    assert transcript.title == "Teitl"


def test_visible_variables_become_meters_with_text_values(db_session, world):
    attempt = _played_fixture(db_session, world.a.learner)
    scenario = scenario_of(attempt.scenario_version)
    (trust,) = meters(scenario, attempt.state["variables"], "en")
    assert (trust.label, trust.value, trust.text, trust.is_gauge) == ("Trust", 7, "Trust: 7 of 10", True)


def test_transcript_for_a_scenario_item_gives_its_attempt_and_the_reflection(db_session, world):
    attempt = finished_attempt(db_session, world.a.learner)
    evidence = add_to_portfolio(db_session, world.a.learner, attempt, REFLECTION, "en")
    transcript = transcript_for(db_session, evidence, "en")
    assert transcript.attempt_id == attempt.id and transcript.reflection == REFLECTION
    assert any(turn.rubric for turn in transcript.turns)
    assert transcript.reflection_paragraphs == [REFLECTION]


def test_transcript_for_other_evidence_is_none(db_session, world):
    assert transcript_for(db_session, world.a.portfolio.draft) is None


def test_transcript_for_an_item_pointing_at_another_learners_attempt_is_none(db_session, world):
    attempt = finished_attempt(db_session, world.a.other_learner)
    evidence = world.a.portfolio.draft
    evidence.kind, evidence.details = "scenario", {"attempt_id": attempt.id}
    assert transcript_for(db_session, evidence) is None


def test_an_unfinished_attempt_has_no_ending_yet(db_session, world):
    attempt = start_attempt(db_session, world.a.learner, load(db_session, fixture_document()))
    take_choice(db_session, attempt, node_id="open", position=0, choice=1)
    transcript = transcript_of(attempt, "en")
    assert transcript.ending is None and transcript.turns[-1].reply is None
    assert transcript.turns[-1].client == "Write"

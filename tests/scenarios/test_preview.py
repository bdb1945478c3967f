"""Previewing a draft: the player's engine on the draft as saved, jumps, the language, and never an attempt or evidence."""
import pytest
from sqlalchemy import func, select

from assessor.core.acts import Refused
from assessor.evidence.models import Evidence
from assessor.scenarios import authoring, preview
from assessor.scenarios.models import Attempt, AttemptStep, ScenarioPreview
from assessor.scenarios.player import StaleStep
from assessor.scenarios.preview_check import unplayable

from .authoring_support import SOURCE, WITH_ERRORS, WITH_WARNING


@pytest.fixture
def draft(db_session, world):
    return authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)


@pytest.fixture
def started(db_session, world, draft):
    return preview.start_preview(db_session, world.a.admin, draft, "en")


def at(found):
    return {"node_id": found.state["node_id"], "position": len(found.steps)}


def counts(session) -> tuple[int, int, int]:
    return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Attempt, AttemptStep, Evidence))


def test_a_preview_starts_at_the_start_node_with_the_initial_variables(started, draft):
    assert started.state == {"node_id": "open", "variables": {"trust": 5, "agreed": False}}
    assert started.steps == [] and started.draft_revision == draft.revision and started.document["id"] == "acme-first-call"
    turns, state = preview.conversation(started, "cy")
    assert [turn.client for turn in turns] == ["Helo, ymddiriedaeth 5"] and state.node_id == "open"


def test_a_choice_applies_its_effects_and_moves_on(db_session, started):
    preview.take_choice(db_session, started, **at(started), choice=0)
    assert started.state == {"node_id": "write", "variables": {"trust": 7, "agreed": True}}
    turns, _state = preview.conversation(started, "en")
    assert turns[0].reply == "Good" and turns[0].feedback == "Well done" and turns[1].client == "Write"


def test_a_written_reply_is_checked_against_its_minimum_and_follows_the_branches(db_session, started):
    preview.take_choice(db_session, started, **at(started), choice=0)
    with pytest.raises(Refused) as refused:
        preview.give_answer(db_session, started, **at(started), text="too short")
    assert refused.value.field == "answer"
    preview.give_answer(db_session, started, **at(started), text="  I will write it down  ")
    assert started.state["node_id"] == "good-end" and started.steps[-1] == {"node_id": "write", "text": "I will write it down"}


def test_a_preview_to_its_ending_never_makes_an_attempt_or_evidence(app, db_session, started):
    before = counts(db_session)
    preview.take_choice(db_session, started, **at(started), choice=1)
    preview.give_answer(db_session, started, **at(started), text="one two three")
    report = preview.debrief(db_session, started, "en")
    assert report.ending["outcome"] == "relationship_lost" and report.ending["debrief"] == "Oh no"
    assert [item.ref for item in report.shown] == ["K1", "P2"] and [item.ref for item in report.failed] == ["P1"]
    assert all(item.claim_id is None for item in report.shown + report.failed)
    assert counts(db_session) == before


def test_a_jump_keeps_the_variables_and_starts_a_new_run_of_turns(db_session, started):
    preview.take_choice(db_session, started, **at(started), choice=0)
    preview.jump(db_session, started, **at(started), target="open")
    assert started.state == {"node_id": "open", "variables": {"trust": 7, "agreed": True}}
    turns, state = preview.conversation(started, "en")
    assert [(turn.node_id, turn.jumped) for turn in turns] == [("open", False), ("write", False), ("open", True)]
    assert turns[2].client == "Hello, trust 7" and state.variables["trust"] == 7


def test_a_jump_may_set_the_variables_within_their_bounds(app, db_session, started):
    with pytest.raises(Refused) as refused:
        preview.jump(db_session, started, **at(started), target="open", values={"trust": "11", "agreed": "maybe"})
    assert {field for field, _message in refused.value.problems} == {"var_trust", "var_agreed"}
    preview.jump(db_session, started, **at(started), target="open", values={"trust": "9", "agreed": "true"})
    assert started.state["variables"] == {"trust": 9, "agreed": True}
    open_choices = preview.conversation(started, "en")[1]
    from assessor.scenarios.engine import available_choices

    assert [index for index, _choice in available_choices(preview.scenario_of(started), open_choices)] == [0, 1, 2, 3]


def test_a_jump_to_an_unknown_node_is_refused(db_session, started):
    with pytest.raises(Refused) as refused:
        preview.jump(db_session, started, **at(started), target="nowhere")
    assert refused.value.field == "target"


def test_a_jump_to_an_ending_ends_the_preview_and_a_jump_leaves_it(db_session, started):
    preview.jump(db_session, started, **at(started), target="good-end")
    assert preview.debrief(db_session, started, "en").ending["outcome"] == "resolved"
    with pytest.raises(StaleStep):
        preview.take_choice(db_session, started, **at(started), choice=0)
    preview.jump(db_session, started, **at(started), target="open")
    assert started.state["node_id"] == "open"


def test_a_stale_post_is_refused_and_a_repeated_one_recorded_once(db_session, started):
    first = at(started)
    preview.take_choice(db_session, started, **first, choice=0)
    preview.take_choice(db_session, started, **first, choice=0)
    assert len(started.steps) == 1
    with pytest.raises(StaleStep):
        preview.take_choice(db_session, started, **first, choice=1)
    with pytest.raises(StaleStep):
        preview.jump(db_session, started, **first, target="open")


def test_starting_again_replaces_the_preview_one_per_author_and_draft(db_session, world, draft, started):
    preview.take_choice(db_session, started, **at(started), choice=0)
    again = preview.start_preview(db_session, world.a.admin, draft, "cy")
    assert again.id == started.id and again.steps == [] and again.language == "cy"
    assert db_session.scalar(select(func.count()).select_from(ScenarioPreview)) == 1


def test_a_preview_of_a_draft_saved_since_is_stale_and_plays_its_own_text(db_session, world, draft, started):
    authoring.save_draft(db_session, world.a.admin, draft, SOURCE.replace("Hello, trust", "Hi, trust"), draft.revision)
    assert preview.is_stale(started, draft)
    assert preview.conversation(started, "en")[0][0].client == "Hello, trust 5"
    fresh = preview.start_preview(db_session, world.a.admin, draft, "en")
    assert not preview.is_stale(fresh, draft) and preview.conversation(fresh, "en")[0][0].client == "Hi, trust 5"


def test_the_language_changes_mid_preview(db_session, started):
    preview.take_choice(db_session, started, **at(started), choice=0)
    preview.set_language(db_session, started, "cy")
    assert preview.conversation(started, started.language)[0][0].reply == "Da"
    with pytest.raises(Refused):
        preview.set_language(db_session, started, "fr")


def test_a_draft_with_warnings_plays_and_one_with_structural_errors_does_not(app, db_session, world, draft):
    assert unplayable(WITH_WARNING) == [] and unplayable(SOURCE.replace("P1]", "Z9]")) == []
    assert unplayable(WITH_ERRORS) and unplayable("id: [")
    broken = SOURCE.replace("next: write\n      - text: {cy: Drwg", "next: wirte\n      - text: {cy: Drwg")
    assert [problem.kind for problem in unplayable(broken)] == ["missing_node"]
    authoring.save_draft(db_session, world.a.admin, draft, broken, draft.revision)
    with pytest.raises(Refused) as refused:
        preview.start_preview(db_session, world.a.admin, draft, "en")
    assert "wirte" in " ".join(str(message) for _field, message in refused.value.problems)


def test_a_node_no_path_reaches_is_still_playable_by_jumping(db_session, world, draft):
    orphan = SOURCE + "  orphan:\n    ending: {outcome: unresolved, debrief: {cy: Dim, en: None}}\n"
    assert unplayable(orphan) == []


def test_only_the_drafts_authors_preview_it(db_session, world, draft):
    for person in (world.a.assessor, world.a.learner, world.b.admin, world.site_admin):
        with pytest.raises(Refused):
            preview.start_preview(db_session, person, draft, "en")

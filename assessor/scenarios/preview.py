"""An author plays a draft in the player: the same engine, kept in its own table so it is never an attempt nor evidence."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..core.acts import Conflict, Refused
from ..permissions import can_author_scenarios
from ..timeutil import utcnow
from . import engine
from .engine import AttemptState, Step
from .expressions import Value
from .format import Scenario
from .loader import load_text
from .models import PLAY_LANGUAGES, ScenarioDraft, ScenarioPreview
from .player import Move, StaleStep, moved, snapshot
from .portfolio import TouchedCriterion, resolve_criteria
from .preview_check import checked_values, unplayable
from .transcript import Meter, Turn, ending_of, meters, walk


def preview_of(session: Session, author: User, draft: ScenarioDraft) -> ScenarioPreview | None:
    return session.scalar(select(ScenarioPreview).where(ScenarioPreview.author_id == author.id,
                                                        ScenarioPreview.draft_id == draft.id))


def start_preview(session: Session, author: User, draft: ScenarioDraft, language: str) -> ScenarioPreview:
    """A preview of the draft as last saved, from its start node; it replaces the author's earlier one of the draft."""
    if not can_author_scenarios(author, draft.provider_id):
        raise Refused(_l("Only your provider's scenario authors preview its drafts."))
    if language not in PLAY_LANGUAGES:
        raise Refused(_l("Choose Welsh or English."), "language")
    problems = unplayable(draft.source)
    if problems:
        raise Refused.listing([(None, _l("The draft as last saved cannot be played: mend these errors and save it."))]
                              + [(None, _l("Line %(line)s: %(message)s", line=problem.line, message=problem.message))
                                 for problem in problems])
    document = load_text(draft.source).data
    preview = preview_of(session, author, draft) or ScenarioPreview(author_id=author.id, draft_id=draft.id)
    preview.draft_revision, preview.document, preview.language = draft.revision, document, language
    preview.state, preview.steps = snapshot(engine.start(Scenario.from_document(document))), []
    preview.started_at = utcnow()
    session.add(preview)
    _flush(session)
    return preview


def is_stale(preview: ScenarioPreview, draft: ScenarioDraft) -> bool:
    """Whether the draft was saved again since the preview started (the preview still plays the text it started on)."""
    return preview.draft_revision != draft.revision


def scenario_of(preview: ScenarioPreview) -> Scenario:
    return Scenario.from_document(preview.document)


def state_of(preview: ScenarioPreview) -> AttemptState:
    scenario = scenario_of(preview)
    return _at(scenario, preview.state["node_id"], preview.state["variables"])


def take_choice(session: Session, preview: ScenarioPreview, *, node_id: str, position: int,
                choice: int) -> ScenarioPreview:
    return _move(session, preview, node_id, position, lambda scenario, state: engine.choose(scenario, state, choice),
                 {"node_id": node_id, "choice": choice})


def give_answer(session: Session, preview: ScenarioPreview, *, node_id: str, position: int,
                text: str) -> ScenarioPreview:
    text = text.strip()
    return _move(session, preview, node_id, position, lambda scenario, state: engine.answer(scenario, state, text),
                 {"node_id": node_id, "text": text})


def jump(session: Session, preview: ScenarioPreview, *, node_id: str, position: int, target: str,
         values: Mapping[str, str] | None = None) -> ScenarioPreview:
    """Move the preview to the `target` node, keeping the variables but for those `values` sets (as typed)."""
    _check_at(preview, node_id, position)
    scenario = scenario_of(preview)
    if target not in scenario.nodes:
        raise Refused(_l("Choose a node of the scenario."), "target")
    variables = {**preview.state["variables"], **checked_values(scenario, values or {})}
    _save(session, preview, _at(scenario, target, variables), {"jump": target, "variables": variables})
    return preview


def set_language(session: Session, preview: ScenarioPreview, language: str) -> ScenarioPreview:
    """Play on in the other language: the conversation so far is shown in it too."""
    if language not in PLAY_LANGUAGES:
        raise Refused(_l("Choose Welsh or English."), "language")
    preview.language = language
    _flush(session)
    return preview


def conversation(preview: ScenarioPreview, language: str) -> tuple[list[Turn], AttemptState]:
    """The turns so far, each jump starting a new run of turns at the node jumped to; and the state now."""
    scenario = scenario_of(preview)
    turns: list[Turn] = []
    state, run, jumped = engine.start(scenario), [], False
    for entry in [*preview.steps, None]:
        if entry is not None and "jump" not in entry:
            run.append(Step(scenario.id, scenario.version, entry["node_id"], entry.get("choice"), entry.get("text")))
            continue
        part, state = walk(scenario, run, language, state)
        turns += [replace(part[0], jumped=True), *part[1:]] if jumped else part
        if entry is not None:
            state, run, jumped = _at(scenario, entry["jump"], entry["variables"]), [], True
    return turns, state


@dataclass(frozen=True)
class Debrief:
    """What the learner's debrief shows, for a preview: nothing is claimed, there is no programme."""

    turns: list[Turn]
    ending: dict[str, str] | None
    meters: list[Meter]
    shown: list[TouchedCriterion]
    failed: list[TouchedCriterion]


def debrief(session: Session, preview: ScenarioPreview, reading: str) -> Debrief:
    """The path, the ending, the meters (in the language played) and the criteria touched (in `reading`)."""
    scenario = scenario_of(preview)
    turns, state = conversation(preview, preview.language)
    moves = [Step(scenario.id, scenario.version, entry["node_id"], entry.get("choice"), entry.get("text"))
             for entry in preview.steps if "jump" not in entry]
    touched = engine.criteria_touched(scenario, moves)
    return Debrief(turns, ending_of(scenario, state, preview.language), meters(scenario, state.variables, preview.language),
                   resolve_criteria(session, touched.shown, [], reading),
                   resolve_criteria(session, touched.failed, [], reading))


def _move(session: Session, preview: ScenarioPreview, node_id: str, position: int, move: Move,
          entry: dict) -> ScenarioPreview:
    if position == len(preview.steps) - 1 and preview.steps[-1] == entry:
        return preview  # the same reply posted twice: it is recorded once
    _check_at(preview, node_id, position)
    scenario = scenario_of(preview)
    state = state_of(preview)
    if engine.is_ended(scenario, state):
        raise StaleStep()
    _save(session, preview, moved(scenario, state, move), entry)
    return preview


def _check_at(preview: ScenarioPreview, node_id: str, position: int) -> None:
    if position != len(preview.steps) or node_id != preview.state["node_id"]:
        raise StaleStep()


def _at(scenario: Scenario, node_id: str, variables: Mapping[str, Value]) -> AttemptState:
    return AttemptState(scenario.id, scenario.version, node_id, MappingProxyType(dict(variables)))


def _save(session: Session, preview: ScenarioPreview, state: AttemptState, entry: dict) -> None:
    try:
        with session.begin_nested():
            preview.steps = [*preview.steps, entry]
            preview.state = snapshot(state)
            session.flush()
    except StaleDataError:
        raise StaleStep() from None


def _flush(session: Session) -> None:
    try:
        session.flush()
    except (IntegrityError, StaleDataError):
        session.rollback()
        raise Conflict(_l("This preview was changed in another tab or window at the same moment. Here it is as it "
                          "stands now.")) from None

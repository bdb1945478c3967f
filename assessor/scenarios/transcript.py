"""An attempt read back as a conversation: the play page, the debrief and the assessor's transcript."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from . import engine
from .catalogue import scenario_of, text
from .engine import AttemptState, Step
from .expressions import Value
from .format import Scenario, node_kind
from .models import Attempt

OUTCOME_LABELS = {
    "resolved": _l("Resolved"),
    "resolved_with_cost": _l("Resolved at a cost"),
    "escalated": _l("Escalated"),
    "referred": _l("Referred to another service"),
    "relationship_lost": _l("Relationship lost"),
    "unresolved": _l("Unresolved"),
}


def outcome_label(outcome: str | None) -> str:
    return str(OUTCOME_LABELS.get(outcome or "", outcome or ""))


@dataclass(frozen=True)
class Dimension:
    label: str
    guidance: str


@dataclass(frozen=True)
class Rubric:
    """What the assessor judges a free-text reply against."""

    prompt: str
    guidance: str
    min_words: int
    evidences: tuple[str, ...]
    dimensions: tuple[Dimension, ...]
    exemplar: str


@dataclass(frozen=True)
class Turn:
    """The client's message at a node and, once the learner has answered, their reply."""

    node_id: str
    client: str
    reply: str | None = None
    free_text: bool = False
    feedback: str = ""
    shows: tuple[str, ...] = ()
    fails_to_show: tuple[str, ...] = ()
    rubric: Rubric | None = None
    ending: bool = False
    #: an author's preview jumped to this node (never so in an attempt)
    jumped: bool = False


@dataclass(frozen=True)
class Meter:
    name: str
    label: str
    value: Value
    minimum: float | None
    maximum: float | None
    #: the language the scenario is played in: the whole meter is worded in it, as its label is
    language: str | None = None

    @property
    def is_gauge(self) -> bool:
        """A number between bounds, shown as a <meter> as well as in words."""
        return not isinstance(self.value, bool) and self.minimum is not None and self.maximum is not None

    @property
    def text(self) -> str:
        played = self.language if self.language not in (None, str(get_locale())) else None
        with force_locale(played) if played else nullcontext():
            return self._worded()

    def _worded(self) -> str:
        if isinstance(self.value, bool):
            return _("%(label)s: %(value)s", label=self.label, value=_("yes") if self.value else _("no"))
        if self.maximum is None:
            return _("%(label)s: %(value)s", label=self.label, value=_number(self.value))
        return _("%(label)s: %(value)s of %(maximum)s", label=self.label, value=_number(self.value),
                 maximum=_number(self.maximum))


def _number(value: Value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def steps_of(attempt: Attempt) -> list[Step]:
    row = attempt.scenario_version
    return [Step(row.scenario_id, row.version, step.node_id, step.choice, step.text) for step in attempt.steps]


def walk(scenario: Scenario, steps: Sequence[Step], language: str,
         state: AttemptState | None = None) -> tuple[list[Turn], AttemptState]:
    """One turn per step from `state` (the start), then the turn of the node the attempt has reached; and the state there."""
    state = state or engine.start(scenario)
    turns = []
    for step in steps:
        turns.append(_answered_turn(scenario, state, step, language))
        state = advance(scenario, state, step)
    turns.append(Turn(state.node_id, engine.client_text(scenario, state, language),
                      ending=engine.is_ended(scenario, state)))
    return turns, state


def advance(scenario: Scenario, state: AttemptState, step: Step) -> AttemptState:
    """The state after one stored step (EngineError if it does not fit)."""
    if step.node_id != state.node_id:
        raise engine.EngineError(f"step at {step.node_id!r} does not follow from node {state.node_id!r}")
    if step.choice is not None:
        return engine.choose(scenario, state, step.choice)
    return engine.answer(scenario, state, step.text or "")


def _answered_turn(scenario: Scenario, state: AttemptState, step: Step, language: str) -> Turn:
    node = engine.current_node(scenario, state)
    client = engine.client_text(scenario, state, language)
    if step.choice is not None:
        choice = node["choices"][step.choice]
        return Turn(step.node_id, client, engine.render(text(choice["text"], language), state.variables),
                    feedback=text(choice.get("feedback"), language), shows=tuple(choice.get("shows") or ()),
                    fails_to_show=tuple(choice.get("fails_to_show") or ()))
    rubric = free_text_rubric(node["free_text"], state.variables, language)
    return Turn(step.node_id, client, step.text or "", free_text=True, shows=rubric.evidences, rubric=rubric)


def free_text_rubric(spec: Mapping[str, Any], variables: Mapping[str, Value], language: str) -> Rubric:
    rubric = spec.get("rubric") or {}
    dimensions = tuple(Dimension(text(d.get("label"), language) or d["id"], text(d.get("guidance"), language))
                       for d in rubric.get("dimensions") or [])
    return Rubric(engine.render(text(spec.get("prompt"), language), variables),
                  engine.render(text(spec.get("guidance"), language), variables),
                  int(spec.get("min_words") or 0), tuple(spec.get("evidences") or ()), dimensions,
                  text(rubric.get("exemplar"), language))


def meters(scenario: Scenario, variables: Mapping[str, Value], language: str) -> list[Meter]:
    """The variables the scenario marks visible, with their labels in `language`."""
    labels = scenario.document.get("state") or {}
    return [Meter(name, text(labels[name].get("label"), language) or name, variables[name],
                  variable.minimum, variable.maximum, language)
            for name, variable in scenario.variables.items() if variable.visible]


def ending_of(scenario: Scenario, state: AttemptState, language: str) -> dict[str, str] | None:
    """The ending's outcome, its label and debrief, once the attempt has reached one."""
    node = engine.current_node(scenario, state)
    if node_kind(node) != "ending":
        return None
    ending = node["ending"]
    return {"outcome": ending["outcome"], "outcome_label": outcome_label(ending["outcome"]),
            "label": text(ending.get("label"), language), "debrief": text(ending.get("debrief"), language)}


@dataclass(frozen=True)
class Transcript:
    attempt_id: int
    title: str
    scenario_id: str
    version: int
    persona: str
    persona_role: str
    organisation: str
    started_at: datetime
    finished_at: datetime | None
    turns: list[Turn]
    ending: dict[str, str] | None
    reflection: str

    @property
    def reflection_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.reflection.replace("\r\n", "\n").split("\n\n") if part.strip()]


def transcript_of(attempt: Attempt, language: str, reflection: str | None = None) -> Transcript:
    scenario = scenario_of(attempt.scenario_version)
    turns, state = walk(scenario, steps_of(attempt), language)
    persona = scenario.document["persona"]
    return Transcript(attempt.id, text(scenario.document["title"], language), scenario.id, scenario.version,
                      persona["name"], text(persona.get("role"), language), persona.get("organisation", ""),
                      attempt.started_at, attempt.finished_at, turns, ending_of(scenario, state, language),
                      attempt.reflection if reflection is None else reflection)


def transcript_for(session: Session, evidence, language: str = "en") -> Transcript | None:
    """The transcript of a scenario evidence item's attempt, or None for any other evidence."""
    attempt_id = attempt_named(evidence)
    attempt = session.get(Attempt, attempt_id) if attempt_id is not None else None
    if attempt is None or attempt.learner_id != evidence.learner_id:
        return None
    return transcript_of(attempt, language, reflection=evidence.body or attempt.reflection)


def attempt_named(evidence) -> int | None:
    """The id of the attempt a scenario evidence item (or a frozen version of one) rests on; None for other evidence."""
    attempt_id = (evidence.details or {}).get("attempt_id") if evidence.kind == "scenario" else None
    return attempt_id if isinstance(attempt_id, int) else None

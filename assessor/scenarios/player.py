"""Playing a scenario: start, move on step by step, restart. Every step is stored, so an attempt resumes."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _
from flask_babel import lazy_ngettext as ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..core.acts import Refused
from ..evidence.mapping import learner_enrolments
from ..permissions import is_learner
from ..standards.models import Standard
from ..timeutil import utcnow
from . import engine
from .catalogue import cited_standards, newest_versions, playable_version, scenario_of
from .engine import AttemptState
from .format import Scenario
from .models import Attempt, AttemptStep, ScenarioVersion
from .transcript import steps_of

Move = Callable[[Scenario, AttemptState], AttemptState]


class StaleStep(Refused):
    """A reply posted for a point the conversation has already left (a second tab, an old page)."""

    def __init__(self) -> None:
        super().__init__(_("This conversation has moved on since that page was loaded, perhaps in another tab "
                           "or window, so your reply was not sent. Here is where the conversation stands now."))


@dataclass(frozen=True)
class Entry:
    """A scenario on the index: its newest version, the standards it cites, and the learner's attempts."""

    row: ScenarioVersion
    #: (standard, whether the learner is enrolled on it)
    standards: list[tuple[Standard, bool]]
    #: newest first
    attempts: list[Attempt]

    @property
    def in_progress(self) -> Attempt | None:
        return self.attempts[0] if self.attempts and self.attempts[0].finished_at is None else None


def entries(session: Session, learner: User) -> list[Entry]:
    enrolled = {enrolment.standard.urn for enrolment in learner_enrolments(session, learner.id)}
    attempts = attempts_by_scenario(session, learner.id)
    return [Entry(row, [(standard, standard.urn in enrolled) for standard in cited_standards(session, row)],
                  attempts.get(row.scenario_id, []))
            for row in newest_versions(session, learner.provider_id)]


def attempts_by_scenario(session: Session, learner_id: int) -> dict[str, list[Attempt]]:
    """The learner's attempts grouped by scenario id, newest first."""
    query = (select(Attempt).join(ScenarioVersion).where(Attempt.learner_id == learner_id)
             .order_by(Attempt.started_at.desc(), Attempt.id.desc()))
    grouped: dict[str, list[Attempt]] = {}
    for attempt in session.scalars(query):
        grouped.setdefault(attempt.scenario_version.scenario_id, []).append(attempt)
    return grouped


def latest_attempt(session: Session, learner_id: int, scenario_id: str) -> Attempt | None:
    query = (select(Attempt).join(ScenarioVersion)
             .where(Attempt.learner_id == learner_id, ScenarioVersion.scenario_id == scenario_id)
             .order_by(Attempt.started_at.desc(), Attempt.id.desc()).limit(1))
    return session.scalar(query)


def start_attempt(session: Session, learner: User, row: ScenarioVersion) -> Attempt:
    """A new attempt on this version, or the learner's unfinished attempt on the scenario (resume it)."""
    if not is_learner(learner):
        raise Refused(_("Only learners play the scenarios."))
    latest = latest_attempt(session, learner.id, row.scenario_id)
    if latest is not None and latest.finished_at is None:
        return latest
    return _new_attempt(session, learner, row)


def restart(session: Session, learner: User, attempt: Attempt) -> Attempt:
    """A new attempt on the scenario's newest version; the old one is kept as it is."""
    scenario_id = attempt.scenario_version.scenario_id
    latest = latest_attempt(session, learner.id, scenario_id)
    if latest is not None and latest.id != attempt.id and latest.finished_at is None:
        return latest
    newest = playable_version(session, scenario_id, learner.provider_id)
    if newest is None:
        raise Refused(_("This scenario has been retired: no new attempts can be started. Your earlier attempts are kept."))
    return _new_attempt(session, learner, newest)


def _new_attempt(session: Session, learner: User, row: ScenarioVersion) -> Attempt:
    state = engine.start(scenario_of(row))
    attempt = Attempt(learner_id=learner.id, scenario_version=row, started_at=utcnow(),
                      state=snapshot(state))
    session.add(attempt)
    session.flush()
    return attempt


def state_of(attempt: Attempt) -> AttemptState:
    """The attempt's state, rebuilt from its stored steps on its own scenario version."""
    return engine.replay(scenario_of(attempt.scenario_version), steps_of(attempt))


def take_choice(session: Session, attempt: Attempt, *, node_id: str, position: int, choice: int) -> Attempt:
    return _move(session, attempt, node_id, position, lambda scenario, state: engine.choose(scenario, state, choice),
                 same=lambda step: step.choice == choice)


def give_answer(session: Session, attempt: Attempt, *, node_id: str, position: int, text: str) -> Attempt:
    text = text.strip()
    return _move(session, attempt, node_id, position, lambda scenario, state: engine.answer(scenario, state, text),
                 same=lambda step: step.text == text)


def _move(session: Session, attempt: Attempt, node_id: str, position: int, move: Move,
          same: Callable[[AttemptStep], bool]) -> Attempt:
    steps = attempt.steps
    if position == len(steps) - 1 and steps[-1].node_id == node_id and same(steps[-1]):
        return attempt  # the same reply posted twice: it is recorded once
    scenario = scenario_of(attempt.scenario_version)
    state = state_of(attempt)
    if attempt.finished_at is not None or position != len(steps) or node_id != state.node_id:
        raise StaleStep()
    _record(session, attempt, scenario, state, moved(scenario, state, move))
    return attempt


def moved(scenario: Scenario, state: AttemptState, move: Move) -> AttemptState:
    """The state after the move; Refused, beside the reply, when the scenario does not allow it here."""
    try:
        return move(scenario, state)
    except engine.TooShort as error:
        raise Refused(_too_short(error.words, error.minimum), field="answer") from None
    except engine.EngineError:
        raise Refused(_("That reply is not open at this point of the conversation. Choose one of the "
                        "replies shown."), field="choice") from None


def _too_short(words: int, minimum: int) -> str:
    written = ngettext("Your reply has %(num)d word.", "Your reply has %(num)d words.", words)
    return _("%(written)s Write at least %(minimum)d words.", written=written, minimum=minimum)


def _record(session: Session, attempt: Attempt, scenario: Scenario, before: AttemptState, after: AttemptState) -> None:
    step = after.steps[-1]
    feedback = None
    if step.choice is not None:
        feedback = engine.current_node(scenario, before)["choices"][step.choice].get("feedback")
    try:
        with session.begin_nested():
            attempt.steps.append(AttemptStep(position=len(before.steps), node_id=step.node_id, choice=step.choice,
                                             text=step.text, feedback=feedback, variables=dict(after.variables),
                                             at=utcnow()))
            attempt.state = snapshot(after)
            if engine.is_ended(scenario, after):
                attempt.finished_at, attempt.outcome = utcnow(), engine.outcome(scenario, after)
            session.flush()
    except (IntegrityError, StaleDataError):
        raise StaleStep() from None


def snapshot(state: AttemptState) -> dict:
    """The node and the variables, as stored beside the steps."""
    return {"node_id": state.node_id, "variables": dict(state.variables)}


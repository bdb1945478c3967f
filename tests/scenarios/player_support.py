"""Helpers for the player's tests and access rows: shipped scenarios in the database, and playing them."""
from functools import cache
from pathlib import Path

from assessor.scenarios import engine
from assessor.scenarios.catalogue import find_version, load_document, scenario_of
from assessor.scenarios.loader import load_file
from assessor.scenarios.player import give_answer, start_attempt, state_of, take_choice

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
FIXTURE = Path(__file__).parent / "fixtures" / "valid.yaml"
#: cites SKSCMGS11, the standard the test world's learners are enrolled on
ON_PROGRAMME = "creative-agency-new-decision-maker"


@cache
def _parsed(path: Path) -> dict:
    return load_file(path).data


def document(scenario_id: str) -> dict:
    """A shipped scenario's parsed YAML (a fresh copy each time)."""
    import copy

    return copy.deepcopy(_parsed(SCENARIOS / f"{scenario_id}.yaml"))


def fixture_document() -> dict:
    import copy

    return copy.deepcopy(_parsed(FIXTURE))


def load(session, data: dict):
    """The ScenarioVersion for a document, loaded if it is not there yet."""
    load_document(session, data)
    return find_version(session, data["id"], data["version"])


def load_shipped(session, scenario_id: str = ON_PROGRAMME):
    return load(session, document(scenario_id))


def words(count: int) -> str:
    return " ".join(["word"] * count)


def play_to_end(session, attempt, choose=lambda options: options[0][0]):
    """Play an attempt to an ending: `choose` picks from the open choices; written replies are just long enough."""
    scenario = scenario_of(attempt.scenario_version)
    for _turn in range(100):
        state = state_of(attempt)
        node = engine.current_node(scenario, state)
        position = len(attempt.steps)
        if "choices" in node:
            take_choice(session, attempt, node_id=state.node_id, position=position,
                        choice=choose(engine.available_choices(scenario, state)))
        elif "free_text" in node:
            give_answer(session, attempt, node_id=state.node_id, position=position,
                        text=words(node["free_text"].get("min_words", 0) + 1))
        else:
            return attempt
    raise AssertionError("no ending after 100 steps")


def finished_attempt(session, learner, scenario_id: str = ON_PROGRAMME):
    attempt = start_attempt(session, learner, load_shipped(session, scenario_id))
    return play_to_end(session, attempt)

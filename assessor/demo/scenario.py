"""The demo provider's own scenario, written by its administrator through the authoring services: version 1
published (live, as the provider asks for no review), and the draft saved since with a small change, so the author
sees a draft ahead of its live version and a second publish has something to show under "What changed"."""
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.acts import Refused
from ..scenarios.authoring import create_draft, publish, save_draft
from ..scenarios.models import ScenarioDraft
from .people import PROVIDER_ADMIN_PERSON, DemoError, DemoOutcome

SCENARIO_FILE = Path(__file__).with_name("coleg-enghraifft-swimming-refund.yaml")
SCENARIO_ID = SCENARIO_FILE.stem
#: the change saved after version 1 was published: a longer note asked of the learner
CHANGE = ("      min_words: 30\n", "      min_words: 40\n")


def create_scenario(session: Session, outcome: DemoOutcome) -> None:
    """Write, publish and change the provider's scenario, unless its draft is already there."""
    provider_id = outcome.cohort.provider_id
    found = session.scalar(select(ScenarioDraft).where(ScenarioDraft.scenario_id == SCENARIO_ID))
    if found is not None:
        if found.provider_id != provider_id:
            raise DemoError(f"the scenario id {SCENARIO_ID} is already another provider's")
        return
    author = outcome.users[PROVIDER_ADMIN_PERSON.email]
    try:
        draft = create_draft(session, author, provider_id, SCENARIO_FILE.read_text(encoding="utf-8"))
        publish(session, author, draft, draft.revision, "")
        save_draft(session, author, draft, draft.source.replace(*CHANGE), draft.revision)
    except Refused as refused:
        raise DemoError(f"the demo scenario {SCENARIO_ID} could not be published: {refused}") from None
    outcome.created["scenario"] += 1

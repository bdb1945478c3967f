"""A provider's own scenario shared with the site: the provider offers it, a site administrator accepts it (every
provider's learners then start its newest live version, later versions included) or declines it with a note, and
the provider may withdraw it. Every step is in the audit chain."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..audit.labels import register_sentences
from ..audit.services import record
from ..core.acts import Locked, Refused
from ..permissions import can_author_scenarios, can_decide_shared_scenarios
from ..timeutil import utcnow
from .authoring import live_versions
from .events import scenario_offered, share_decided
from .models import DECLINED, OFFERED, PRIVATE, SHARED, ScenarioDraft
from .review import NOTE_MAX, change_if

register_sentences({
    ("scenario_draft", "offered"): (_l("Scenario offered to the site"), _l("Scenario offered to the site")),
    ("scenario_draft", "offer_withdrawn"): (_l("Scenario taken back from the site"), _l("Scenario taken back from the site")),
    ("scenario_draft", "share_accepted"): (_l("Scenario shared with every provider"), _l("Scenario shared with the site")),
    ("scenario_draft", "share_declined"): (_l("Scenario's offer to the site declined"), _l("Offer to the site declined")),
})

STATE = ScenarioDraft.__table__.c.shared_state


def offer(session: Session, author: User, draft: ScenarioDraft) -> ScenarioDraft:
    """Offer a published scenario to the site: a site administrator decides."""
    if not can_author_scenarios(author, draft.provider_id):
        raise Refused(_l("Only your provider's administrators and scenario authors offer its scenarios to the site."))
    if draft.retired_at is not None:
        raise Locked(_l("This scenario is retired: it cannot be offered to the site."))
    if not live_versions(session, draft):
        raise Refused(_l("Publish a version learners can start before offering the scenario to the site."))
    change_if(session, draft, STATE.in_((PRIVATE, DECLINED)), shared_state=OFFERED, offered_by_id=author.id,
              offered_at=utcnow(), share_decided_by_id=None, share_decided_at=None, share_note=None)
    record(session, author, "offered", "scenario_draft", draft.id, after={"scenario_id": draft.scenario_id})
    scenario_offered.send(draft, session=session)
    return draft


def withdraw(session: Session, author: User, draft: ScenarioDraft) -> ScenarioDraft:
    """Take an offered or shared scenario back: from now on only the provider's own learners start it."""
    if not can_author_scenarios(author, draft.provider_id):
        raise Refused(_l("Only your provider's administrators and scenario authors withdraw its scenarios from the site."))
    before = draft.shared_state
    change_if(session, draft, STATE.in_((OFFERED, SHARED)), shared_state=PRIVATE)
    record(session, author, "offer_withdrawn", "scenario_draft", draft.id,
           before={"shared_state": before}, after={"scenario_id": draft.scenario_id, "shared_state": PRIVATE})
    return draft


def accept(session: Session, admin: User, draft: ScenarioDraft) -> ScenarioDraft:
    """Every provider's learners start the scenario's newest live version from now on."""
    _check_site_admin(admin)
    change_if(session, draft, STATE == OFFERED, shared_state=SHARED, share_decided_by_id=admin.id,
              share_decided_at=utcnow(), share_note=None)
    record(session, admin, "share_accepted", "scenario_draft", draft.id, after={"scenario_id": draft.scenario_id})
    share_decided.send(draft, session=session)
    return draft


def decline(session: Session, admin: User, draft: ScenarioDraft, note: str) -> ScenarioDraft:
    """The scenario stays the provider's own; the note tells its authors why."""
    _check_site_admin(admin)
    note = (note or "").strip()
    if not note:
        raise Refused(_l("Say why the scenario is not shared, so its authors can act on it."), "note")
    if len(note) > NOTE_MAX:
        raise Refused(_l("The note can be at most %(count)s characters long.", count=f"{NOTE_MAX:,}"), "note")
    change_if(session, draft, STATE == OFFERED, shared_state=DECLINED, share_decided_by_id=admin.id,
              share_decided_at=utcnow(), share_note=note)
    record(session, admin, "share_declined", "scenario_draft", draft.id,
           after={"scenario_id": draft.scenario_id, "note": note})
    share_decided.send(draft, session=session)
    return draft


def offers(session: Session, *states: str) -> list[ScenarioDraft]:
    """Scenarios in these sharing states, of every provider, oldest offer first."""
    return list(session.scalars(select(ScenarioDraft).where(ScenarioDraft.shared_state.in_(states))
                                .options(selectinload(ScenarioDraft.provider))
                                .order_by(ScenarioDraft.offered_at, ScenarioDraft.id)))


def _check_site_admin(user: User) -> None:
    if not can_decide_shared_scenarios(user):
        raise Refused(_l("Only a site administrator shares a provider's scenario with the site."))

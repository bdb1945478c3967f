"""Review before learners see it: a provider may ask that each scenario version its authors publish waits until a
second author, an administrator or an assessor of the provider approves it. Every decision is in the audit chain."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..audit.labels import register_sentences
from ..audit.services import record
from ..core.acts import Locked, Refused
from ..organisations.models import Provider
from ..permissions import can_administer, can_review_scenario, may_review_scenarios
from ..timeutil import utcnow
from .events import version_reviewed
from .models import AWAITING_REVIEW, LIVE, REJECTED, ScenarioDraft, ScenarioVersion

#: the longest note a reviewer may send back
NOTE_MAX = 5000

register_sentences({
    ("scenario_version", "approved"): (_l("Scenario version approved: learners start it"), _l("Scenario version approved")),
    ("scenario_version", "sent_back"): (_l("Scenario version sent back to its authors"), _l("Scenario version sent back")),
    ("provider", "scenario_review_on"): (_l("Scenario versions now need a review before learners see them"),
                                         _l("Scenario review turned on")),
    ("provider", "scenario_review_off"): (_l("Scenario versions now go live as soon as they are published"),
                                          _l("Scenario review turned off")),
})


def review_required(session: Session, provider_id: int | None) -> bool:
    provider = session.get(Provider, provider_id) if provider_id is not None else None
    return bool(provider and provider.scenario_review_required)


def state_on_publishing(session: Session, provider_id: int | None) -> str:
    """Live at once, or awaiting review when the provider asks for one."""
    return AWAITING_REVIEW if review_required(session, provider_id) else LIVE


def set_review_required(session: Session, user: User, provider_id: int | None, required: bool) -> bool:
    """Turn review on or off for the provider's scenarios; False when it already was so (nothing recorded).

    Turning it off puts no version live: versions already waiting keep waiting until a reviewer approves or sends
    each back (the audit entry counts them), so nothing reaches learners that nobody decided on."""
    if not can_administer(user, provider_id):
        raise Refused(_l("Only your provider's administrators decide whether its scenarios are reviewed."))
    provider = session.get(Provider, provider_id)
    if provider.scenario_review_required == required:
        return False
    provider.scenario_review_required = required
    after = {"scenario_review_required": required} if required else {
        "scenario_review_required": False, "still_waiting": waiting_count(session, provider_id)}
    record(session, user, "scenario_review_on" if required else "scenario_review_off", "provider", provider.id,
           before={"scenario_review_required": not required}, after=after)
    return True


def approve(session: Session, reviewer: User, row: ScenarioVersion) -> ScenarioVersion:
    """The version goes live: learners of the provider (and of every provider, if shared) start it from now on."""
    _check_reviewer(reviewer, row)
    _decide(session, reviewer, row, LIVE, None)
    _record(session, reviewer, row, "approved")
    version_reviewed.send(row, session=session)
    return row


def send_back(session: Session, reviewer: User, row: ScenarioVersion, note: str) -> ScenarioVersion:
    """The version never goes live; the note tells the authors what to change before publishing again."""
    _check_reviewer(reviewer, row)
    note = (note or "").strip()
    if not note:
        raise Refused(_l("Say what the authors should change before a version can go live."), "note")
    if len(note) > NOTE_MAX:
        raise Refused(_l("The note can be at most %(count)s characters long.", count=f"{NOTE_MAX:,}"), "note")
    _decide(session, reviewer, row, REJECTED, note)
    _record(session, reviewer, row, "sent_back", note=note)
    version_reviewed.send(row, session=session)
    return row


def waiting(session: Session, provider_id: int | None) -> list[ScenarioVersion]:
    """The provider's versions awaiting review, oldest first."""
    return list(session.scalars(select(ScenarioVersion)
                                .where(ScenarioVersion.provider_id == provider_id,
                                       ScenarioVersion.review_state == AWAITING_REVIEW)
                                .options(selectinload(ScenarioVersion.published_by))
                                .order_by(ScenarioVersion.loaded_at, ScenarioVersion.id)))


def waiting_count(session: Session, provider_id: int | None) -> int:
    return session.scalar(select(func.count(ScenarioVersion.id))
                          .where(ScenarioVersion.provider_id == provider_id,
                                 ScenarioVersion.review_state == AWAITING_REVIEW)) or 0


def draft_of(session: Session, row: ScenarioVersion) -> ScenarioDraft | None:
    """The provider's draft a version was published from."""
    return session.scalar(select(ScenarioDraft).where(ScenarioDraft.scenario_id == row.scenario_id,
                                                      ScenarioDraft.provider_id == row.provider_id))


def change_if(session: Session, row, condition, **values) -> None:
    """Change the row only while `condition` holds in the database (another tab or person may have acted since the
    page was loaded); Locked when it no longer does. The row is read afresh afterwards."""
    table = type(row).__table__
    done = session.execute(update(table).where(table.c.id == row.id, condition).values(**values))
    session.expire(row)
    if done.rowcount != 1:
        raise Locked(_l("Someone has already acted on this (perhaps you, in another tab): here it is as it stands now."))


def _check_reviewer(reviewer: User, row: ScenarioVersion) -> None:
    if not may_review_scenarios(reviewer, row.provider_id):
        raise Refused(_l("Only your provider's scenario authors, administrators and assessors review its scenarios."))
    if not can_review_scenario(reviewer, row.provider_id, row.published_by_id):
        raise Refused(_l("You published this version, so someone else reviews it: another author, an administrator "
                         "or an assessor of your provider."))


def _decide(session: Session, reviewer: User, row: ScenarioVersion, state: str, note: str | None) -> None:
    if row.review_state != AWAITING_REVIEW:
        raise Locked(_l("Version %(version)s has already been reviewed.", version=row.version))
    change_if(session, row, ScenarioVersion.__table__.c.review_state == AWAITING_REVIEW, review_state=state,
              reviewed_by_id=reviewer.id, reviewed_at=utcnow(), review_note=note)


def _record(session: Session, reviewer: User, row: ScenarioVersion, action: str, note: str | None = None) -> None:
    after = {"scenario_id": row.scenario_id, "version": row.version, "review_state": row.review_state}
    record(session, reviewer, action, "scenario_version", row.id, before={"review_state": AWAITING_REVIEW},
           after={**after, "note": note} if note else after)

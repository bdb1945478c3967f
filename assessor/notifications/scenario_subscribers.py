"""Notifications listen to scenarios: a version waiting for review and the review's outcome, a scenario offered to
the site and the site's answer. Each tells the people it concerns, as they chose, in the event's transaction."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User, UserRole
from ..permissions import can_author_scenarios, can_decide_shared_scenarios, can_review_scenario
from ..scenarios.authoring import published_versions
from ..scenarios.events import scenario_offered, share_decided, version_published, version_reviewed
from ..scenarios.models import AWAITING_REVIEW, ScenarioDraft, ScenarioVersion
from ..scenarios.review import draft_of
from . import kinds
from .links import current_delivery
from .services import notify

DRAFT_PAGE = "scenario_authoring.draft"


def scenario_names(row: ScenarioVersion) -> dict[str, str]:
    return {"cy": row.title, "en": row.title_en}


def draft_names(session: Session, draft: ScenarioDraft) -> dict[str, str]:
    """The titles of the draft's newest published version (its id while it has none)."""
    newest = next(iter(published_versions(session, draft)), None)
    return scenario_names(newest) if newest else {"cy": draft.scenario_id, "en": draft.scenario_id}


def reviewers_of(session: Session, row: ScenarioVersion) -> list[User]:
    """The provider's active administrators, scenario authors and assessors, the version's publisher excepted."""
    people = session.scalars(select(User).join(UserRole).where(User.provider_id == row.provider_id, User.active.is_(True))
                             .distinct().order_by(User.id))
    return [person for person in people if can_review_scenario(person, row.provider_id, row.published_by_id)]


@version_published.connect
def _review_waiting(row: ScenarioVersion, *, session: Session) -> None:
    if row.review_state != AWAITING_REVIEW:
        return
    params = {"publisher": row.published_by.name if row.published_by else "", "version": row.version,
              "scenario": scenario_names(row)}
    for reviewer in reviewers_of(session, row):
        notify(session, current_delivery(), reviewer, kinds.SCENARIO_REVIEW_WAITING, params, "scenario_review.version",
               version_id=row.id)


@version_reviewed.connect
def _reviewed(row: ScenarioVersion, *, session: Session) -> None:
    draft, publisher = draft_of(session, row), row.published_by
    if draft is None or publisher is None or not can_author_scenarios(publisher, row.provider_id):
        return
    params = {"outcome": row.review_state, "reviewer": row.reviewed_by.name if row.reviewed_by else "",
              "version": row.version, "scenario": scenario_names(row), "note": row.review_note or ""}
    notify(session, current_delivery(), publisher, kinds.SCENARIO_REVIEWED, params, DRAFT_PAGE, draft_id=draft.id)


@scenario_offered.connect
def _offered(draft: ScenarioDraft, *, session: Session) -> None:
    params = {"author": draft.offered_by.name if draft.offered_by else "", "provider": draft.provider.name,
              "scenario": draft_names(session, draft)}
    admins = session.scalars(select(User).where(User.is_site_admin.is_(True), User.active.is_(True)).order_by(User.id))
    for admin in admins:
        if can_decide_shared_scenarios(admin):
            notify(session, current_delivery(), admin, kinds.SCENARIO_OFFERED, params, "scenario_sharing.offer_page",
                   draft_id=draft.id)


@share_decided.connect
def _share_decided(draft: ScenarioDraft, *, session: Session) -> None:
    author = draft.offered_by
    if author is None or not can_author_scenarios(author, draft.provider_id):
        return
    params = {"outcome": draft.shared_state, "scenario": draft_names(session, draft), "note": draft.share_note or ""}
    notify(session, current_delivery(), author, kinds.SCENARIO_SHARE_DECIDED, params, DRAFT_PAGE, draft_id=draft.id)

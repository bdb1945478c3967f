"""Sharing a provider's scenario with the site: offer, accept, decline, withdraw; who sees it then."""
import pytest
from sqlalchemy import select

from assessor.audit.models import AuditEntry
from assessor.audit.services import chain_pending
from assessor.core.acts import Locked, Refused
from assessor.permissions import can_see_scenario
from assessor.scenarios import authoring, review, sharing
from assessor.scenarios.catalogue import newest_versions, playable_version
from assessor.scenarios.models import DECLINED, OFFERED, PRIVATE, SHARED
from assessor.scenarios.player import entries, start_attempt

from .authoring_support import SOURCE
from .conftest import TEST_STANDARDS


def publish(session, author, draft):
    return authoring.publish(session, author, draft, draft.revision, "", TEST_STANDARDS)


@pytest.fixture
def draft(db_session, world):
    return authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)


@pytest.fixture
def published(db_session, world, draft):
    return publish(db_session, world.a.admin, draft)


@pytest.fixture
def offered(db_session, world, draft, published):
    return sharing.offer(db_session, world.a.admin, draft)


def actions(session, draft):
    chain_pending(session)
    return [entry.action for entry in session.scalars(select(AuditEntry).where(
        AuditEntry.entity == "scenario_draft", AuditEntry.entity_id == draft.id).order_by(AuditEntry.seq))]


def test_a_draft_is_private_and_an_unpublished_one_cannot_be_offered(db_session, world, draft):
    assert draft.shared_state == PRIVATE
    with pytest.raises(Refused):
        sharing.offer(db_session, world.a.admin, draft)


def test_only_the_providers_authors_offer(db_session, world, draft, published):
    for person in (world.a.assessor, world.a.learner, world.b.admin, world.site_admin):
        with pytest.raises(Refused):
            sharing.offer(db_session, person, draft)


def test_an_offered_scenario_is_still_the_providers_own(db_session, world, draft, offered):
    assert draft.shared_state == OFFERED and draft.offered_by_id == world.a.admin.id
    assert playable_version(db_session, "acme-first-call", world.b.provider.id) is None
    assert sharing.offers(db_session, OFFERED) == [draft]
    with pytest.raises(Locked):
        sharing.offer(db_session, world.a.admin, draft)


def test_accepted_it_is_seen_by_another_providers_learners_with_later_live_versions(db_session, world, draft, offered):
    with pytest.raises(Refused):
        sharing.accept(db_session, world.a.admin, draft)
    sharing.accept(db_session, world.site_admin, draft)
    assert draft.shared_state == SHARED and draft.share_decided_by_id == world.site_admin.id
    other = world.b.learner
    row = playable_version(db_session, "acme-first-call", other.provider_id)
    assert row.version == 1 and "acme-first-call" in {entry.row.scenario_id for entry in entries(db_session, other)}
    assert start_attempt(db_session, other, row).scenario_version == row
    assert can_see_scenario(other, world.a.provider.id, shared=True)
    assert not can_see_scenario(other, world.a.provider.id)
    review.set_review_required(db_session, world.a.admin, world.a.provider.id, True)
    authoring.save_draft(db_session, world.a.admin, draft, draft.source.replace('en: "Title"', 'en: "Two"'),
                         draft.revision)
    second = publish(db_session, world.a.admin, draft)
    assert playable_version(db_session, "acme-first-call", other.provider_id) == row
    review.approve(db_session, world.a.assessor, second)
    assert playable_version(db_session, "acme-first-call", other.provider_id) == second
    assert actions(db_session, draft) == ["offered", "share_accepted"]


def test_declined_with_a_note_it_stays_private_and_may_be_offered_again(db_session, world, draft, offered):
    with pytest.raises(Refused) as refused:
        sharing.decline(db_session, world.site_admin, draft, " ")
    assert refused.value.field == "note"
    sharing.decline(db_session, world.site_admin, draft, "It names a real client.")
    assert draft.shared_state == DECLINED and draft.share_note == "It names a real client."
    assert playable_version(db_session, "acme-first-call", world.b.provider.id) is None
    with pytest.raises(Locked):
        sharing.accept(db_session, world.site_admin, draft)
    sharing.offer(db_session, world.a.admin, draft)
    assert draft.shared_state == OFFERED and draft.share_note is None
    assert actions(db_session, draft) == ["offered", "share_declined", "offered"]


def test_withdrawn_the_offer_cannot_be_accepted_and_sharing_ends(db_session, world, draft, offered):
    sharing.withdraw(db_session, world.a.admin, draft)
    assert draft.shared_state == PRIVATE
    with pytest.raises(Locked):
        sharing.accept(db_session, world.site_admin, draft)
    sharing.offer(db_session, world.a.admin, draft)
    sharing.accept(db_session, world.site_admin, draft)
    sharing.withdraw(db_session, world.a.admin, draft)
    assert "acme-first-call" not in {row.scenario_id for row in newest_versions(db_session, world.b.provider.id)}
    with pytest.raises(Locked):
        sharing.withdraw(db_session, world.a.admin, draft)
    assert actions(db_session, draft) == ["offered", "offer_withdrawn", "offered", "share_accepted", "offer_withdrawn"]


def test_a_retired_scenario_is_not_offered(db_session, world, draft, published):
    authoring.retire(db_session, world.a.admin, draft, draft.revision)
    with pytest.raises(Locked):
        sharing.offer(db_session, world.a.admin, draft)


def test_a_shared_scenario_awaiting_its_first_review_is_seen_by_nobody(db_session, world, draft):
    review.set_review_required(db_session, world.a.admin, world.a.provider.id, True)
    row = publish(db_session, world.a.admin, draft)
    with pytest.raises(Refused):
        sharing.offer(db_session, world.a.admin, draft)
    review.approve(db_session, world.a.assessor, row)
    sharing.offer(db_session, world.a.admin, draft)
    sharing.accept(db_session, world.site_admin, draft)
    assert playable_version(db_session, "acme-first-call", world.b.provider.id) == row

"""Review before learners see it: the provider's setting, versions awaiting review, who may decide, and the chain."""
import re

import pytest
from sqlalchemy import select

from assessor.accounts.models import SCENARIO_AUTHOR
from assessor.audit.models import AuditEntry
from assessor.audit.services import chain_pending
from assessor.core.acts import Locked, Refused
from assessor.permissions import can_review_scenario, may_review_scenarios
from assessor.scenarios import authoring, review
from assessor.scenarios.catalogue import newest_versions, playable_version
from assessor.scenarios.models import AWAITING_REVIEW, LIVE, REJECTED
from assessor.scenarios.player import restart, start_attempt

from ..factories import make_user
from .authoring_support import SOURCE
from .conftest import TEST_STANDARDS
from .player_support import play_to_end


def publish(session, author, draft, reason=""):
    return authoring.publish(session, author, draft, draft.revision, reason, TEST_STANDARDS)


def change(session, author, draft, title):
    source = re.sub(r'^title: .*$', f'title: {{cy: "Teitl", en: "{title}"}}', draft.source, flags=re.MULTILINE)
    authoring.save_draft(session, author, draft, source, draft.revision)


def entries_of(session, action):
    chain_pending(session)
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


@pytest.fixture
def draft(db_session, world):
    return authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)


@pytest.fixture
def reviewed(db_session, world):
    """Provider A asks for review."""
    review.set_review_required(db_session, world.a.admin, world.a.provider.id, True)
    return world.a.provider


def test_review_is_off_by_default_and_versions_go_live_at_once(db_session, world, draft):
    assert not world.a.provider.scenario_review_required
    row = publish(db_session, world.a.admin, draft)
    assert row.review_state == LIVE
    assert playable_version(db_session, "acme-first-call", world.a.provider.id) == row


def test_only_the_providers_administrators_turn_review_on_and_it_is_audited(db_session, world):
    for person in (world.a.assessor, world.a.learner, world.b.admin, world.site_admin):
        with pytest.raises(Refused):
            review.set_review_required(db_session, person, world.a.provider.id, True)
    assert review.set_review_required(db_session, world.a.admin, world.a.provider.id, True)
    assert not review.set_review_required(db_session, world.a.admin, world.a.provider.id, True)
    assert world.a.provider.scenario_review_required
    [entry] = entries_of(db_session, "scenario_review_on")
    assert entry.entity == "provider" and entry.entity_id == world.a.provider.id
    assert entry.after == {"scenario_review_required": True}


def test_with_review_on_a_published_version_waits_and_learners_see_nothing(db_session, world, reviewed, draft):
    row = publish(db_session, world.a.admin, draft)
    assert row.review_state == AWAITING_REVIEW
    assert playable_version(db_session, "acme-first-call", world.a.provider.id) is None
    assert "acme-first-call" not in {row.scenario_id for row in newest_versions(db_session, world.a.provider.id)}
    assert review.waiting(db_session, world.a.provider.id) == [row]
    assert review.waiting_count(db_session, world.a.provider.id) == 1
    assert review.waiting_count(db_session, world.b.provider.id) == 0


def test_an_assessor_approves_and_the_approval_is_in_the_chain(db_session, world, reviewed, draft):
    row = publish(db_session, world.a.admin, draft)
    review.approve(db_session, world.a.assessor, row)
    assert row.review_state == LIVE and row.reviewed_by_id == world.a.assessor.id and row.reviewed_at is not None
    assert playable_version(db_session, "acme-first-call", world.a.provider.id) == row
    [entry] = entries_of(db_session, "approved")
    assert entry.entity == "scenario_version" and entry.entity_id == row.id
    assert entry.actor_id == world.a.assessor.id and entry.after["review_state"] == LIVE


def test_the_publisher_never_reviews_their_own_version(db_session, world, reviewed, draft):
    row = publish(db_session, world.a.admin, draft)
    with pytest.raises(Refused) as refused:
        review.approve(db_session, world.a.admin, row)
    assert "You published this version" in str(refused.value)
    with pytest.raises(Refused):
        review.send_back(db_session, world.a.admin, row, "Not my own")
    assert row.review_state == AWAITING_REVIEW


def test_a_second_author_reviews_but_other_providers_iqas_and_learners_do_not(db_session, world, reviewed, draft):
    row = publish(db_session, world.a.admin, draft)
    for person in (world.a.iqa, world.a.learner, world.b.admin, world.b.assessor, world.site_admin):
        with pytest.raises(Refused):
            review.approve(db_session, person, row)
    second = make_user(db_session, provider=world.a.provider, roles=(SCENARIO_AUTHOR,))
    review.approve(db_session, second, row)
    assert row.review_state == LIVE


def test_the_predicates(world):
    a = world.a.provider.id
    assert may_review_scenarios(world.a.assessor, a) and may_review_scenarios(world.a.admin, a)
    assert not may_review_scenarios(world.a.iqa, a) and not may_review_scenarios(world.b.assessor, a)
    assert can_review_scenario(world.a.assessor, a, world.a.admin.id)
    assert not can_review_scenario(world.a.admin, a, world.a.admin.id)


def test_sending_back_needs_a_note_and_a_rejected_version_is_never_live(db_session, world, reviewed, draft):
    row = publish(db_session, world.a.admin, draft)
    with pytest.raises(Refused) as refused:
        review.send_back(db_session, world.a.assessor, row, "   ")
    assert refused.value.field == "note"
    review.send_back(db_session, world.a.assessor, row, "The client's first line needs a Welsh version.")
    assert row.review_state == REJECTED and row.review_note == "The client's first line needs a Welsh version."
    assert playable_version(db_session, "acme-first-call", world.a.provider.id) is None
    with pytest.raises(Locked):
        review.approve(db_session, world.a.assessor, row)
    assert row.review_state == REJECTED
    [entry] = entries_of(db_session, "sent_back")
    assert entry.after["note"] == "The client's first line needs a Welsh version."


def test_a_second_decision_is_locked(db_session, world, reviewed, draft):
    row = publish(db_session, world.a.admin, draft)
    review.approve(db_session, world.a.assessor, row)
    for decide in (lambda: review.approve(db_session, world.a.assessor, row),
                   lambda: review.send_back(db_session, world.a.assessor, row, "Too late")):
        with pytest.raises(Locked):
            decide()
    assert row.review_state == LIVE and row.review_note is None


def test_a_decision_made_elsewhere_since_the_row_was_read_is_locked(db_session, world, reviewed, draft):
    from sqlalchemy import update

    from assessor.scenarios.models import ScenarioVersion

    row = publish(db_session, world.a.admin, draft)
    db_session.execute(update(ScenarioVersion.__table__).where(ScenarioVersion.__table__.c.id == row.id)
                       .values(review_state=REJECTED, review_note="Elsewhere"))
    with pytest.raises(Locked):
        review.change_if(db_session, row, ScenarioVersion.__table__.c.review_state == AWAITING_REVIEW,
                         review_state=LIVE)
    assert row.review_state == REJECTED


def test_learners_start_the_newest_live_version_and_attempts_keep_theirs(db_session, world, draft):
    learner = world.a.learner
    first = publish(db_session, world.a.admin, draft)
    old = play_to_end(db_session, start_attempt(db_session, learner, first))
    review.set_review_required(db_session, world.a.admin, world.a.provider.id, True)
    change(db_session, world.a.admin, draft, "Second")
    second = publish(db_session, world.a.admin, draft)
    assert playable_version(db_session, "acme-first-call", learner.provider_id) == first
    waiting = restart(db_session, learner, old)
    assert waiting.scenario_version == first
    review.send_back(db_session, world.a.assessor, second, "Not yet")
    change(db_session, world.a.admin, draft, "Third")
    third = publish(db_session, world.a.admin, draft)
    assert third.version == 3
    assert playable_version(db_session, "acme-first-call", learner.provider_id) == first
    review.approve(db_session, world.a.assessor, third)
    assert playable_version(db_session, "acme-first-call", learner.provider_id) == third
    assert old.scenario_version == first and waiting.scenario_version == first


def test_the_publish_reason_is_kept_on_the_version(db_session, world, reviewed, draft):
    from .authoring_support import WITH_WARNING

    authoring.save_draft(db_session, world.a.admin, draft, WITH_WARNING, draft.revision)
    row = publish(db_session, world.a.admin, draft, reason="Same word in both languages.")
    assert row.publish_reason == "Same word in both languages."


def test_turning_review_off_leaves_waiting_versions_for_a_decision(db_session, world, reviewed, draft):
    row = publish(db_session, world.a.admin, draft)
    assert review.set_review_required(db_session, world.a.admin, world.a.provider.id, False)
    assert row.review_state == AWAITING_REVIEW and review.waiting(db_session, world.a.provider.id) == [row]
    assert playable_version(db_session, "acme-first-call", world.a.provider.id) is None
    [entry] = entries_of(db_session, "scenario_review_off")
    assert entry.after == {"scenario_review_required": False, "still_waiting": 1}
    assert review.approve(db_session, world.a.assessor, row).review_state == LIVE

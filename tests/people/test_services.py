"""The people of a provider: listing, roles, the last administrator, deactivation."""
import pytest

from assessor.accounts.lifetimes import Device, Lifetimes
from assessor.accounts.models import INVITE, LEARNER, PROVIDER_ADMIN
from assessor.accounts.services import AccountError, authenticate, issue_token, usable_token
from assessor.accounts.sessions import live_session, start_session
from assessor.people.services import deactivate, find_person, list_people, reactivate, set_roles

from ..factories import PASSWORD, make_user


@pytest.fixture
def ctx(app):
    with app.test_request_context():
        yield


def test_list_shows_only_the_providers_people_by_name(db_session, world):
    page = list_people(db_session, world.a.provider.id)
    assert page.total == 5
    assert {person.provider_id for person in page.people} == {world.a.provider.id}


def test_list_filters_by_role_and_searches_name_and_email(db_session, world):
    assert set(list_people(db_session, world.a.provider.id, role=LEARNER).people) == {world.a.learner, world.a.other_learner}
    assert list_people(db_session, world.a.provider.id, text="ASSESSOR.a@").people == [world.a.assessor]
    assert list_people(db_session, world.a.provider.id, text="%").total == 0


def test_list_pages(db_session, world):
    first = list_people(db_session, world.a.provider.id, page=1, per_page=2)
    last = list_people(db_session, world.a.provider.id, page=3, per_page=2)
    assert (first.pages, len(first.people), len(last.people)) == (3, 2, 1)


def test_another_providers_person_is_not_found(db_session, world):
    assert find_person(db_session, world.b.provider.id, world.a.learner.id) is None
    assert find_person(db_session, None, world.a.learner.id) is None
    assert find_person(db_session, world.a.provider.id, world.a.learner.id) is world.a.learner


def test_roles_are_replaced(ctx, db_session, world):
    set_roles(db_session, world.a.admin, world.a.learner, ["assessor", "iqa"])
    assert world.a.learner.role_names == {"assessor", "iqa"}


@pytest.mark.parametrize("roles", [[], ["superuser"]])
def test_roles_must_be_known_and_at_least_one(ctx, db_session, world, roles):
    with pytest.raises(AccountError):
        set_roles(db_session, world.a.admin, world.a.other_learner, roles)


def test_the_last_administrator_keeps_the_role(ctx, db_session, world):
    with pytest.raises(AccountError, match="only administrator"):
        set_roles(db_session, world.a.admin, world.a.admin, [LEARNER])
    assert world.a.admin.has_role(PROVIDER_ADMIN)


def test_an_administrator_can_step_down_when_another_remains(ctx, db_session, world):
    set_roles(db_session, world.a.admin, world.a.iqa, ["iqa", PROVIDER_ADMIN])
    set_roles(db_session, world.a.admin, world.a.admin, [LEARNER])
    assert not world.a.admin.has_role(PROVIDER_ADMIN)


def test_a_deactivated_or_invited_administrator_does_not_count(ctx, db_session, world):
    make_user(db_session, provider=world.a.provider, roles=[PROVIDER_ADMIN], password=False)
    retired = make_user(db_session, provider=world.a.provider, roles=[PROVIDER_ADMIN])
    retired.active = False
    with pytest.raises(AccountError):
        set_roles(db_session, world.a.admin, world.a.admin, [LEARNER])


def test_an_assigned_assessor_keeps_the_role(ctx, db_session, world):
    with pytest.raises(AccountError, match="still assigned"):
        set_roles(db_session, world.a.admin, world.a.assessor, ["iqa"])
    with pytest.raises(AccountError, match="still assigned"):
        set_roles(db_session, world.a.admin, world.a.iqa, ["assessor"])


def test_an_administrator_cannot_deactivate_themself(ctx, db_session, world):
    with pytest.raises(AccountError, match="cannot deactivate yourself"):
        deactivate(db_session, world.a.admin, world.a.admin)
    assert world.a.admin.active


def test_deactivation_stops_sign_in_ends_sessions_and_links_and_keeps_the_record(ctx, app, db_session, world):
    learner = world.a.learner
    token = issue_token(db_session, learner, INVITE)
    signed_in = start_session(db_session, learner, Lifetimes.from_config(app.config), Device())
    deactivate(db_session, world.a.admin, learner)
    deactivate(db_session, world.a.admin, learner)
    assert not learner.active and live_session(db_session, signed_in) is None
    assert authenticate(db_session, learner.email, PASSWORD) is None
    assert usable_token(db_session, token, INVITE) is None
    assert world.a.enrolment.member.learner is learner


def test_reactivation_lets_them_sign_in_again(ctx, db_session, world):
    deactivate(db_session, world.a.admin, world.a.learner)
    reactivate(db_session, world.a.admin, world.a.learner)
    assert authenticate(db_session, world.a.learner.email, PASSWORD) is world.a.learner

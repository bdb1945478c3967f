"""Providers: created with a first administrator, unique names, renamed, closed and reopened."""
import pytest
from sqlalchemy import select

from assessor.accounts.models import PROVIDER_ADMIN
from assessor.accounts.services import authenticate
from assessor.admin.services import create_provider, provider_page, rename_provider, set_provider_open
from assessor.mail.models import OutboxMessage
from assessor.mail.services import MailSettings

from ..factories import PASSWORD, make_cohort, make_provider
from assessor.core.acts import Refused

MAIL = MailSettings()


def _create(session, acting, name="Coleg Newydd", email="pennaeth@coleg.example"):
    return create_provider(
        session, MAIL, name=name, admin_name="Siân Jones", admin_email=email,
        link_for=lambda token: f"https://assessor.example/invitation/{token}", acting=acting,
    )


def _outbox(session, to: str) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == to)))


def test_a_new_provider_gets_its_first_administrator_invited(db_session, world):
    creation = _create(db_session, world.site_admin)
    (message,) = _outbox(db_session, "pennaeth@coleg.example")
    assert creation.created and creation.provider.active
    assert "https://assessor.example/invitation/" in message.body and "Coleg Newydd" in message.subject


def test_the_first_administrator_has_the_role_in_the_new_provider(db_session, world):
    from assessor.accounts.services import find_user_by_email

    provider = _create(db_session, world.site_admin).provider
    admin = find_user_by_email(db_session, "pennaeth@coleg.example")
    assert admin.provider_id == provider.id and admin.role_names == {PROVIDER_ADMIN}


def test_the_same_request_twice_creates_one_provider_and_one_invitation(db_session, world):
    first = _create(db_session, world.site_admin)
    again = _create(db_session, world.site_admin, name="coleg newydd")
    assert not again.created and again.provider.id == first.provider.id
    assert len(_outbox(db_session, "pennaeth@coleg.example")) == 1


def test_provider_names_are_unique_whatever_their_case(db_session, world):
    with pytest.raises(Refused, match="already a provider called Provider a") as refused:
        _create(db_session, world.site_admin, name="PROVIDER A", email="new@example.org")
    assert refused.value.field == "name"


def test_someone_in_another_provider_cannot_be_the_first_administrator(db_session, world):
    with pytest.raises(Refused) as refused:
        _create(db_session, world.site_admin, email=world.b.learner.email)
    assert refused.value.field == "admin_email"
    assert provider_page(db_session).total == 2  # the new provider was not kept


def test_the_list_counts_people_and_cohorts(db_session, world):
    empty = make_provider(db_session, "Aardvark Training")
    make_cohort(db_session, world.a.provider)
    rows = {row.name: (row.people, row.cohorts, row.active) for row in provider_page(db_session).rows}
    assert rows == {"Aardvark Training": (0, 0, True), "Provider a": (5, 2, True), "Provider b": (5, 1, True)}
    assert provider_page(db_session).rows[0].id == empty.id


def test_the_list_is_paginated(db_session, world):
    for number in range(3):
        make_provider(db_session, f"Zz {number}")
    second = provider_page(db_session, page=2, per_page=2)
    assert (second.total, second.pages, [r.name for r in second.rows]) == (5, 3, ["Zz 0", "Zz 1"])


def test_renaming(db_session, world):
    assert rename_provider(db_session, world.a.provider, name=" Coleg A ", expected_name="Provider a")
    assert world.a.provider.name == "Coleg A"
    assert not rename_provider(db_session, world.a.provider, name="Coleg A", expected_name="Provider a")


def test_renaming_to_a_taken_name_is_refused(db_session, world):
    with pytest.raises(Refused, match="already a provider called Provider b"):
        rename_provider(db_session, world.a.provider, name="provider b", expected_name="Provider a")


def test_renaming_a_provider_someone_else_renamed_meanwhile_is_refused(db_session, world):
    with pytest.raises(Refused, match="renamed this provider to Provider a"):
        rename_provider(db_session, world.a.provider, name="Coleg A", expected_name="Old name")


def test_closing_stops_its_people_signing_in_and_reopening_lets_them(db_session, world):
    assert authenticate(db_session, world.a.learner.email, PASSWORD) is not None
    assert set_provider_open(world.a.provider, False)
    assert not set_provider_open(world.a.provider, False)
    assert authenticate(db_session, world.a.learner.email, PASSWORD) is None
    assert authenticate(db_session, world.b.learner.email, PASSWORD) is not None
    assert set_provider_open(world.a.provider, True)
    assert authenticate(db_session, world.a.learner.email, PASSWORD) is not None


def test_a_site_administrator_is_not_affected_by_closing(db_session, world):
    set_provider_open(world.a.provider, False)
    assert authenticate(db_session, world.site_admin.email, PASSWORD) is not None

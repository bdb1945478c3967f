"""Password reset and invitation links: mailed, single use, expiring, replaced by a newer one."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from assessor.accounts.models import INVITE, RESET, AuthToken
from assessor.accounts.passwords import password_matches
from assessor.accounts.services import (
    AccountError,
    invite_user,
    issue_token,
    redeem_token,
    request_password_reset,
    resend_invitation,
    usable_token,
)
from assessor.mail.models import OutboxMessage
from assessor.timeutil import utcnow

from ..factories import make_provider, make_user
from .conftest import link_for

STRONG = "tidal quartz lantern orchard"


def outbox(session) -> list[OutboxMessage]:
    return session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def token_in(message: OutboxMessage) -> str:
    return message.body.split("https://assessor.test/link/")[1].split()[0]


def test_reset_for_an_unknown_email_sends_nothing(ctx, db_session, mail):
    request_password_reset(db_session, mail, "nobody@example.org", link_for)
    assert outbox(db_session) == []


def test_reset_mails_a_link_that_works_once(ctx, db_session, mail, person):
    request_password_reset(db_session, mail, "FFION@example.org", link_for)
    (message,) = outbox(db_session)
    assert message.to_address == "ffion@example.org"
    token = token_in(message)
    assert redeem_token(db_session, token, RESET, STRONG) is person
    assert password_matches(person.password_hash, STRONG)
    with pytest.raises(AccountError, match="expired or has already been used"):
        redeem_token(db_session, token, RESET, "another quartz lantern orchard")


def test_reset_link_expires(ctx, db_session, person):
    token = issue_token(db_session, person, RESET)
    db_session.scalar(select(AuthToken)).expires_at = utcnow() - timedelta(seconds=1)
    assert usable_token(db_session, token, RESET) is None


def test_a_reset_link_is_not_an_invitation_link(ctx, db_session, person):
    token = issue_token(db_session, person, RESET)
    assert usable_token(db_session, token, INVITE) is None


def test_a_new_reset_link_ends_the_old_one(ctx, db_session, person):
    old = issue_token(db_session, person, RESET)
    new = issue_token(db_session, person, RESET)
    assert usable_token(db_session, old, RESET) is None
    assert usable_token(db_session, new, RESET) is not None


def test_deactivated_people_get_no_reset_and_their_links_stop(ctx, db_session, mail, person):
    token = issue_token(db_session, person, RESET)
    person.active = False
    request_password_reset(db_session, mail, person.email, link_for)
    assert outbox(db_session) == []
    assert usable_token(db_session, token, RESET) is None


def test_invitation_creates_the_person_and_mails_a_link(ctx, db_session, mail, provider):
    admin = make_user(db_session, provider=provider, roles=["provider_admin"], name="Owain Jones")
    person = invite_user(
        db_session, mail, provider=provider, email=" New@Example.org", name=" Nia Lloyd ", roles=["assessor", "iqa"], link_for=link_for, invited_by=admin
    )
    assert (person.email, person.name, person.password_hash) == ("new@example.org", "Nia Lloyd", None)
    assert person.role_names == {"assessor", "iqa"}
    (message,) = outbox(db_session)
    assert "Owain Jones" in message.body
    assert redeem_token(db_session, token_in(message), INVITE, STRONG) is person
    assert usable_token(db_session, token_in(message), INVITE) is None


def test_inviting_twice_sends_one_message_and_adds_roles(ctx, db_session, mail, provider):
    invite = dict(provider=provider, email="new@example.org", name="Nia", link_for=link_for)
    first = invite_user(db_session, mail, roles=["learner"], **invite)
    second = invite_user(db_session, mail, roles=["learner", "assessor"], **invite)
    assert first is second and second.role_names == {"learner", "assessor"}
    assert len(outbox(db_session)) == 1


def test_inviting_someone_who_has_a_password_sends_nothing(ctx, db_session, mail, provider, person):
    invite_user(db_session, mail, provider=provider, email=person.email, name="x", roles=["assessor"], link_for=link_for)
    assert person.role_names == {"learner", "assessor"}
    assert outbox(db_session) == []


def test_someone_in_another_provider_cannot_be_invited(ctx, db_session, mail, person):
    with pytest.raises(AccountError, match="another organisation"):
        invite_user(db_session, mail, provider=make_provider(db_session), email=person.email, name="x", roles=["learner"], link_for=link_for)


@pytest.mark.parametrize("roles", [[], ["owner"]])
def test_invitation_needs_known_roles(ctx, db_session, mail, provider, roles):
    with pytest.raises(AccountError, match="Choose at least one role"):
        invite_user(db_session, mail, provider=provider, email="x@example.org", name="x", roles=roles, link_for=link_for)


def test_resending_an_invitation_ends_the_old_link(ctx, db_session, mail, provider):
    person = invite_user(db_session, mail, provider=provider, email="new@example.org", name="Nia", roles=["learner"], link_for=link_for)
    resend_invitation(db_session, mail, person, link_for, None)
    first, second = outbox(db_session)
    assert usable_token(db_session, token_in(first), INVITE) is None
    assert usable_token(db_session, token_in(second), INVITE).user is person


def test_no_new_invitation_for_someone_who_accepted(ctx, db_session, mail, person):
    with pytest.raises(AccountError, match="already accepted"):
        resend_invitation(db_session, mail, person, link_for, None)

"""Account emails: in the person's language, or Welsh then English when we do not know it."""
from sqlalchemy import select

from assessor.accounts.services import invite_user, request_password_reset
from assessor.mail.models import OutboxMessage

from ..factories import make_user
from .conftest import link_for


def only_message(session) -> OutboxMessage:
    (message,) = session.scalars(select(OutboxMessage)).all()
    return message


def test_reset_in_welsh_for_a_welsh_reader(ctx, db_session, mail, provider):
    person = make_user(db_session, provider=provider, language="cy")
    request_password_reset(db_session, mail, person.email, link_for)
    message = only_message(db_session)
    assert message.subject == "Ailosod eich cyfrinair Assessor"
    assert "Someone asked" not in message.body


def test_reset_in_english_for_an_english_reader(ctx, db_session, mail, provider):
    person = make_user(db_session, provider=provider, language="en")
    request_password_reset(db_session, mail, person.email, link_for)
    message = only_message(db_session)
    assert message.subject == "Reset your Assessor password"
    assert "Gofynnodd" not in message.body


def test_reset_in_both_languages_welsh_first_when_the_language_is_unknown(ctx, db_session, mail, provider):
    person = make_user(db_session, provider=provider, language=None)
    request_password_reset(db_session, mail, person.email, link_for)
    message = only_message(db_session)
    assert message.subject == "Ailosod eich cyfrinair Assessor / Reset your Assessor password"
    assert 0 < message.body.index("Gofynnodd rhywun") < message.body.index("Someone asked")
    assert message.body.count("https://assessor.test/link/") == 2


def test_invitation_in_both_languages_for_a_new_person(ctx, db_session, mail, provider):
    invite_user(db_session, mail, provider=provider, email="new@example.org", name="Nia", roles=["learner"], link_for=link_for)
    message = only_message(db_session)
    welsh, english = message.subject.split(" / ")
    assert provider.name in welsh and english == f"You are invited to Assessor by {provider.name}"
    assert message.body.index("Nia") < message.body.index("Hello Nia")

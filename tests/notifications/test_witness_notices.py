"""A witness signs: the learner is told, and so is the learner's assessor when it was they who asked the witness."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from assessor.evidence.services import create_evidence
from assessor.evidence.witness_signing import sign, statement_hash
from assessor.evidence.witnesses import Sending, request_witness
from assessor.mail.models import OutboxMessage
from assessor.mail.services import MailSettings
from assessor.notifications import kinds
from assessor.notifications.models import OFF, Notice
from assessor.notifications.services import save_preferences

from ..evidence.support import ACTIVITY
from ..factories import login_as
from .support import every_choice

STATEMENT = "Siân greeted the client, listened, and agreed a new deadline."
WITNESS = {"name": "Mair Owen", "role": "Studio manager", "email": "mair.owen@example.com"}
SENDING = Sending(MailSettings(), lambda token: f"https://assessor.example/witness/{token}", timedelta(days=14))


@pytest.fixture
def item(db_session, world, app):
    learner = world.a.learner
    with app.test_request_context():
        return create_evidence(db_session, learner, learner, kind="witness", title="Client meeting", activity_date=ACTIVITY,
                               body=STATEMENT, witness_name="Mair Owen", witness_role="Studio manager",
                               witness_contact="mair.owen@example.com")


def witness_signs(session, app, item, asker, corrected: str = ""):
    """`asker` names the witness, who confirms the statement (or corrects it) through the link."""
    with app.test_request_context():
        request = request_witness(session, asker, item, SENDING, **WITNESS)
        sign(session, request, accurate=not corrected, corrected=corrected, signed_name="Mair Owen", agreed=True,
             shown_hash=statement_hash(item.body), language="en")
    return request


def told(session) -> dict[int, Notice]:
    found = session.scalars(select(Notice).where(Notice.kind == kinds.WITNESS_SIGNED))
    return {notice.user_id: notice for notice in found}


def test_when_the_learner_asked_only_the_learner_is_told(db_session, world, app, item):
    witness_signs(db_session, app, item, world.a.learner)
    notices = told(db_session)
    assert set(notices) == {world.a.learner.id}
    notice = notices[world.a.learner.id]
    assert notice.endpoint == "evidence.show"
    assert notice.endpoint_args == {"learner_id": world.a.learner.id, "number": item.number}
    with app.test_request_context():
        assert kinds.notice_text(notice.kind, notice.params) == (
            f"Mair Owen confirmed the witness statement in {item.reference} “Client meeting” by {world.a.learner.name}.")


def test_when_the_assessor_asked_the_assessor_is_told_too_and_nobody_else(db_session, world, app, item):
    witness_signs(db_session, app, item, world.a.assessor)
    assert set(told(db_session)) == {world.a.learner.id, world.a.assessor.id}
    mails = db_session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == world.a.assessor.email))
    (mail,) = [mail for mail in mails if "Client meeting" in mail.body]
    assert mail.subject.split(" / ")[-1] == "A witness confirmed a statement"
    assert f"/learners/{world.a.learner.id}/evidence/{item.number}" in mail.body


def test_a_correction_says_so_in_the_readers_language(db_session, world, app, item):
    world.a.learner.language = "cy"
    witness_signs(db_session, app, item, world.a.learner, corrected="Siân greeted the client and agreed a deadline.")
    (notice,) = told(db_session).values()
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_address == world.a.learner.email))
    assert mail.subject == "Mae tyst wedi cywiro datganiad"
    assert "Mae Mair Owen wedi cywiro'r datganiad tyst" in mail.body and notice.params["outcome"] == "corrected"


def test_someone_who_turned_it_off_hears_nothing(db_session, world, app, item):
    save_preferences(db_session, world.a.learner, every_choice(world.a.learner, {kinds.WITNESS_SIGNED: OFF}))
    witness_signs(db_session, app, item, world.a.assessor)
    assert set(told(db_session)) == {world.a.assessor.id}


def test_the_learner_and_the_assessor_open_the_item(client, db_session, world, app, item):
    witness_signs(db_session, app, item, world.a.assessor)
    db_session.commit()
    for person in (world.a.learner, world.a.assessor):
        login_as(client, person)
        notice = told(db_session)[person.id]
        assert client.get(f"/notifications/{notice.id}", follow_redirects=True).status_code == 200

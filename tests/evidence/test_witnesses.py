"""A witness confirming a statement: the link, its expiry, reuse, withdrawal and resend, a correction, and the audit."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from assessor.audit.presenting import present
from assessor.core.acts import Conflict, Locked, Refused
from assessor.evidence.models import SUBMITTED, Evidence
from assessor.evidence.services import delete_draft
from assessor.evidence.witness_models import CONFIRMED, CORRECTED, EXPIRED, PENDING, REPLACED, WITHDRAWN, WitnessRequest
from assessor.evidence.witness_signing import confirmation_intact, find_link, sign, statement_hash
from assessor.evidence.witnesses import MAX_LINKS_PER_DAY, Sending, request_witness, resend, withdraw
from assessor.mail.models import OutboxMessage
from assessor.mail.services import MailSettings
from assessor.timeutil import clock_at, utcnow

from .support import ACTIVITY, audit

STATEMENT = "Siân greeted the client, listened, and **agreed** a new deadline."
WITNESS = {"name": "Mair Owen", "role": "Studio manager", "email": "mair.owen@example.com"}


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def tokens() -> list[str]:
    """The raw tokens the emails carried, newest last."""
    return []


@pytest.fixture
def sending(tokens) -> Sending:
    def link_for(token: str) -> str:
        tokens.append(token)
        return f"https://assessor.example/witness/{token}"

    return Sending(MailSettings(), link_for, timedelta(days=14))


@pytest.fixture
def item(db_session, world) -> Evidence:
    from assessor.evidence.services import create_evidence

    learner = world.a.learner
    return create_evidence(db_session, learner, learner, kind="witness", title="Client meeting", activity_date=ACTIVITY,
                           body=STATEMENT, witness_name="Mair Owen", witness_role="Studio manager", witness_contact="mair.owen@example.com")


def ask(db_session, world, item, sending, actor=None, **changes):
    return request_witness(db_session, actor or world.a.learner, item, sending, **(WITNESS | changes))


def signing(request, **changes) -> dict:
    answers = {"accurate": True, "corrected": "", "signed_name": "Mair Owen", "agreed": True,
               "shown_hash": statement_hash(request.evidence.body), "language": "en"}
    return answers | changes


# -- asking -----------------------------------------------------------------------------------


def test_the_witness_is_emailed_a_bilingual_link_and_only_its_hash_is_kept(db_session, world, item, sending, tokens):
    request = ask(db_session, world, item, sending)
    message = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_address == WITNESS["email"]))
    assert message.body.count(tokens[0]) == 2, "the link is in the Welsh and the English text"
    assert "The English version follows the Welsh." in message.body and " / " in message.subject
    assert "Please confirm a witness statement for" in message.subject
    assert request.token_hash != tokens[0] and len(request.token_hash) == 64
    assert find_link(db_session, tokens[0]).id == request.id
    assert find_link(db_session, tokens[0][:-1] + "x") is None and find_link(db_session, "") is None
    assert request.state == PENDING and request.expires_at - request.sent_at == timedelta(days=14)
    (entry,) = audit(db_session, "witness_request", request.id)
    assert entry.action == "requested" and entry.actor_id == world.a.learner.id and entry.learner_id == world.a.learner.id
    assert entry.after["witness_email"] == WITNESS["email"] and tokens[0] not in str(entry.after)


def test_every_problem_with_the_witness_is_named_at_once(db_session, world, item, sending):
    with pytest.raises(Refused) as refused:
        ask(db_session, world, item, sending, name=" ", role="", email="not an address")
    assert {field for field, _message in refused.value.problems} == {"witness_name", "witness_role", "witness_email"}
    with pytest.raises(Refused, match="someone else"):
        ask(db_session, world, item, sending, email=world.a.learner.email.upper())


def test_only_the_learner_while_editable_or_their_assessor_may_ask(db_session, world, item, sending):
    for someone in (world.a.iqa, world.a.admin, world.a.other_learner, world.b.assessor):
        with pytest.raises(Refused):
            ask(db_session, world, item, sending, actor=someone)
    item.status = SUBMITTED
    db_session.flush()
    with pytest.raises(Refused):
        ask(db_session, world, item, sending)
    assert ask(db_session, world, item, sending, actor=world.a.assessor).requested_by_id == world.a.assessor.id


def test_a_second_request_waits_until_the_first_is_answered(db_session, world, item, sending):
    ask(db_session, world, item, sending)
    with pytest.raises(Locked, match="already been asked"):
        ask(db_session, world, item, sending, name="Someone Else")


def test_too_many_links_in_a_day_are_refused(db_session, world, item, sending):
    request = ask(db_session, world, item, sending)
    for _time in range(MAX_LINKS_PER_DAY - 1):
        request = resend(db_session, world.a.learner, item, request.id, sending)
    with pytest.raises(Refused, match="in the last day"):
        resend(db_session, world.a.learner, item, request.id, sending)
    with clock_at(utcnow() + timedelta(days=1, minutes=1)):
        assert resend(db_session, world.a.learner, item, request.id, sending).state == PENDING


# -- the link ---------------------------------------------------------------------------------


def test_the_witness_confirms_and_the_link_is_then_used_up(db_session, world, item, sending, tokens):
    request = ask(db_session, world, item, sending)
    signed = sign(db_session, find_link(db_session, tokens[0]), **signing(request, signed_name="  Mair   Owen "))
    assert signed.status == CONFIRMED and signed.signed_name == "Mair Owen"
    assert signed.original_text == signed.confirmed_text == STATEMENT
    assert world.a.learner.name in signed.declaration and "true and accurate" in signed.declaration
    assert signed.shown == {"learner": world.a.learner.name, "title": "Client meeting", "activity_date": ACTIVITY.isoformat()}
    assert confirmation_intact(signed)
    with pytest.raises(Locked):
        sign(db_session, find_link(db_session, tokens[0]), **signing(request))
    entry = audit(db_session, "witness_request", request.id)[-1]
    assert entry.action == "confirmed" and entry.actor_id is None and entry.after["signed_hash"] == signed.signed_hash
    signed.confirmed_text = "Something else"
    assert not confirmation_intact(signed)


def test_a_correction_is_kept_beside_the_original(db_session, world, item, sending):
    request = ask(db_session, world, item, sending)
    correction = "Siân greeted the client and agreed a new deadline with my help."
    signed = sign(db_session, request, **signing(request, accurate=False, corrected=correction + "\r\n"))
    assert signed.status == CORRECTED and signed.confirmed_text == correction and signed.original_text == STATEMENT
    assert item.body == STATEMENT, "the learner's statement is never overwritten"
    entry = audit(db_session, "witness_request", request.id)[-1]
    assert entry.action == "corrected" and entry.after["original_text"] == STATEMENT and entry.after["confirmed_text"] == correction


def test_every_problem_with_the_signature_is_named_at_once(db_session, world, item, sending):
    request = ask(db_session, world, item, sending)
    with pytest.raises(Refused) as refused:
        sign(db_session, request, **signing(request, accurate=None, signed_name=" ", agreed=False))
    assert {field for field, _message in refused.value.problems} == {"accurate", "signed_name", "agreed"}
    with pytest.raises(Refused, match="same as the original"):
        sign(db_session, request, **signing(request, accurate=False, corrected=STATEMENT))
    with pytest.raises(Refused, match="as you would correct it"):
        sign(db_session, request, **signing(request, accurate=False, corrected="   "))
    assert request.status == PENDING


def test_a_statement_changed_while_the_witness_read_it_is_a_conflict(db_session, world, item, sending):
    request = ask(db_session, world, item, sending)
    shown = statement_hash(item.body)
    item.body = STATEMENT + " And more."
    db_session.flush()
    with pytest.raises(Conflict):
        sign(db_session, request, **signing(request, shown_hash=shown))


def test_an_expired_link_cannot_be_used(db_session, world, item, sending):
    request = ask(db_session, world, item, sending)
    with clock_at(utcnow() + timedelta(days=14, seconds=1)):
        assert request.state == EXPIRED and not request.live
        with pytest.raises(Locked):
            sign(db_session, request, **signing(request))
        again = ask(db_session, world, item, sending, name="Mair Owen-Jones")
    assert request.status == REPLACED and again.state == PENDING
    assert audit(db_session, "witness_request", again.id)[0].after["replaces"] == request.id, "the expired link's end is on record"


def test_a_withdrawn_link_cannot_be_used(db_session, world, item, sending, tokens):
    request = ask(db_session, world, item, sending)
    for someone in (world.a.iqa, world.a.other_learner):
        with pytest.raises(Refused):
            withdraw(db_session, someone, item, request.id)
    withdraw(db_session, world.a.assessor, item, request.id)
    link = find_link(db_session, tokens[0])
    assert link.state == WITHDRAWN and link.closed_by_id == world.a.assessor.id
    with pytest.raises(Locked):
        sign(db_session, link, **signing(link))
    with pytest.raises(Locked):
        withdraw(db_session, world.a.learner, item, request.id)
    assert [entry.action for entry in audit(db_session, "witness_request", request.id)] == ["requested", "withdrawn"]


def test_a_resend_makes_a_new_link_and_ends_the_old(db_session, world, item, sending, tokens):
    first = ask(db_session, world, item, sending)
    second = resend(db_session, world.a.learner, item, first.id, sending)
    assert first.status == REPLACED and second.state == PENDING and tokens[0] != tokens[1]
    assert find_link(db_session, tokens[0]).id == first.id and not find_link(db_session, tokens[0]).live
    assert find_link(db_session, tokens[1]).id == second.id
    assert (second.witness_name, second.witness_email) == (first.witness_name, first.witness_email)
    with pytest.raises(Locked):
        resend(db_session, world.a.learner, item, first.id, sending)
    (entry,) = audit(db_session, "witness_request", second.id)
    assert entry.action == "resent" and entry.after["replaces"] == first.id
    assert db_session.scalar(select(OutboxMessage).where(OutboxMessage.body.contains(tokens[1]))) is not None


def test_the_history_says_who_did_what(db_session, world, item, sending):
    request = ask(db_session, world, item, sending)
    sign(db_session, request, **signing(request, signed_name="Mair Owen"))
    rows = present(db_session, audit(db_session, "witness_request", request.id))
    assert [row.what for row in rows] == [f"Mair Owen asked to confirm the statement of {item.reference}",
                                          f"Mair Owen confirmed the statement of {item.reference}"]
    assert [row.who for row in rows] == [world.a.learner.name, "Mair Owen (witness)"]
    assert "Name typed as a signature" in {change.field for change in rows[1].changes}


def test_deleting_the_draft_deletes_its_links(db_session, world, item, sending):
    request_id = ask(db_session, world, item, sending).id
    delete_draft(db_session, world.a.learner, item, item.version)
    assert db_session.get(WitnessRequest, request_id) is None


def test_one_person_may_send_only_so_many_links_a_day(db_session, world, item, sending, monkeypatch):
    from assessor.evidence import witnesses
    from assessor.evidence.services import create_evidence

    monkeypatch.setattr(witnesses, "MAX_LINKS_PER_PERSON_PER_DAY", 2)
    learner = world.a.learner
    request = ask(db_session, world, item, sending)
    resend(db_session, learner, item, request.id, sending)
    other = create_evidence(db_session, learner, learner, kind="witness", title="Another", activity_date=ACTIVITY, body=STATEMENT,
                            witness_name="Mair Owen", witness_role="Studio manager", witness_contact="mair.owen@example.com")
    with pytest.raises(Refused, match="You have sent 2 links"):
        ask(db_session, world, other, sending)


def test_signing_tells_the_areas_above(db_session, world, item, sending):
    from assessor.evidence.events import witness_signed

    heard = []
    request = ask(db_session, world, item, sending)
    with witness_signed.connected_to(lambda sender, **kwargs: heard.append(kwargs["request"].id)):
        sign(db_session, request, **signing(request))
    assert heard == [request.id]


# -- frozen with the submission ---------------------------------------------------------------


def test_a_submission_freezes_the_witness_link_as_it_stood(db_session, world, item, sending, tokens):
    from flask import render_template_string

    from assessor.evidence.services import submit_evidence
    from assessor.evidence.snapshot import frozen_intact, latest_judged

    from .support import claim

    request = ask(db_session, world, item, sending)
    sign(db_session, find_link(db_session, tokens[0]), **signing(request))
    claim(db_session, item, world.a.enrolment, "P3")
    submission = submit_evidence(db_session, world.a.learner, item, item.version, "This is my own work.")
    frozen = submission.snapshot["witness_confirmation"]
    assert (frozen["state"], frozen["signed_name"], frozen["email"]) == (CONFIRMED, "Mair Owen", WITNESS["email"])
    assert frozen["statement_unchanged"] and frozen["signed_hash"] == request.signed_hash
    judged = latest_judged(item)
    assert judged.witness_confirmation == frozen and judged.witness_signed_at == request.closed_at
    request.signed_name = "Someone else"
    assert latest_judged(item).witness_confirmation["signed_name"] == "Mair Owen" and frozen_intact(submission)
    html = render_template_string('{% include "evidence/_content.html" %}', evidence=judged)
    assert "Witness confirmation when submitted" in html and "Signed by Mair Owen (Studio manager)" in html


def test_a_witness_item_with_no_link_freezes_none(db_session, world, item):
    from assessor.evidence.services import submit_evidence

    from .support import claim

    claim(db_session, item, world.a.enrolment, "P3")
    submission = submit_evidence(db_session, world.a.learner, item, item.version, "This is my own work.")
    assert submission.snapshot["witness_confirmation"] is None

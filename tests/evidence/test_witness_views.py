"""The witness pages: naming the witness from the item, the public page the link opens, and what the item shows after."""
import re

import pytest
from sqlalchemy import select

from assessor.evidence.services import create_evidence
from assessor.evidence.witness_models import CORRECTED, WitnessRequest
from assessor.mail.models import OutboxMessage

from ..factories import login_as
from .support import ACTIVITY

STATEMENT = "She <script>alert(1)</script> listened and **agreed** the deadline."
LINK = re.compile(r"http://localhost/witness/([A-Za-z0-9_-]+)")


@pytest.fixture
def item(db_session, world):
    learner = world.a.learner
    evidence = create_evidence(db_session, learner, learner, kind="witness", title="Client <b>meeting</b>", activity_date=ACTIVITY,
                               body=STATEMENT, witness_name="Mair Owen", witness_role="Studio manager",
                               witness_contact="mair.owen@example.com, 01632 960 123")
    db_session.commit()
    return evidence


def item_url(evidence, suffix: str = "") -> str:
    return f"/learners/{evidence.learner_id}/evidence/{evidence.number}{suffix}"


@pytest.fixture
def learner(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.learner)
    return client


def ask(client, item) -> str:
    """The learner sends the request; the raw token from the email."""
    data = {"witness_name": "Mair Owen", "witness_role": "Studio manager", "witness_email": "mair.owen@example.com"}
    response = client.post(item_url(item, "/witness"), data=data)
    assert response.status_code == 302 and response.headers["Location"].endswith(item_url(item) + "#witness")
    client.application.extensions["db_sessionmaker"]().expire_all()
    message = client.application.extensions["db_sessionmaker"]().scalar(select(OutboxMessage).where(OutboxMessage.to_address == "mair.owen@example.com"))
    return LINK.search(message.body).group(1)


def test_the_form_starts_from_what_the_item_says_about_its_witness(learner, item):
    page = learner.get(item_url(item, "/witness")).get_data(as_text=True)
    assert 'value="Mair Owen"' in page and 'value="mair.owen@example.com"' in page and "01632" not in page
    response = learner.post(item_url(item, "/witness"), data={"witness_name": "", "witness_role": "", "witness_email": "nope"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Enter the witness&#39;s name." in page and "Enter the witness&#39;s role." in page and "like name@example.com" in page


def test_the_witness_reads_corrects_and_signs_and_the_learner_sees_it(app, learner, client, item, world):
    token = ask(learner, item)
    page = learner.get(item_url(item)).get_data(as_text=True)
    assert "Requested" in page and "Send the link again" in page and "Withdraw the request" in page
    learner.post("/sign-out")

    response = client.get(f"/witness/{token}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert world.a.learner.name in page and "Client &lt;b&gt;meeting&lt;/b&gt;" in page and "<strong>agreed</strong>" in page
    assert "<script>alert" not in page and world.a.learner.email not in page
    answers = {"accurate": "no", "corrected": "She listened and agreed the deadline with help.", "signed_name": "Mair Owen",
               "agreed": "y", "shown": re.search(r'name="shown" type="hidden" value="(\w+)"', page).group(1)}
    response = client.post(f"/witness/{token}", data=answers)
    assert response.status_code == 302 and response.headers["Location"].endswith("/witness/signed")
    assert "Your confirmation has been recorded" in client.get("/witness/signed").get_data(as_text=True)

    used = client.get(f"/witness/{token}")
    page = used.get_data(as_text=True)
    assert used.status_code == 410 and "already been signed" in page and "listened" not in page
    assert world.a.learner.name in page and "who asked you" in page

    login_as(learner, world.a.learner)
    page = learner.get(item_url(item)).get_data(as_text=True)
    assert "Corrected and confirmed" in page and "She listened and agreed the deadline with help." in page
    assert "The statement as the witness read it" in page and "Signed by Mair Owen" in page
    request = learner.application.extensions["db_sessionmaker"]().scalar(select(WitnessRequest))
    assert request.status == CORRECTED and request.signed_hash in page


def test_the_witness_page_reports_every_problem_and_keeps_what_was_typed(learner, client, item):
    token = ask(learner, item)
    learner.post("/sign-out")
    response = client.post(f"/witness/{token}", data={"accurate": "no", "corrected": "My own words", "signed_name": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 409, "no statement hash: the page was not the one shown"
    page = client.get(f"/witness/{token}").get_data(as_text=True)
    shown = re.search(r'name="shown" type="hidden" value="(\w+)"', page).group(1)
    response = client.post(f"/witness/{token}", data={"accurate": "no", "corrected": "My own words", "signed_name": "", "shown": shown})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Type your full name to sign." in page and "Tick the box" in page
    assert "My own words" in page


def test_the_witness_page_needs_its_csrf_token(app, learner, client, item):
    token = ask(learner, item)
    learner.post("/sign-out")
    app.config["WTF_CSRF_ENABLED"] = True
    page = client.get(f"/witness/{token}").get_data(as_text=True)
    assert 'name="csrf_token"' in page
    response = client.post(f"/witness/{token}", data={"accurate": "yes", "signed_name": "Mair Owen", "agreed": "y"})
    assert response.status_code in (400, 422)
    assert client.get(f"/witness/{token}").status_code == 200, "the link still works"


def test_a_withdrawn_or_unknown_link_says_so_without_the_statement(learner, client, item):
    token = ask(learner, item)
    request = learner.application.extensions["db_sessionmaker"]().scalar(select(WitnessRequest))
    assert learner.post(item_url(item, f"/witness/{request.id}/withdraw")).status_code == 302
    response = client.get(f"/witness/{token}")
    page = response.get_data(as_text=True)
    assert response.status_code == 410 and "has been withdrawn" in page and "listened" not in page
    assert response.headers["Cache-Control"] == "no-store"
    unknown = client.get("/witness/" + "x" * 43)
    assert unknown.status_code == 404 and "not one we know" in unknown.get_data(as_text=True)
    assert client.get("/witness/" + "x" * 500).status_code == 404


def test_the_witness_page_in_welsh(learner, client, item, translate_cy):
    token = ask(learner, item)
    learner.post("/sign-out")
    client.set_cookie("assessor_lang", "cy")
    page = client.get(f"/witness/{token}").get_data(as_text=True)
    assert '<html lang="cy"' in page and translate_cy("Confirm a witness statement") in page


def test_the_learner_cannot_sign_their_own_statement(learner, item):
    token = ask(learner, item)
    assert learner.get(f"/witness/{token}").status_code == 403


@pytest.fixture
def translate_cy():
    from babel.support import Translations

    from assessor.config import PROJECT_ROOT

    catalog = Translations.load(str(PROJECT_ROOT / "assessor" / "translations"), ["cy"])
    return catalog.gettext


def test_the_assessor_may_ask_and_withdraw_while_the_iqa_only_reads(app, client, db_session, item, world):
    app.config["WTF_CSRF_ENABLED"] = False
    item.status = "submitted"
    db_session.commit()
    login_as(client, world.a.learner)
    assert "Ask the witness to confirm the statement" not in client.get(item_url(item)).get_data(as_text=True), "submitted: not the learner"
    login_as(client, world.a.assessor)
    token = ask(client, item)
    assert token
    login_as(client, world.a.iqa)
    page = client.get(item_url(item)).get_data(as_text=True)
    assert "Witness confirmation" in page and "Requested" in page
    assert "Send the link again" not in page and "Withdraw the request" not in page
    assert client.get(item_url(item, "/witness")).status_code == 403

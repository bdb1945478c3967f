"""A scenario-transcript item prints its conversation in the portfolio PDF: in the document's language, as submitted, escaped."""
import io
import time

import pytest
from pypdf import PdfReader

from assessor.evidence.models import Submission
from assessor.evidence.snapshot import frozen_fields
from assessor.export.data import portfolio_data
from assessor.export.fingerprint import portfolio_digest
from assessor.export.render import portfolio_html, portfolio_pdf, render_pdf
from assessor.scenarios.player import give_answer, start_attempt, take_choice
from assessor.scenarios.portfolio import add_to_portfolio

from ..scenarios.player_support import fixture_document, load

REFLECTION = "The client wanted certainty; I gave options with costs and asked her to choose by a set time."
REPLY = "I will call you back by four, <script>alert(1)</script> & keep you posted."
#: the fixture's "Wait" choice, which loops back to the opening node
WAIT = 3


def played(session, learner, reply: str = REPLY, waits: int = 0):
    """A finished attempt at the fixture scenario: `waits` loops, the good choice, then a written reply."""
    attempt = start_attempt(session, learner, load(session, fixture_document()))
    for position in range(waits):
        take_choice(session, attempt, node_id="open", position=position, choice=WAIT)
    take_choice(session, attempt, node_id="open", position=waits, choice=0)
    give_answer(session, attempt, node_id="write", position=waits + 1, text=reply)
    assert attempt.finished_at is not None
    return attempt


def in_portfolio(app, session, learner, attempt):
    with app.test_request_context():
        return add_to_portfolio(session, learner, attempt, REFLECTION, "en")


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


def pdf_of(app, session, learner, language: str) -> tuple[int, str]:
    with app.app_context():
        return text_of(portfolio_pdf(session, learner, language, None))


def test_the_english_pdf_prints_the_conversation(app, db_session, world):
    learner = world.a.learner
    in_portfolio(app, db_session, learner, played(db_session, learner))
    _pages, text = pdf_of(app, db_session, learner, "en")
    assert "Scenario transcript" in text and "Title (version 1)" in text and "Ann, Client, Acme" in text
    assert "Hello, trust 5" in text and "Good" in text and "This choice shows: P1" in text
    assert "Feedback the learner was given: Well done" in text
    assert "I will call you back by four" in text and "12 words." in text and "Can evidence: P2, K1" in text
    assert "Rubric for this reply" in text and "Prompt: Write" in text and "Clarity: Clear" in text
    assert "Outcome: Resolved" in text and "Started" in text and "Finished" in text


def test_the_welsh_pdf_prints_the_conversation_in_welsh(app, db_session, world):
    learner = world.a.learner
    in_portfolio(app, db_session, learner, played(db_session, learner))
    _pages, text = pdf_of(app, db_session, learner, "cy")
    assert "Trawsgrifiad senario" in text and "Teitl (fersiwn 1)" in text and "Ann, Cleient, Acme" in text
    assert "Helo, ymddiriedaeth 5" in text and "Mae'r dewis hwn yn dangos: P1" in text
    assert "Yr adborth a gafodd y dysgwr: Da iawn" in text and "Cyfeireb ar gyfer yr ateb hwn" in text
    assert "Y dasg: Ysgrifennwch" in text and "Eglurder: Clir" in text and "Hello, trust" not in text


def test_a_submitted_item_prints_the_attempt_its_frozen_copy_names(app, db_session, world):
    learner = world.a.learner
    item = in_portfolio(app, db_session, learner, played(db_session, learner, "The reply I submitted for judging."))
    db_session.refresh(item)
    item.status = "submitted"
    db_session.add(Submission(evidence_id=item.id, number=1, submitted_by_id=learner.id, declaration="Mine.", **frozen_fields(item)))
    later = played(db_session, learner, "A later reply never submitted.")
    item.details = dict(item.details) | {"attempt_id": later.id}
    db_session.flush()
    db_session.expire_all()
    with app.app_context():
        html = portfolio_html(portfolio_data(db_session, learner), "en")
    assert "The reply I submitted for judging." in html and "A later reply never submitted." not in html


def test_an_attempt_of_another_learner_is_never_printed(app, db_session, world):
    learner = world.a.learner
    item = in_portfolio(app, db_session, learner, played(db_session, learner))
    theirs = played(db_session, world.a.other_learner, "Somebody else's words entirely.")
    item.details = dict(item.details) | {"attempt_id": theirs.id}
    db_session.flush()
    with app.app_context():
        html = portfolio_html(portfolio_data(db_session, learner), "en")
    assert "Somebody else" not in html and "The conversation" not in html


def test_the_reply_is_escaped(app, db_session, world):
    learner = world.a.learner
    in_portfolio(app, db_session, learner, played(db_session, learner))
    with app.app_context():
        data = portfolio_data(db_session, learner)
        html = portfolio_html(data, "en")
        _pages, text = text_of(render_pdf(html))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; keep you posted." in html
    assert "<script>alert(1)</script> & keep you posted." in text


def test_the_transcript_changes_the_documents_digest(app, db_session, world):
    learner = world.a.learner
    with app.app_context():
        before = portfolio_digest(portfolio_data(db_session, learner), "en")
    in_portfolio(app, db_session, learner, played(db_session, learner))
    with app.app_context():
        assert portfolio_digest(portfolio_data(db_session, learner), "en") != before


@pytest.mark.parametrize("waits", [29])
def test_a_thirty_turn_transcript_stays_a_few_pages(app, db_session, world, waits):
    learner = world.a.learner
    with app.app_context():
        pages_before, _text = text_of(portfolio_pdf(db_session, learner, "en", None))
    in_portfolio(app, db_session, learner, played(db_session, learner, waits=waits))
    started = time.perf_counter()
    pages, text = pdf_of(app, db_session, learner, "en")
    seconds = time.perf_counter() - started
    assert text.count("Hello, trust") == waits + 1
    assert pages - pages_before <= 6, f"{pages - pages_before} pages for {waits + 2} turns"
    assert seconds < 30, f"{seconds:.1f} s"

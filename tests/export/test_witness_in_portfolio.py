"""The portfolio document shows each witness's signed confirmation: who, when, the declaration, a correction beside the original."""
import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from assessor.evidence.services import create_evidence
from assessor.evidence.witness_signing import sign, statement_hash
from assessor.evidence.witnesses import Sending, request_witness
from assessor.export.data import portfolio_data
from assessor.export.fingerprint import portfolio_digest
from assessor.export.render import portfolio_html, render_pdf
from assessor.mail.services import MailSettings

from ..evidence.support import ACTIVITY

ORIGINAL = "Siân kept the client informed."
CORRECTION = "Siân kept the client informed <b>every day</b>."


@pytest.fixture
def confirmed(app, db_session, world):
    """A witness testimony whose witness corrected and signed it."""
    learner = world.a.learner
    with app.test_request_context():
        item = create_evidence(db_session, learner, learner, kind="witness", title="Deadline moved", activity_date=ACTIVITY,
                               body=ORIGINAL, witness_name="Mair Owen", witness_role="Producer", witness_contact="mair@example.com")
        before = portfolio_digest(portfolio_data(db_session, learner), "en")
        sending = Sending(MailSettings(), lambda token: f"https://assessor.example/witness/{token}", timedelta(days=14))
        request = request_witness(db_session, learner, item, sending, name="Mair Owen", role="Producer", email="mair@example.com")
        sign(db_session, request, accurate=False, corrected=CORRECTION, signed_name="Mair <i>Owen</i>", agreed=True,
             shown_hash=statement_hash(ORIGINAL), language="en")
    return request, before


def test_the_document_shows_the_confirmation_escaped(app, db_session, world, confirmed):
    request, _before = confirmed
    with app.app_context():
        html = portfolio_html(portfolio_data(db_session, world.a.learner), "en")
    assert "Witness corrected and confirmed the statement" in html and request.signed_hash in html
    assert "Mair &lt;i&gt;Owen&lt;/i&gt;" in html and "<i>Owen</i>" not in html
    assert "&lt;b&gt;every day&lt;/b&gt;" in html and ORIGINAL in html and request.declaration.split(",")[0] in html
    with app.app_context():
        welsh = portfolio_html(portfolio_data(db_session, world.a.learner), "cy")
    assert "Cywirodd a chadarnhaodd y tyst y datganiad" in welsh


def test_a_confirmation_changes_the_documents_digest_and_reaches_the_pdf(app, db_session, world, confirmed):
    request, before = confirmed
    with app.app_context():
        data = portfolio_data(db_session, world.a.learner)
        assert portfolio_digest(data, "en") != before, "a cached PDF made before the confirmation is not served after it"
        pdf = render_pdf(portfolio_html(data, "en", with_images=False))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\n", " ")
    assert "Witness corrected and confirmed the statement" in text and "Name typed as a signature" in text

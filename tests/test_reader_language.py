"""Both languages everywhere: declarations and generated texts in the reader's language, criteria by their reference."""
import pytest
from flask_babel import force_locale
from sqlalchemy import select

from assessor.assessment.signoff import ASSESSOR_DECLARATION
from assessor.evidence.forms import DECLARATION
from assessor.i18n import for_reader, in_reader_language
from assessor.scenarios.portfolio import SCENARIO_NOTE
from assessor.standards.models import Criterion
from assessor.standards.references import criterion_label, reference

from .factories import enrol, login_as, make_evidence, shipped_standard


def worded(wording, language: str) -> str:
    with force_locale(language):
        return str(wording)


@pytest.fixture
def english_request(app):
    with app.test_request_context(), force_locale("en"):
        yield


def test_a_declaration_signed_in_welsh_is_shown_in_english_with_the_signed_wording(english_request):
    welsh = worded(ASSESSOR_DECLARATION, "cy")
    assert welsh != worded(ASSESSOR_DECLARATION, "en"), "the declaration has a Welsh translation"
    wording = for_reader(welsh)
    assert (wording.shown, wording.signed, wording.language) == (worded(ASSESSOR_DECLARATION, "en"), welsh, "cy")


def test_a_declaration_in_the_readers_language_is_shown_once(english_request):
    wording = for_reader(worded(DECLARATION, "en"))
    assert wording.shown == worded(DECLARATION, "en") and wording.signed is None


def test_an_unknown_wording_is_shown_as_stored(english_request):
    assert for_reader("Valid.") == type(for_reader("Valid."))("Valid.")


def test_a_generated_note_is_read_in_the_readers_language(app):
    with app.test_request_context():
        welsh = worded(SCENARIO_NOTE, "cy") % {"ref": "P1"}
        assert welsh != "From the scenario (P1): see the transcript."
        with force_locale("en"):
            assert in_reader_language(welsh) == "From the scenario (P1): see the transcript."
        with force_locale("cy"):
            assert in_reader_language("From the scenario (K12): see the transcript.") == worded(SCENARIO_NOTE, "cy") % {"ref": "K12"}
            assert in_reader_language("My own note about P1.") == "My own note about P1."


def test_the_countersign_page_shows_the_declaration_in_the_learners_language(app, client, db_session, world):
    learner, sign_off = world.a.learner, world.a.portfolio.sign_off
    learner.language = "en"
    with app.test_request_context():
        welsh, english = worded(ASSESSOR_DECLARATION, "cy"), worded(ASSESSOR_DECLARATION, "en")
    sign_off.declaration = welsh
    db_session.commit()
    login_as(client, learner)
    page = client.get(f"/assessment/sign-offs/{sign_off.id}/countersign").get_data(as_text=True)
    assert welsh != english and english in page.replace("&#39;", "'")
    assert "Original wording (Welsh):" in page and f'<span lang="cy">{welsh}' in page.replace("&#39;", "'")


def test_a_criterion_is_named_by_its_reference_beside_the_printed_code():
    assert criterion_label("P1", "P1") == "P1" and criterion_label("P1", "1") == "P1 (1)"
    assert criterion_label("K12", "") == "K12" and reference({"ref": "P12.1", "code": "12.1"}) == "P12.1 (12.1)"


def test_a_local_standards_criteria_show_their_references_on_the_mapping_page(app, client, db_session, world):
    standard = shipped_standard(db_session, "LOCAL-SKSPP06")
    enrolment = enrol(db_session, world.a.cohort, world.a.learner, standard, assessor=world.a.assessor)
    draft = make_evidence(db_session, world.a.learner, enrolment, ("P1",), status="draft", title="Local")
    db_session.commit()
    login_as(client, world.a.learner)
    page = client.get(f"/learners/{draft.learner_id}/evidence/{draft.number}/mapping").get_data(as_text=True)
    assert "<strong>P1 (1)</strong>" in page and "<strong>K1 (1)</strong>" in page


def test_messages_name_a_local_criterion_by_its_reference(db_session, world):
    from assessor.assessment.services import outcome_problems
    from assessor.evidence.models import Mapping

    standard = shipped_standard(db_session, "LOCAL-SKSPP06")
    criterion = db_session.scalar(select(Criterion).where(Criterion.standard_id == standard.id, Criterion.ref == "K2"))
    problems = outcome_problems([Mapping(criterion_id=criterion.id, criterion=criterion)], {criterion.id: ("not_yet", "")})
    assert any("K2 (2)" in str(message) for _field, message in problems)


def test_the_english_pdf_shows_a_welsh_signed_declaration_in_english_with_the_original(app, db_session, world):
    from assessor.export.data import portfolio_data
    from assessor.export.render import portfolio_html

    with app.test_request_context():
        welsh, english = worded(ASSESSOR_DECLARATION, "cy"), worded(ASSESSOR_DECLARATION, "en")
    world.a.portfolio.sign_off.declaration = welsh
    db_session.flush()
    with app.app_context():
        html = portfolio_html(portfolio_data(db_session, world.a.learner), "en").replace("&#39;", "'")
    assert english in html and "Original wording (Welsh):" in html and welsh in html


def test_a_declaration_naming_a_value_is_shown_in_the_readers_language_with_the_value(english_request):
    from assessor.evidence.witness_signing import DECLARATION as WITNESS_DECLARATION

    welsh = worded(WITNESS_DECLARATION, "cy") % {"learner": "Aled Evans (Caerdydd)"}
    wording = for_reader(welsh)
    assert wording.shown == worded(WITNESS_DECLARATION, "en") % {"learner": "Aled Evans (Caerdydd)"}
    assert (wording.signed, wording.language) == (welsh, "cy")

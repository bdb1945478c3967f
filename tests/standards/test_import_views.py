"""Importing a standard in the browser: paste or upload, preview, fix what is missing, confirm."""
import io

import pytest

from assessor.standards.import_forms import MAX_BYTES, NotText, text_from_upload
from assessor.standards.models import Standard
from assessor.standards.services import find_standard

from ..factories import login_as

LISTS = "Meini prawf perfformiad\n- gwneud rhywbeth\nGwybodaeth a dealltwriaeth\n- gwybod rhywbeth\nDatblygwyd gan: X\n"
MISSING_IDENTITY = {"urn": "", "title": "", "language": "", "version": ""}


@pytest.fixture
def importer(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.admin)
    return client


def _post(client, url, text, **fields):
    return client.post(url, data={**MISSING_IDENTITY, "text": text, **fields})


def test_pasted_text_is_previewed_then_loaded(importer, db_session, seed_text):
    text = seed_text("001")
    preview = _post(importer, "/standards-import/preview", text, urn="LOCAL-TEST01", title="Pennu disgwyliadau")
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "Check the standard before you load it" in page and "ymddwyn yn foesegol" in page and "LOCAL-TEST01" in page
    assert find_standard(db_session, "LOCAL-TEST01") is None
    confirmed = _post(importer, "/standards-import/confirm", text, urn="LOCAL-TEST01", title="Pennu disgwyliadau")
    assert confirmed.status_code == 302 and confirmed.location.endswith("/standards/LOCAL-TEST01/1")
    standard = find_standard(db_session, "LOCAL-TEST01")
    assert standard.title == "Pennu disgwyliadau" and len(standard.top_level("pc")) == 11
    assert "has been loaded" in importer.get(confirmed.location).get_data(as_text=True)


def test_a_missing_urn_and_title_are_asked_for_with_the_text_kept(importer, db_session, seed_text):
    text = seed_text("001")
    response = _post(importer, "/standards-import/preview", text)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The text has no current URN, only the original URN SKSPP06" in page
    assert 'href="#urn"' in page and "govuk-input--error" in page and "pass --urn" not in page
    assert "ymddwyn yn foesegol wrth ddelio" in page
    again = _post(importer, "/standards-import/preview", text, urn="LOCAL-SKSPP99")
    assert again.status_code == 200
    _post(importer, "/standards-import/confirm", text, urn="LOCAL-SKSPP99")
    assert find_standard(db_session, "LOCAL-SKSPP99") is not None


def test_a_missing_title_is_asked_for(importer, db_session):
    response = _post(importer, "/standards-import/preview", "URN: LOCAL-NOTITLE\n" + LISTS)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "The text has no title" in page and 'href="#title"' in page
    assert "pass --title" not in page
    assert _post(importer, "/standards-import/confirm", "URN: LOCAL-NOTITLE\n" + LISTS, title="Safon fach").status_code == 302
    assert find_standard(db_session, "LOCAL-NOTITLE").title == "Safon fach"


def test_a_text_file_is_read_by_its_content_not_its_name(importer, seed_text):
    upload = (io.BytesIO(seed_text("000").encode("cp1252", errors="replace")), "standard.pdf")
    response = importer.post("/standards-import/preview", data={**MISSING_IDENTITY, "text": "", "upload": upload})
    assert response.status_code == 200 and "SKSCMGS11" in response.get_data(as_text=True)


def test_a_binary_upload_is_refused_clearly(importer):
    upload = (io.BytesIO(b"\x7fELF\x00\x01\x02binary"), "standard.txt")
    response = importer.post("/standards-import/preview", data={**MISSING_IDENTITY, "text": "", "upload": upload})
    assert response.status_code == 422 and "The file is not a PDF, a Word document (.docx) or plain text" in response.get_data(as_text=True)


def test_nothing_to_import_is_refused(importer):
    response = _post(importer, "/standards-import/preview", "   ")
    assert response.status_code == 422 and "text or choose a file" in response.get_data(as_text=True)


def test_the_importers_errors_are_shown_with_their_line_numbers(importer):
    text = LISTS.replace("Datblygwyd gan: X\n", "Datblygwyd gan: X\n\nRhywbeth hollol ryfedd yma\n\nCymeradwy ar: 2020\n")
    response = _post(importer, "/standards-import/preview", "Rheoli pethau\nURN: ABC123\n" + text)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Line 9:" in page and "Rhywbeth hollol ryfedd yma" in page
    assert "Load this standard" not in page


def test_the_same_text_again_changes_nothing_and_keeps_the_english(importer, db_session, world, seed_text):
    response = _post(importer, "/standards-import/confirm", seed_text("000"))
    assert response.status_code == 302
    assert "already loaded: nothing changed" in importer.get(response.location).get_data(as_text=True)
    assert find_standard(db_session, "SKSCMGS11").title_en == world.standard.title_en


def test_a_changed_text_under_the_same_version_is_refused_with_the_reason(importer, db_session, seed_text):
    changed = seed_text("000").replace("ymddwyn yn foesegol", "ymddwyn yn deg", 1)
    response = _post(importer, "/standards-import/confirm", changed)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "already loaded with different text" in page and "Give the changed text a new version number" in page
    assert _post(importer, "/standards-import/confirm", changed, version="4").status_code == 302
    assert find_standard(db_session, "SKSCMGS11", "4") is not None


def test_confirm_parses_the_text_again_and_trusts_nothing_else(importer, db_session):
    response = importer.post(
        "/standards-import/confirm",
        data={**MISSING_IDENTITY, "text": "no standard here", "urn": "LOCAL-X1", "title": "X", "document": '{"urn": "LOCAL-X1"}'},
    )
    assert response.status_code == 422
    assert db_session.query(Standard).filter_by(urn="LOCAL-X1").count() == 0


def test_provider_administrators_and_site_administrators_may_import_others_may_not(app, world):
    for person, status in ((world.site_admin, 200), (world.b.admin, 200), (world.a.assessor, 403), (world.a.learner, 403)):
        client = app.test_client()
        login_as(client, person)
        assert client.get("/standards-import/").status_code == status


def test_upload_checks():
    assert text_from_upload("Safon\r\nmeini prawf".encode("cp1252")) == "Safon\r\nmeini prawf"
    for data in (b"\x00abc", bytes(range(128, 256)) * 4, b"a" * (MAX_BYTES + 1), b"  \n "):
        with pytest.raises(NotText):
            text_from_upload(data)


def test_the_importers_refusals_read_in_the_readers_language(importer, db_session, world):
    text = "Rheoli pethau\nURN: ABC123\nMeini prawf perfformiad\n1. gwneud rhywbeth\n(2) gwneud rhywbeth arall\n" + LISTS
    world.a.admin.language = "cy"
    db_session.flush()
    page = _post(importer, "/standards-import/preview", text).get_data(as_text=True)
    assert "Llinell 5:" in page and "nid yw'r mewnforiwr yn darllen y rhifo hwn" in page.replace("&#39;", "'")
    assert "its numbering is not one the importer reads" not in page
    world.a.admin.language = "en"
    db_session.flush()
    page = _post(importer, "/standards-import/preview", text).get_data(as_text=True)
    assert "Line 5:" in page and "its numbering is not one the importer reads" in page

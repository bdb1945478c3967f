"""The standards library through the web: list, search, read in either language, download."""
import csv
import io
import json
from pathlib import Path

import pytest

from assessor.i18n import LANGUAGE_COOKIE
from assessor.standards.services import load_directory

SHIPPED = Path(__file__).resolve().parents[2] / "standards"


@pytest.fixture
def library(db_session, client):
    load_directory(db_session, SHIPPED)
    db_session.commit()
    return client


def in_english(client):
    client.set_cookie(LANGUAGE_COOKIE, "en")
    return client


def in_welsh(client):
    client.set_cookie(LANGUAGE_COOKIE, "cy")
    return client


def test_the_library_lists_every_standard(library):
    page = in_english(library).get("/standards/").get_data(as_text=True)
    assert "Standards found: 5" in page
    for urn in ("SKSCMGS11", "LOCAL-SKSPP06", "LOCAL-CFACSB15", "LOCAL-CCNEEDS01", "LOCAL-CSOPS01"):
        assert f"/standards/{urn}/" in page
    assert "Manage relationships with clients or customers in the creative industries" in page


def test_search_and_suite_filter(library):
    page = in_english(library).get("/standards/?q=sksgs11").get_data(as_text=True)
    assert "Standards found: 1" in page and "/standards/SKSCMGS11/3" in page
    page = library.get("/standards/", query_string={"suite": "Ôl-gynhyrchu"}).get_data(as_text=True)
    assert "Standards found: 1" in page and "/standards/LOCAL-SKSPP06/1" in page


def test_no_match_says_so(library):
    page = in_english(library).get("/standards/?q=nothing-like-this").get_data(as_text=True)
    assert "No standards match your search" in page


def test_an_empty_library_explains_how_to_load(client):
    page = in_english(client).get("/standards/").get_data(as_text=True)
    assert "No standards are loaded yet" in page


def test_pages_are_linked_when_the_list_is_long(library, app):
    app.config["STANDARDS_PER_PAGE"] = 2
    page = in_english(library).get("/standards/?page=2").get_data(as_text=True)
    assert 'aria-current="page"' in page and "page=3" in page and 'rel="prev"' in page


def test_a_standard_in_welsh_shows_criteria_groups_and_details(library):
    page = in_welsh(library).get("/standards/LOCAL-CFACSB15/1").get_data(as_text=True)
    assert page.count('<li id="P') == 9
    assert "Sefydlu cysylltiadau cwsmeriaid effeithiol" in page
    assert "Cynnal a datblygu cysylltiadau cwsmeriaid effeithiol" in page
    assert "Lantra" in page
    english_title = "Build and maintain effective customer relations"
    assert english_title not in page


def test_a_standard_in_english_is_marked_unofficial(library):
    page = in_english(library).get("/standards/SKSCMGS11/3").get_data(as_text=True)
    assert "unofficial English translation" in page
    assert '<h1 class="govuk-heading-xl" lang="en">' in page
    assert "Read the Welsh original" in page
    welsh = library.get("/standards/SKSCMGS11/3?text=cy").get_data(as_text=True)
    assert '<h1 class="govuk-heading-xl" lang="cy">' in welsh


def test_sub_items_sit_under_their_parent(library):
    page = in_english(library).get("/standards/LOCAL-CCNEEDS01/1").get_data(as_text=True)
    parent = page.index('id="P12"')
    assert parent < page.index('id="P12.1"') < page.index('id="P13"')
    assert page.count('<li id="K') == 26 + 3


def test_local_identifiers_are_marked(library):
    page = in_english(library).get("/standards/LOCAL-SKSPP06/1").get_data(as_text=True)
    assert "Local identifier" in page and "not an official URN" in page


def test_the_urn_alone_redirects_to_the_newest_version(library):
    response = library.get("/standards/SKSCMGS11")
    assert response.status_code == 302 and response.headers["Location"].endswith("/standards/SKSCMGS11/3")


@pytest.mark.parametrize("url", ["/standards/NOPE/1", "/standards/SKSCMGS11/99", "/standards/NOPE", "/standards/SKSCMGS11/3/export/pdf"])
def test_unknown_things_are_not_found(library, url):
    assert library.get(url).status_code == 404


def test_json_download(library):
    response = library.get("/standards/SKSCMGS11/3/export/json?lang=cy")
    assert response.status_code == 200
    assert 'filename="SKSCMGS11-v3.json"' in response.headers["Content-Disposition"]
    assert len(json.loads(response.data)["performance_criteria"]) == 16


def test_moodle_download_in_english(library):
    response = library.get("/standards/SKSCMGS11/3/export/moodle-csv?lang=en")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert any("manage" in " ".join(row).casefold() for row in rows[2:])


def test_every_page_carries_security_headers(library):
    response = library.get("/standards/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_language_switch_needs_the_csrf_token(client):
    assert client.post("/language", data={"language": "cy", "next": "/standards/"}).status_code == 400


def test_language_switch_sets_the_choice_and_returns_to_the_page(client):
    page = in_english(client).get("/standards/").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post("/language", data={"language": "cy", "next": "/standards/?q=x", "csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/standards/?q=x"
    assert f"{LANGUAGE_COOKIE}=cy" in response.headers["Set-Cookie"]
    assert 'lang="cy"' in client.get("/standards/").get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_language_switch_never_redirects_off_site(client, target):
    page = client.get("/").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post("/language", data={"language": "en", "next": target, "csrf_token": token})
    assert response.headers["Location"] == "/"


def test_user_text_is_escaped(db_session, client, seed_text):
    from assessor.standards.parser import parse_standard
    from assessor.standards.services import load_document

    text = seed_text("000").replace("rheoli disgwyliadau", "<script>alert(1)</script> rheoli disgwyliadau", 1)
    load_document(db_session, parse_standard(text, urn="LOCAL-XSS1").document)
    db_session.commit()
    page = client.get("/standards/LOCAL-XSS1/3").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page

"""The CASE 1.1 service: every answer checked against the CASE structures, uris that resolve, ETags, and nothing of
a standard that is not public to be found."""
import copy
import json
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import select

from assessor.i18n import LANGUAGE_COOKIE
from assessor.permissions import can_publish_standard
from assessor.standards.case_service import export_context, package_identifier
from assessor.standards.exports.case import case_package
from assessor.standards.models import Standard
from assessor.standards.services import (
    document_for_export,
    find_standard,
    import_document,
    load_directory,
    load_document,
)

from ..factories import login_as
from .case_schema import problems

SHIPPED = Path(__file__).resolve().parents[2] / "standards"
BASE = "http://localhost/ims/case/v1p1"


def publish(db_session, *urns: str, version: str | None = None) -> list[Standard]:
    standards = [find_standard(db_session, urn, version) for urn in urns]
    for standard in standards:
        standard.public = True
    db_session.commit()
    return standards


def second_version(db_session, urn: str) -> Standard:
    """Version 2 of a standard: its first criterion reworded."""
    document = copy.deepcopy(document_for_export(find_standard(db_session, urn)))
    document["version"] = "2"
    document["performance_criteria"][0]["text"] += " (wedi'i ddiwygio)"
    standard = load_document(db_session, document).standard
    db_session.commit()
    return standard


@pytest.fixture
def library(db_session, client):
    load_directory(db_session, SHIPPED)
    db_session.commit()
    return client


def get_json(client, url: str, status: int = 200, **headers) -> dict:
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url, response.status_code, response.get_data(as_text=True)[:300])
    assert response.mimetype == "application/json"
    assert "Set-Cookie" not in response.headers
    return response.get_json()


def path_of(uri: str) -> str:
    assert uri.startswith(BASE + "/"), uri
    return uri.removeprefix("http://localhost")


def every_uri(package: dict) -> list[tuple[str, str]]:
    """(uri, identifier) of every object a package names, its links included."""
    records = [package["CFDocument"], *package["CFItems"], *package["CFAssociations"]]
    links = [link for association in package["CFAssociations"] for link in (association["originNodeURI"], association["destinationNodeURI"])]
    return [(record["uri"], record["identifier"]) for record in records + links]


def test_every_answer_has_the_case_structure_and_every_uri_resolves(db_session, library):
    publish(db_session, "LOCAL-CCNEEDS01", "SKSCMGS11")
    listed = get_json(library, f"{BASE}/CFDocuments")
    assert problems("CFDocumentSet", listed) == []
    titles = {(document["title"], document["language"]) for document in listed["CFDocuments"]}
    assert ("Pennu anghenion a gofynion cwsmeriaid", "cy") in titles
    assert ("Determine customer needs and requirements", "en") in titles
    assert len(listed["CFDocuments"]) == 4
    for document in listed["CFDocuments"]:
        assert get_json(library, path_of(document["uri"])) == document
        package = get_json(library, path_of(document["CFPackageURI"]["uri"]))
        assert problems("CFPackage", package) == []
        assert package["CFDocument"] == {key: value for key, value in document.items() if key != "CFPackageURI"}
    for uri, identifier in every_uri(package):
        found = get_json(library, path_of(uri))
        assert found["identifier"] == identifier
        kind = {"CFDocuments": "CFDocument", "CFItems": "CFItem", "CFAssociations": "CFAssociation"}[uri.split("/")[-2]]
        assert problems(kind, found) == []


def test_the_schema_check_can_fail(db_session, library):
    publish(db_session, "SKSCMGS11")
    item = get_json(library, f"{BASE}/CFDocuments")["CFDocuments"][0]
    del item["CFPackageURI"]
    item["identifier"] = "not-a-uuid"
    assert len(problems("CFDocument", item)) == 2


def test_an_etag_answers_304_until_the_package_changes(db_session, library):
    [standard] = publish(db_session, "LOCAL-CCNEEDS01")
    url = f"{BASE}/CFPackages/{package_identifier(standard)}"
    first = library.get(url)
    etag = first.headers["ETag"]
    assert etag and first.headers["Cache-Control"].startswith("public")
    again = library.get(url, headers={"If-None-Match": etag})
    assert (again.status_code, again.get_data()) == (304, b"")
    newer = second_version(db_session, "LOCAL-CCNEEDS01")
    assert library.get(url, headers={"If-None-Match": etag}).status_code == 304, "version 2 is not public"
    find_standard(db_session, newer.urn, "2").public = True
    db_session.commit()
    changed = library.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    replaced = [a for a in changed.get_json()["CFAssociations"] if a["associationType"] == "replacedBy"]
    assert [link["destinationNodeURI"]["identifier"] for link in replaced] == [package_identifier(find_standard(db_session, newer.urn, "2"))]


def package_of(db_session, standard: Standard, language: str) -> dict:
    versions = list(db_session.scalars(select(Standard).where(Standard.urn == standard.urn).order_by(Standard.loaded_at.desc())))
    context = export_context(standard, versions, "http://localhost/")
    return case_package(document_for_export(standard), language, context)


def test_nothing_of_a_standard_that_is_not_public_can_be_found(db_session, library):
    [public] = publish(db_session, "LOCAL-CCNEEDS01")
    hidden_ids = set()
    second_version(db_session, "LOCAL-CCNEEDS01")
    for urn, version in (("LOCAL-CCNEEDS01", "2"), ("LOCAL-SKSPP06", None)):
        for language in ("cy", "en"):
            package = package_of(db_session, find_standard(db_session, urn, version), language)
            document = package["CFDocument"]["identifier"]
            objects = [("CFDocuments", document), ("CFPackages", document)]
            objects += [("CFItems", item["identifier"]) for item in package["CFItems"]]
            objects += [("CFAssociations", association["identifier"]) for association in package["CFAssociations"]]
            for collection, identifier in objects:
                assert problems("imsx_StatusInfo", get_json(library, f"{BASE}/{collection}/{identifier}", 404)) == []
            hidden_ids |= {identifier for _, identifier in objects}
    served = json.dumps([get_json(library, f"{BASE}/CFDocuments")] + [
        get_json(library, f"{BASE}/CFPackages/{package_identifier(public, language)}") for language in ("cy", "en")
    ])
    assert len(hidden_ids) > 300
    assert not [identifier for identifier in hidden_ids if identifier in served]


def test_an_unknown_or_malformed_identifier_gets_the_imsx_status(db_session, library):
    publish(db_session, "SKSCMGS11")
    unknown = get_json(library, f"{BASE}/CFItems/5b0f3c1e-7a52-5d8e-9c4b-2f6d1e8a9b30", 404)
    assert problems("imsx_StatusInfo", unknown) == []
    assert unknown["imsx_codeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"] == "unknownobject"
    malformed = get_json(library, f"{BASE}/CFAssociations/P1", 404)
    assert malformed["imsx_codeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"] == "invalid_uuid"
    elsewhere = get_json(library, f"{BASE}/CFRubrics/5b0f3c1e-7a52-5d8e-9c4b-2f6d1e8a9b30", 404)
    assert problems("imsx_StatusInfo", elsewhere) == []


def test_with_nothing_public_the_list_is_unknown(library):
    answer = get_json(library, f"{BASE}/CFDocuments", 404)
    assert problems("imsx_StatusInfo", answer) == [] and answer["imsx_codeMajor"] == "failure"


def test_the_english_package_links_to_the_welsh_one(db_session, library):
    [standard] = publish(db_session, "LOCAL-CCNEEDS01")
    english = get_json(library, f"{BASE}/CFPackages/{package_identifier(standard, 'en')}")
    [document_link] = [a for a in english["CFAssociations"] if a["associationType"] == "isTranslationOf"][:1]
    welsh = get_json(library, path_of(document_link["destinationNodeURI"]["uri"]))
    assert welsh["identifier"] == package_identifier(standard) and welsh["language"] == "cy"


# -- who publishes ---------------------------------------------------------------------------------


def test_the_site_publishes_its_own_standards_and_a_provider_those_it_imported(world):
    assert can_publish_standard(world.site_admin, None)
    assert not can_publish_standard(world.a.admin, None)
    assert can_publish_standard(world.a.admin, world.a.admin.provider_id)
    assert not can_publish_standard(world.b.admin, world.a.admin.provider_id)
    assert not can_publish_standard(world.a.assessor, world.a.admin.provider_id)
    assert not can_publish_standard(world.site_admin, world.a.admin.provider_id)


def test_a_site_administrator_publishes_from_the_standards_page(app, client, world, db_session):
    app.config["WTF_CSRF_ENABLED"] = False
    standard = world.standard
    page = f"/standards/{standard.urn}/{standard.version}"
    client.set_cookie(LANGUAGE_COOKIE, "en")
    assert "Publish at the CASE service" not in client.get(page).get_data(as_text=True)
    login_as(client, world.site_admin)
    assert "Publish at the CASE service" in client.get(page).get_data(as_text=True)
    response = client.post(f"{page}/public", data={"public": "1"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#case-service")
    assert find_standard(db_session, standard.urn, standard.version).public
    shown = client.get(page).get_data(as_text=True)
    assert "Stop publishing at the CASE service" in shown and f"/ims/case/v1p1/CFPackages/{package_identifier(standard)}" in shown
    assert client.post(f"{page}/public", data={"public": "maybe"}).status_code == 400
    client.post(f"{page}/public", data={"public": "0"})
    assert not find_standard(db_session, standard.urn, standard.version).public


def test_a_provider_administrator_publishes_only_what_the_provider_imported(app, client, world, db_session):
    app.config["WTF_CSRF_ENABLED"] = False
    standard = world.standard
    page = f"/standards/{standard.urn}/{standard.version}"
    login_as(client, world.a.admin)
    assert client.post(f"{page}/public", data={"public": "1"}).status_code == 403
    find_standard(db_session, standard.urn, standard.version).provider_id = world.a.admin.provider_id
    db_session.commit()
    assert client.post(f"{page}/public", data={"public": "1"}).status_code == 302
    login_as(client, world.b.admin)
    assert client.post(f"{page}/public", data={"public": "0"}).status_code == 403


def test_an_official_english_publication_is_served_dated_when_it_was_attached(db_session, library):
    from .test_publications import english_publication

    import_document(db_session, english_publication(), source="en.txt")
    [standard] = publish(db_session, "SKSCMGS11")
    publication = standard.publication("en")
    english = get_json(library, f"{BASE}/CFPackages/{package_identifier(standard, 'en')}")
    assert problems("CFPackage", english) == []
    assert english["CFDocument"]["extensions"]["unofficialTranslation"] is False
    moments = [moment if moment.tzinfo else moment.replace(tzinfo=UTC) for moment in (publication.attached_at, standard.loaded_at)]
    assert english["CFDocument"]["lastChangeDateTime"] == max(moments).strftime("%Y-%m-%dT%H:%M:%SZ")
    links = [a for a in english["CFAssociations"] if a["associationType"] == "isTranslationOf"]
    assert links[0]["destinationNodeURI"]["identifier"] == package_identifier(standard)

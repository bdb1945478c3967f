"""The other language's publication of a standard held: matched by URN and version, attached item by item."""
import copy
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assessor.cli import main
from assessor.export.data import portfolio_data
from assessor.export.render import portfolio_html
from assessor.standards.exports import ExportContext, export_standard
from assessor.standards.models import Standard, StandardPublication
from assessor.standards.parser import parse_standard
from assessor.standards.reading import read_standard
from assessor.standards.services import (
    PublicationRefused,
    StandardError,
    document_for_export,
    find_standard,
    import_document,
    load_document,
    plan_publication,
    search_standards,
    validate_document,
)

from ..factories import login_as, shipped_standard

PUBLICATIONS = Path(__file__).resolve().parent / "publications"


def english_publication(**changes) -> dict:
    """The English publication of SKSCMGS11 (our own wording), parsed."""
    result = parse_standard((PUBLICATIONS / "SKSCMGS11_en.txt").read_text(encoding="utf-8"))
    assert result.ok, result.errors
    return {**result.document, **changes}


def made_up_english(standard: Standard) -> dict:
    """An English publication of a held Welsh standard: its structure, with words of our own."""
    document = copy.deepcopy(standard.document)
    document["language"] = "en"
    document["title"] = f"English title of {standard.urn}"
    for key in ("performance_criteria", "knowledge"):
        for item in document[key]:
            item["text"] = f"official English of {item['ref']}"
            item["group"] = f"Group {item['group'][:12]}" if item["group"] else None
            for child in item["children"]:
                child["text"] = f"official English of {child['ref']}"
    return document


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_the_english_publication_attaches_to_the_welsh_standard_item_by_item(db_session):
    welsh = shipped_standard(db_session)
    unofficial_p1 = welsh.criteria[0].text_en
    before = count(db_session, Standard)
    outcome = import_document(db_session, english_publication(), source="SKSCMGS11_en.txt")
    assert outcome.status == "official text attached" and outcome.standard is welsh
    assert count(db_session, Standard) == before
    by_ref = {c.ref: c for c in welsh.criteria}
    assert by_ref["P1"].text_en == "agree with clients or customers what they can expect from the relationship and the work"
    assert by_ref["P1"].text_en != unofficial_p1 and by_ref["P1"].text.startswith("rheoli disgwyliadau")
    assert by_ref["K14"].text_en.startswith("when to bring in other people")
    assert welsh.title_en == "Look after working relationships with clients and customers in creative work"
    publication = welsh.publication("en")
    assert publication.source == "SKSCMGS11_en.txt" and publication.attached_at is not None
    assert publication.left_out == [] and welsh.translation_en["unofficial"] is False
    reading = read_standard(welsh, "en")
    assert reading.is_translation and reading.official
    assert reading.performance[0].items[0].text.startswith("agree with clients")


def test_the_plan_says_what_will_happen_and_changes_nothing(db_session):
    welsh = shipped_standard(db_session)
    plan = plan_publication(db_session, english_publication())
    assert plan.status == "attach" and plan.standard is welsh and len(plan.attached) == 30
    assert [str(d) for d in plan.differences] == [
        "The title changes from “Manage relationships with clients or customers in the creative industries” (unofficial) "
        "to “Look after working relationships with clients and customers in creative work”."
    ]
    assert welsh.publication("en") is None and welsh.translation_en["unofficial"] is True


def test_the_same_publication_again_changes_nothing(db_session):
    welsh = shipped_standard(db_session)
    import_document(db_session, english_publication(), source="first.txt")
    attached_at = welsh.publication("en").attached_at
    again = import_document(db_session, english_publication(), source="second.txt")
    assert again.status == "unchanged"
    assert welsh.publication("en").source == "first.txt" and welsh.publication("en").attached_at == attached_at
    assert count(db_session, StandardPublication) == 1


def test_reloading_the_shipped_file_keeps_the_official_english(db_session):
    welsh = shipped_standard(db_session)
    import_document(db_session, english_publication(), source="en.txt")
    document = copy.deepcopy(welsh.document)
    document["translations"] = {"en": {"unofficial": True, "note": "x", "title": "Something else", "items": {}}}
    assert load_document(db_session, document).status == "unchanged"
    assert welsh.title_en.startswith("Look after")


def test_a_different_number_of_knowledge_items_is_refused_and_nothing_attached(db_session):
    welsh = shipped_standard(db_session)
    document = english_publication()
    document["knowledge"] = document["knowledge"][:13]
    with pytest.raises(PublicationRefused) as refused:
        import_document(db_session, document, source="short.txt")
    messages = [str(d) for d in refused.value.plan.differences]
    assert "The standard held has 14 knowledge items, the publication imported 13." in messages
    assert "K14 is only in the standard held." in messages
    assert "Nothing was changed" in str(refused.value)
    assert welsh.publication("en") is None and welsh.translation_en["unofficial"] is True


def test_an_item_only_in_the_publication_is_refused(db_session):
    shipped_standard(db_session)
    document = english_publication()
    document["performance_criteria"].append({"code": "P17", "ref": "P17", "text": "an extra", "group": None, "children": []})
    plan = plan_publication(db_session, document)
    assert plan.refused and "P17 is only in the publication imported." in [str(d) for d in plan.differences]


def test_sub_items_only_in_one_are_listed_and_the_rest_attached(db_session):
    welsh = shipped_standard(db_session, "LOCAL-CCNEEDS01")
    document = made_up_english(welsh)
    parent = next(item for item in document["performance_criteria"] if item["children"])
    dropped = parent["children"].pop()
    outcome = import_document(db_session, document, source="ccneeds.txt")
    by_ref = {c.ref: c for c in welsh.criteria}
    assert by_ref[parent["ref"]].text_en == f"official English of {parent['ref']}"
    assert by_ref[dropped["ref"]].text_en == welsh.translation_en["items"][dropped["ref"]] != f"official English of {dropped['ref']}"
    assert f"{dropped['ref']} is only in the standard held: it keeps the text it has." in [str(d) for d in outcome.attachment.differences]
    assert welsh.publication("en").left_out == [dropped["ref"]]


def test_different_grouping_attaches_the_items_and_only_the_headings_that_match(db_session):
    welsh = shipped_standard(db_session, "LOCAL-CFACSB15")
    document = made_up_english(welsh)
    first, second = sorted({item["group"] for item in document["performance_criteria"]})
    for item in document["performance_criteria"]:
        item["group"] = first if item["ref"] in ("P1", "P2", "P3", "P4", "P5", "P6") else second
    outcome = import_document(db_session, document, source="cfacsb15.txt")
    assert outcome.status == "official text attached"
    messages = [str(d) for d in outcome.attachment.differences]
    assert any("grouped differently" in m for m in messages) and any("has no match" in m for m in messages)
    by_ref = {c.ref: c for c in welsh.criteria}
    assert all(by_ref[f"P{n}"].text_en == f"official English of P{n}" for n in range(1, 10))
    assert by_ref["G1"].text_en == "official English of G1"
    assert any("matched by URN alone" in m for m in messages)
    unofficial = welsh.publication("en").rendering["groups"]
    held_groups = {by_ref["P1"].group, by_ref["P9"].group}
    assert set(welsh.publication("en").left_out) == {unofficial[group] for group in held_groups}
    assert {by_ref["P1"].group_en, by_ref["P9"].group_en} == {unofficial[group] for group in held_groups}
    assert first not in {by_ref["P1"].group_en, by_ref["P9"].group_en}


def test_the_welsh_publication_attaches_to_a_standard_held_in_english(db_session):
    english = import_document(db_session, english_publication(urn="LOCAL-ENFIRST"), source="en.txt").standard
    assert english.language == "en"
    (seed,) = (PUBLICATIONS.parents[2] / "standards" / "sources").glob("000_*.txt")
    welsh = parse_standard(seed.read_text(encoding="utf-8"), urn="LOCAL-ENFIRST").document
    outcome = import_document(db_session, welsh, source=seed.name)
    assert outcome.status == "official text attached" and outcome.standard is english
    assert english.publication("cy").rendering["items"]["P1"].startswith("rheoli disgwyliadau")
    reading = read_standard(english, "cy")
    assert reading.language == "cy" and reading.official and reading.title.startswith("Rheoli perthnasoedd")
    assert read_standard(english, "en").title.startswith("Look after")
    assert search_standards(db_session, text="rheoli perthnasoedd").standards == [english]


def test_no_match_loads_a_new_standard_as_today(db_session):
    shipped_standard(db_session)
    other_version = import_document(db_session, english_publication(version="4"), source="v4.txt")
    assert other_version.status == "added" and other_version.standard.language == "en"
    assert find_standard(db_session, "SKSCMGS11", "3").publication("en") is None
    same_language = import_document(db_session, english_publication(urn="LOCAL-NEWONE"), source="new.txt")
    assert same_language.status == "added" and same_language.attachment is None


def test_the_cli_says_what_it_will_do_then_attaches(runner, db_session, tmp_path):
    welsh = shipped_standard(db_session)
    db_session.commit()  # each command ends its session; the test's transaction is still rolled back
    path = PUBLICATIONS / "SKSCMGS11_en.txt"
    dry = runner.invoke(main, ["standards", "import", str(path), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "SKSCMGS11 version 3 is held in Welsh; this English publication will be attached as its official English (30 items by reference)" in dry.output
    assert "note: The title changes from" in dry.output and welsh.publication("en") is None
    done = runner.invoke(main, ["standards", "import", str(path)])
    assert done.exit_code == 0 and "SKSCMGS11 version 3: official text attached" in done.output
    welsh = find_standard(db_session, "SKSCMGS11", "3")
    assert welsh.publication("en").source == "SKSCMGS11_en.txt"
    again = runner.invoke(main, ["standards", "import", str(path)])
    assert "already attached as its official English" in again.output and "version 3: unchanged" in again.output


def test_the_cli_refuses_a_publication_that_disagrees_and_names_each_difference(runner, db_session, tmp_path):
    welsh = shipped_standard(db_session)
    db_session.commit()
    text = (PUBLICATIONS / "SKSCMGS11_en.txt").read_text(encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(text.replace("- how to solve problems\n", ""), encoding="utf-8")
    result = runner.invoke(main, ["standards", "import", str(short)])
    assert result.exit_code == 1
    assert "disagrees with it in structure and will not be attached" in result.output
    assert "refused: The standard held has 14 knowledge items, the publication imported 13." in result.output
    assert "refused: K14 is only in the standard held." in result.output
    welsh = find_standard(db_session, "SKSCMGS11", "3")
    assert welsh.publication("en") is None and count(db_session, Standard) == 1


def _post(client, url, text, **fields):
    return client.post(url, data={"urn": "", "title": "", "language": "", "version": "", "filename": "", "text": text, **fields})


def test_the_browser_preview_says_what_attaching_will_do_then_attaches(app, client, world, db_session):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.admin)
    welsh = shipped_standard(db_session)
    text = (PUBLICATIONS / "SKSCMGS11_en.txt").read_text(encoding="utf-8")
    upload = {"upload": (io.BytesIO(text.encode()), "SKSCMGS11_en.txt"), "text": ""}
    preview = client.post("/standards-import/preview", data={"urn": "", "title": "", "language": "", "version": "", **upload},
                          content_type="multipart/form-data")
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200, page
    assert "SKSCMGS11 version 3 is already held in Welsh. Loading this will not add a second standard" in page
    assert "30 items will be attached: P1, P2" in page and "Where the two publications disagree" in page
    assert "The title changes from" in page and "Attach as the official English" in page
    assert 'name="filename" value="SKSCMGS11_en.txt"' in page and welsh.publication("en") is None
    confirmed = _post(client, "/standards-import/confirm", text, filename="SKSCMGS11_en.txt")
    assert confirmed.status_code == 302 and confirmed.location.endswith("/standards/SKSCMGS11/3")
    assert find_standard(db_session, "SKSCMGS11", "3").publication("en").source == "SKSCMGS11_en.txt"
    detail = client.get("/standards/SKSCMGS11/3?text=en").get_data(as_text=True)
    assert "is now the official English of SKSCMGS11 version 3" in detail
    assert "This is the official English publication of this standard" in detail and "unofficial English translation" not in detail
    assert "official English publication" in client.get("/standards/SKSCMGS11/3?text=cy").get_data(as_text=True)


def test_the_browser_preview_refuses_a_publication_that_disagrees(app, client, world, db_session):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.admin)
    shipped_standard(db_session)
    text = (PUBLICATIONS / "SKSCMGS11_en.txt").read_text(encoding="utf-8").replace("- how to solve problems\n", "")
    preview = _post(client, "/standards-import/preview", text)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 422
    assert "It cannot be attached" in page and "Stops the attachment" in page and "K14 is only in the standard held." in page
    assert "Attach as the official English" not in page and "Load this standard" not in page
    refused = _post(client, "/standards-import/confirm", text)
    assert refused.status_code == 422 and find_standard(db_session, "SKSCMGS11", "3").publication("en") is None


def test_the_portfolio_pdf_says_whether_the_english_is_official(app, world, db_session):
    with app.app_context():
        before = portfolio_html(portfolio_data(db_session, world.a.learner), "en")
        import_document(db_session, english_publication(), source="en.txt")
        after = portfolio_html(portfolio_data(db_session, world.a.learner), "en")
    assert "an unofficial rendering; the Welsh is authoritative" in before and "official English publication" not in before
    assert "The English text of this standard is its official English publication." in after
    assert "unofficial rendering" not in after and "agree with clients or customers what they can expect" in after


def test_the_json_export_carries_the_official_english_and_loads_elsewhere_as_official(db_session):
    welsh = shipped_standard(db_session)
    import_document(db_session, english_publication(), source="en.txt")
    exported = json.loads(export_standard(document_for_export(welsh), "json", "cy"))
    english = exported["translations"]["en"]
    assert english["unofficial"] is False and english["official"]["source"] == "en.txt"
    validate_document(exported)
    exported["urn"] = "LOCAL-ELSEWHERE"
    elsewhere = load_document(db_session, exported).standard
    assert elsewhere.publication("en").source == "en.txt" and read_standard(elsewhere, "en").official
    claimed = copy.deepcopy(exported)
    del claimed["translations"]["en"]["official"]
    with pytest.raises(StandardError, match="does not match"):
        validate_document(claimed)


def test_the_case_package_says_the_english_is_official(db_session):
    welsh = shipped_standard(db_session)
    dated = ExportContext(changed_at=welsh.loaded_at)
    before = json.loads(export_standard(document_for_export(welsh), "case", "en", dated))
    import_document(db_session, english_publication(), source="en.txt")
    after = json.loads(export_standard(document_for_export(welsh), "case", "en", dated))
    assert before["CFDocument"]["extensions"]["unofficialTranslation"] is True
    assert after["CFDocument"]["extensions"]["unofficialTranslation"] is False

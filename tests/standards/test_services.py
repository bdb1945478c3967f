"""Loading standards: idempotency, refusal of changed text, versions side by side, search."""
import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assessor.standards.models import KNOWLEDGE, PERFORMANCE, Criterion, Standard
from assessor.standards.parser import parse_standard
from assessor.standards.services import (
    StandardConflict,
    StandardError,
    find_standard,
    load_directory,
    load_document,
    search_standards,
    suite_names,
)

SHIPPED = Path(__file__).resolve().parents[2] / "standards"
EXPECTED_COUNTS = {
    "SKSCMGS11": (16, 14),
    "LOCAL-SKSPP06": (11, 15),
    "LOCAL-CFACSB15": (9, 10),
    "LOCAL-CCNEEDS01": (17, 26),
    "LOCAL-CSOPS01": (19, 16),
}


@pytest.fixture
def document(seed_text):
    return parse_standard(seed_text("000")).document


@pytest.fixture
def loaded(db_session):
    load_directory(db_session, SHIPPED)
    return db_session


def top_level_count(session, standard: Standard, kind: str) -> int:
    query = select(func.count()).where(
        Criterion.standard_id == standard.id, Criterion.kind == kind, Criterion.parent_id.is_(None)
    )
    return session.scalar(query)


def test_load_adds_the_standard_with_its_items(db_session, document):
    outcome = load_document(db_session, document)
    assert (outcome.status, outcome.urn, outcome.version) == ("added", "SKSCMGS11", "3")
    standard = find_standard(db_session, "SKSCMGS11")
    assert top_level_count(db_session, standard, PERFORMANCE) == 16
    assert top_level_count(db_session, standard, KNOWLEDGE) == 14
    assert standard.criteria[0].ref == "P1"
    assert [suite.name for suite in standard.suites] == ["Sgiliau Cyffredinol y Cyfryngau Creadigol"]


def test_loading_the_same_text_again_changes_nothing(db_session, document):
    load_document(db_session, document)
    again = load_document(db_session, copy.deepcopy(document))
    assert again.status == "unchanged"
    assert db_session.scalar(select(func.count()).select_from(Standard)) == 1


def test_changed_text_under_the_same_urn_and_version_is_refused(db_session, document):
    load_document(db_session, document)
    changed = copy.deepcopy(document)
    changed["performance_criteria"][0]["text"] += " (wedi newid)"
    with pytest.raises(StandardConflict, match="new version number"):
        load_document(db_session, changed)
    assert "wedi newid" not in find_standard(db_session, "SKSCMGS11").criteria[0].text


def test_a_new_version_is_stored_beside_the_old(db_session, document):
    load_document(db_session, document)
    newer = copy.deepcopy(document)
    newer["version"] = "4"
    newer["performance_criteria"].pop()
    assert load_document(db_session, newer).status == "added"
    assert top_level_count(db_session, find_standard(db_session, "SKSCMGS11", "3"), PERFORMANCE) == 16
    assert find_standard(db_session, "SKSCMGS11").version == "4"


def test_children_are_stored_under_their_parent(db_session, seed_text):
    document = parse_standard(seed_text("003"), urn="LOCAL-T1", title="Teitl").document
    load_document(db_session, document)
    standard = find_standard(db_session, "LOCAL-T1")
    k2 = next(c for c in standard.criteria if c.ref == "K2")
    assert [child.ref for child in k2.children] == ["K2.1", "K2.2", "K2.3"]
    assert top_level_count(db_session, standard, KNOWLEDGE) == 26
    assert standard.version == "1" and not standard.version_given


def test_a_document_that_breaks_the_schema_is_refused(db_session, document):
    del document["performance_criteria"][0]["text"]
    with pytest.raises(StandardError, match="schema"):
        load_document(db_session, document)


def test_a_changed_translation_updates_in_place(db_session, document):
    document["translations"] = {"en": {"unofficial": True, "title": "Manage relationships"}}
    load_document(db_session, document)
    document["translations"]["en"]["title"] = "Manage relationships with clients"
    assert load_document(db_session, document).status == "translation updated"
    assert find_standard(db_session, "SKSCMGS11").title_en == "Manage relationships with clients"


def test_the_shipped_folder_loads_every_seed_once(loaded):
    for urn, (pcs, ks) in EXPECTED_COUNTS.items():
        standard = find_standard(loaded, urn)
        assert standard is not None, urn
        assert (top_level_count(loaded, standard, PERFORMANCE), top_level_count(loaded, standard, KNOWLEDGE)) == (pcs, ks)
        assert standard.title_en, f"{urn} has no English title"
    again = load_directory(loaded, SHIPPED)
    assert {outcome.status for _path, outcome in again} == {"unchanged"}


def test_a_broken_file_is_reported_and_the_rest_still_load(db_session, tmp_path, document):
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(document), encoding="utf-8")
    results = dict((path.name, outcome) for path, outcome in load_directory(db_session, tmp_path))
    assert isinstance(results["a.json"], StandardError)
    assert results["b.json"].status == "added"


@pytest.mark.parametrize(
    "text, urns",
    [
        ("SKSCMGS11", {"SKSCMGS11"}),
        ("sksgs11", {"SKSCMGS11"}),
        ("ôl-gynhyrchu", {"LOCAL-SKSPP06"}),
        ("customer service operations", {"LOCAL-CSOPS01"}),
        ("zzz-no-such", set()),
    ],
)
def test_search_by_urn_title_and_keyword(loaded, text, urns):
    assert {s.urn for s in search_standards(loaded, text=text).standards} == urns


def test_search_escapes_like_wildcards(loaded):
    assert search_standards(loaded, text="%").total == 0


def test_filter_by_suite(loaded):
    names = [name for name, _en in suite_names(loaded)]
    assert "Ôl-gynhyrchu" in names
    assert [s.urn for s in search_standards(loaded, suite="Ôl-gynhyrchu").standards] == ["LOCAL-SKSPP06"]


def test_pages_hold_per_page_results_and_clamp(loaded):
    first = search_standards(loaded, per_page=2)
    assert (first.total, first.pages, len(first.standards)) == (5, 3, 2)
    last = search_standards(loaded, per_page=2, page=99)
    assert (last.page, len(last.standards)) == (3, 1)
    assert first.counts[first.standards[0].id][PERFORMANCE] > 0


def test_english_readers_get_the_list_in_english_title_order(loaded):
    titles = [s.title_en for s in search_standards(loaded, english=True).standards]
    assert titles == sorted(titles)


def test_the_same_text_without_a_translation_keeps_the_english(db_session, document):
    document["translations"] = {"en": {"unofficial": True, "title": "Manage relationships"}}
    load_document(db_session, copy.deepcopy(document))
    del document["translations"]
    assert load_document(db_session, document).status == "unchanged"
    assert find_standard(db_session, "SKSCMGS11").title_en == "Manage relationships"

"""The standards a provider's scenarios may cite, from the database: the site's and the provider's own, never
another provider's; drafts are checked, published and imported against them."""
import pytest
from flask_babel import force_locale

from assessor.core.acts import Refused
from assessor.scenarios import authoring
from assessor.scenarios.check_panels import draft_check
from assessor.scenarios.citable import citable_outlines, citable_refs
from assessor.scenarios.importing import import_files
from assessor.scenarios.player import entries, start_attempt
from assessor.scenarios.portfolio import add_to_portfolio
from assessor.scenarios.standards_data import read_outlines

from ..factories import enrol, make_cohort, shipped_standard
from .authoring_support import SOURCE
from .conftest import TEST_STANDARDS
from .own_standards import own_standard
from .player_support import fixture_document, load, play_to_end
from .test_player_portfolio import REFLECTION


@pytest.fixture
def acme_standard(db_session, world):
    return own_standard(db_session, world.a.provider)


def unknown_standards(records):
    return [record for record in records if record.kind in ("unknown_standard", "unknown_version")]


def test_a_shipped_standard_in_the_database_has_the_outline_of_its_file(db_session):
    for outline in read_outlines():
        shipped_standard(db_session, outline.urn)
    from_database = {(outline.urn, outline.version): outline for outline in citable_outlines(db_session, None)}
    for outline in read_outlines():
        assert from_database[(outline.urn, outline.version)] == outline


def test_the_fixture_standard_as_imported_has_the_refs_the_tests_use(db_session, world, acme_standard):
    assert citable_refs(db_session, world.a.provider.id)["TEST-STD"] == TEST_STANDARDS["TEST-STD"]


def test_the_site_standards_are_known_to_every_provider_and_its_own_only_to_the_provider(db_session, world,
                                                                                           acme_standard):
    own_standard(db_session, None, "OTHER-STD")
    mine, theirs = citable_refs(db_session, world.a.provider.id), citable_refs(db_session, world.b.provider.id)
    assert {"TEST-STD", "OTHER-STD", world.standard.urn} <= set(mine)
    assert "TEST-STD" not in theirs and {"OTHER-STD", world.standard.urn} <= set(theirs)
    assert "TEST-STD" not in citable_refs(db_session, None)


def test_a_providers_own_standard_is_known_to_its_drafts_as_typed_and_on_publishing(db_session, world, acme_standard):
    draft = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    assert unknown_standards(authoring.check_typed(db_session, world.a.admin, draft, SOURCE)) == []
    row = authoring.publish(db_session, world.a.admin, draft, draft.revision, "")
    assert row.provider_id == world.a.provider.id


def test_another_providers_own_standard_is_an_unknown_standard(db_session, world, acme_standard):
    draft = authoring.create_draft(db_session, world.b.admin, world.b.provider.id, SOURCE.replace("acme", "bee"))
    (problem,) = unknown_standards(authoring.check_typed(db_session, world.b.admin, draft, draft.source))
    assert problem.severity == "error" and problem.params["urn"] == "TEST-STD"
    with pytest.raises(Refused, match="TEST-STD"):
        authoring.publish(db_session, world.b.admin, draft, draft.revision, "")


def test_the_coverage_panel_lists_the_providers_standards_criteria(app, db_session, world, acme_standard):
    draft = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    with app.test_request_context(), force_locale("en"):
        panel = draft_check(db_session, draft, "en")
    assert unknown_standards(panel["records"]) == []
    (entry,) = panel["coverage"]
    assert (entry["urn"], entry["version"], entry["title"]) == ("TEST-STD", "1", "A test standard")
    tally = entry["performance_criteria"]
    assert tally["total"] == 3 and sorted(tally["covered"] + tally["not_reached"]) == ["P1", "P2", "P3"]
    assert entry["knowledge"]["total"] == 2


def test_an_import_is_checked_against_the_importing_providers_standards(db_session, world, acme_standard):
    files = [("call.yaml", SOURCE.encode())]
    (mine,) = import_files(db_session, world.a.admin, world.a.provider.id, files)
    (theirs,) = import_files(db_session, world.b.admin, world.b.provider.id,
                             [("call.yaml", SOURCE.replace("acme", "bee").encode())])
    assert [p.kind for p in mine.problems if p.kind.startswith("unknown")] == []
    assert [p.kind for p in theirs.problems if p.kind.startswith("unknown")] == ["unknown_standard"]


def test_a_scenario_citing_the_providers_own_standard_is_shown_with_it_and_maps_to_the_learners_enrolment(
        db_session, world, acme_standard):
    cohort = make_cohort(db_session, world.a.provider, standards=[acme_standard])
    enrolment = enrol(db_session, cohort, world.a.learner, acme_standard)
    row = load(db_session, {**fixture_document(), "id": "acme-own-standard"})
    row.provider_id = world.a.provider.id
    (entry,) = [entry for entry in entries(db_session, world.a.learner) if entry.row == row]
    assert entry.standards == [(acme_standard, True)]
    attempt = play_to_end(db_session, start_attempt(db_session, world.a.learner, row))
    evidence = add_to_portfolio(db_session, world.a.learner, attempt, REFLECTION, "en")
    assert evidence.mappings and {mapping.enrolment_id for mapping in evidence.mappings} == {enrolment.id}
    assert {mapping.criterion.standard_id for mapping in evidence.mappings} == {acme_standard.id}

"""Importing scenarios: each file a draft of the provider (or a new text of its own draft), whole or not at all."""
import io
import zipfile

import pytest
from sqlalchemy import func, select

from assessor.core.acts import Refused
from assessor.scenarios import authoring, importing, unpacking
from assessor.scenarios.catalogue import load_files
from assessor.scenarios.importing import CREATED, REFUSED, UNCHANGED, UPDATED, import_files
from assessor.scenarios.models import ScenarioDraft

from .authoring_support import SOURCE, WITH_ERRORS, WITH_WARNING
from .conftest import TEST_STANDARDS, VALID

OTHER = SOURCE.replace("id: acme-first-call", "id: acme-second-call")


def run(db_session, person, files, provider=None):
    provider_id = person.provider_id if provider is None else provider
    return import_files(db_session, person, provider_id, files, TEST_STANDARDS)


def drafts(db_session) -> dict[str, ScenarioDraft]:
    return {draft.scenario_id: draft for draft in db_session.scalars(select(ScenarioDraft))}


def zipped(**members) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_each_file_becomes_a_draft_of_the_provider_with_the_checks_problems(db_session, world):
    first, second = run(db_session, world.a.admin, [("first.yaml", SOURCE.encode()), ("second.yml", WITH_ERRORS.replace(
        "acme-first-call", "acme-second-call").encode())])
    assert (first.outcome, first.scenario_id, first.problems) == (CREATED, "acme-first-call", [])
    assert second.outcome == CREATED and {p.severity for p in second.problems} == {"error"}
    made = drafts(db_session)
    assert made["acme-first-call"].source == SOURCE and made["acme-second-call"].provider_id == world.a.provider.id
    assert first.draft_id == made["acme-first-call"].id
    assert second.lines()[0] == "second.yml: created acme-second-call"
    assert second.lines()[1].startswith(f"second.yml:{second.problems[0].line}: error: ")


def test_a_file_with_the_id_of_the_providers_own_draft_is_its_new_text_by_the_revision_rule(db_session, world):
    draft = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    db_session.flush()
    revision = draft.revision
    (same,) = run(db_session, world.a.admin, [("same.yaml", SOURCE.encode())])
    (changed,) = run(db_session, world.a.admin, [("changed.yaml", WITH_WARNING.encode())])
    assert same.outcome == UNCHANGED and changed.outcome == UPDATED and changed.draft_id == draft.id
    assert draft.source == WITH_WARNING and draft.revision == revision + 1
    assert [p.severity for p in changed.problems] == ["warning"]


def test_an_id_of_another_provider_or_of_the_site_is_refused_and_nothing_is_made(db_session, world):
    authoring.create_draft(db_session, world.b.admin, world.b.provider.id, SOURCE)
    load_files(db_session, [VALID], TEST_STANDARDS)
    results = run(db_session, world.a.admin, [("theirs.yaml", SOURCE.encode()), ("site.yaml", VALID.read_bytes())])
    assert [result.outcome for result in results] == [REFUSED, REFUSED]
    assert all("already used by a scenario of this site or of another provider" in result.reason for result in results)
    assert drafts(db_session)["acme-first-call"].provider_id == world.b.provider.id and "fixture-valid" not in drafts(db_session)


def test_what_cannot_be_a_scenario_is_refused_with_its_reason_and_problems_by_line(db_session, world):
    results = run(db_session, world.a.admin, [
        ("notes.txt", b"id: x"), ("latin1.yaml", "id: caf\xe9".encode("latin-1")), ("broken.yaml", b"id: [unclosed\n"),
        ("list.yaml", b"- a\n- b\n"), ("twice.yaml", OTHER.encode()), ("twice-again.yaml", OTHER.encode())])
    reasons = {result.name: (result.outcome, result.reason) for result in results}
    assert reasons["notes.txt"] == (REFUSED, "Only YAML files (.yaml or .yml), or a ZIP of them, can be imported.")
    assert "not UTF-8" in reasons["latin1.yaml"][1] and "not valid YAML" in reasons["broken.yaml"][1]
    assert "Give the scenario an id" in reasons["list.yaml"][1]
    assert reasons["twice.yaml"][0] == CREATED and "Another file of this import" in reasons["twice-again.yaml"][1]
    broken = next(result for result in results if result.name == "broken.yaml")
    assert broken.problems and broken.problems[0].severity == "error" and broken.problems[0].line >= 1
    assert set(drafts(db_session)) == {"acme-second-call"}


def test_a_file_refused_while_being_stored_leaves_nothing_behind(db_session, world, monkeypatch):
    create = authoring.create_draft

    def half_made(session, author, provider_id, source):
        draft = create(session, author, provider_id, source)
        if draft.scenario_id == "acme-first-call":
            raise Refused("refused after the draft was flushed")
        return draft

    monkeypatch.setattr(importing.authoring, "create_draft", half_made)
    results = run(db_session, world.a.admin, [("first.yaml", SOURCE.encode()), ("other.yaml", OTHER.encode())])
    assert [result.outcome for result in results] == [REFUSED, CREATED]
    assert set(drafts(db_session)) == {"acme-second-call"}


def test_a_zip_is_unpacked_and_each_yaml_in_it_imported(db_session, world):
    archive = zipped(**{"acme-first-call.yaml": SOURCE, "nested/acme-second-call.yaml": OTHER, "readme.md": "hi"})
    results = run(db_session, world.a.admin, [("scenarios.zip", archive)])
    assert [(result.name, result.outcome) for result in results] == [
        ("scenarios.zip/acme-first-call.yaml", CREATED), ("scenarios.zip/nested/acme-second-call.yaml", CREATED),
        ("scenarios.zip/readme.md", REFUSED)]


def test_a_zip_bomb_a_broken_zip_and_too_many_files_are_refused(db_session, world, monkeypatch):
    bomb = zipped(**{"bomb.yaml": "#" * (unpacking.FILE_MAX_BYTES + 10)})
    assert len(bomb) < 20_000
    (result,) = run(db_session, world.a.admin, [("bomb.zip", bomb)])
    assert result.outcome == REFUSED and "at most 500,000 characters" in result.reason
    (result,) = run(db_session, world.a.admin, [("fake.zip", b"not a zip at all")])
    assert result.outcome == REFUSED and "cannot be read" in result.reason
    many = zipped(**{f"s{number}.yaml": "id: x" for number in range(unpacking.IMPORT_MAX_FILES + 1)})
    with pytest.raises(Refused, match="at most 50 scenario files"):
        run(db_session, world.a.admin, [("many.zip", many)])
    monkeypatch.setattr(unpacking, "IMPORT_MAX_BYTES", 1000)
    with pytest.raises(Refused, match="once unpacked"):
        run(db_session, world.a.admin, [("big.zip", zipped(**{"a.yaml": SOURCE[:800], "b.yaml": SOURCE[:800]}))])
    assert drafts(db_session) == {}


def test_only_the_providers_authors_import_and_something_must_be_chosen(db_session, world):
    for person in (world.a.assessor, world.a.learner, world.site_admin):
        with pytest.raises(Refused):
            run(db_session, person, [("first.yaml", SOURCE.encode())], provider=world.a.provider.id)
    with pytest.raises(Refused, match="Choose the scenarios"):
        run(db_session, world.a.admin, [])


def test_an_exported_zip_imported_into_another_site_gives_identical_yaml(db_session, world):
    other_site = db_session.begin_nested()
    draft = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    authoring.publish(db_session, world.a.admin, draft, draft.revision, "", TEST_STANDARDS)
    authoring.create_draft(db_session, world.a.admin, world.a.provider.id, OTHER)
    exported = authoring.export_zip(db_session, world.a.provider.id)
    published = zipfile.ZipFile(io.BytesIO(exported)).read("acme-first-call.yaml").decode()
    other_site.rollback()
    assert db_session.scalar(select(func.count(ScenarioDraft.id))) == 0
    (result,) = run(db_session, world.b.admin, [("scenarios.zip", exported)])
    assert (result.outcome, result.problems) == (CREATED, [])
    imported = drafts(db_session)["acme-first-call"]
    assert imported.provider_id == world.b.provider.id and imported.source == published


def test_a_file_whose_id_is_taken_at_the_same_moment_is_refused_and_the_other_files_are_kept(db_session, world,
                                                                                              monkeypatch):
    from sqlalchemy import insert

    from assessor.timeutil import utcnow

    checked = authoring._check_id_free

    def taken_meanwhile(session, scenario_id, draft_id):
        """Another provider's draft of the same id arrives between the check and the insert."""
        checked(session, scenario_id, draft_id)
        if scenario_id == "acme-second-call":
            session.execute(insert(ScenarioDraft).values(
                provider_id=world.b.provider.id, scenario_id=scenario_id, source=OTHER, created_by_id=world.b.admin.id,
                updated_by_id=world.b.admin.id, updated_at=utcnow(), revision=1, shared_state="private"))

    monkeypatch.setattr(authoring, "_check_id_free", taken_meanwhile)
    third = SOURCE.replace("id: acme-first-call", "id: acme-third-call")
    first, second, last = run(db_session, world.a.admin, [("first.yaml", SOURCE.encode()), ("second.yaml", OTHER.encode()),
                                                          ("third.yaml", third.encode())])
    assert (first.outcome, second.outcome, last.outcome) == (CREATED, REFUSED, CREATED)
    assert "already used by another scenario" in second.reason
    db_session.flush()
    made = drafts(db_session)
    assert {"acme-first-call", "acme-third-call"} <= set(made) and made["acme-first-call"].id == first.draft_id

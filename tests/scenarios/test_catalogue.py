"""Loading scenario files into the database: idempotent, never changing a loaded version, pinning attempts."""
import shutil

import pytest
import yaml
from sqlalchemy import func, select

from assessor.scenarios.catalogue import ADDED, UNCHANGED, CatalogueError, load_document, load_files, newest_versions
from assessor.scenarios.cli import scenarios_group
from assessor.scenarios.models import ScenarioVersion
from assessor.scenarios.player import start_attempt
from assessor.scenarios.transcript import transcript_of

from .conftest import FIXTURES, TEST_STANDARDS
from .player_support import SCENARIOS, document, fixture_document, load


def _count(session) -> int:
    return session.scalar(select(func.count()).select_from(ScenarioVersion))


def test_loading_the_same_document_twice_adds_it_once(db_session):
    assert load_document(db_session, fixture_document()) == ADDED
    assert load_document(db_session, fixture_document()) == UNCHANGED
    assert _count(db_session) == 1


def test_a_changed_document_under_the_same_version_is_refused(db_session):
    load_document(db_session, fixture_document())
    changed = fixture_document()
    changed["nodes"]["open"]["client"]["en"] = "Hello again"
    with pytest.raises(CatalogueError, match="bump the version"):
        load_document(db_session, changed)


def test_a_new_version_is_added_beside_the_old(db_session):
    load_document(db_session, fixture_document())
    newer = fixture_document() | {"version": 2}
    assert load_document(db_session, newer) == ADDED
    versions = db_session.scalars(select(ScenarioVersion.version).where(ScenarioVersion.scenario_id == "fixture-valid"))
    assert sorted(versions) == [1, 2]
    assert [row.version for row in newest_versions(db_session)] == [2]


def test_an_attempt_keeps_the_version_it_was_played_on(db_session, world):
    first = load(db_session, fixture_document())
    attempt = start_attempt(db_session, world.a.learner, first)
    changed = fixture_document() | {"version": 2}
    changed["nodes"]["open"]["client"] = {"cy": "Shwmae, newydd", "en": "Hello, this is new"}
    load(db_session, changed)
    db_session.expire_all()
    transcript = transcript_of(db_session.get(type(attempt), attempt.id), "en")
    assert transcript.version == 1 and transcript.turns[0].client == "Hello, trust 5"


def test_files_are_checked_loaded_and_reloaded(db_session, tmp_path):
    source = FIXTURES / "valid.yaml"
    shutil.copy(source, tmp_path / "valid.yaml")
    (first,) = load_files(db_session, [tmp_path / "valid.yaml"], TEST_STANDARDS)
    (again,) = load_files(db_session, [tmp_path / "valid.yaml"], TEST_STANDARDS)
    assert (first.scenario_id, first.version, first.status, again.status) == ("fixture-valid", 1, ADDED, UNCHANGED)


def test_a_file_that_fails_the_check_is_not_loaded(db_session, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(fixture_document() | {"start": "nowhere"}), encoding="utf-8")
    (result,) = load_files(db_session, [broken], TEST_STANDARDS)
    assert isinstance(result, CatalogueError) and "fails the check" in str(result)
    assert _count(db_session) == 0


def test_the_load_command_loads_the_shipped_scenarios_once(runner, db_session):
    first = runner.invoke(scenarios_group, ["load"])
    assert first.exit_code == 0, first.output
    assert first.output.count(": added") == len(list(SCENARIOS.glob("*.yaml")))
    again = runner.invoke(scenarios_group, ["load"])
    assert again.exit_code == 0 and again.output.count(": unchanged") == len(list(SCENARIOS.glob("*.yaml")))


def test_the_load_command_refuses_a_changed_file_under_the_same_version(runner, db_session, tmp_path):
    data = document("festival-client-budget-cut")
    path = tmp_path / "festival-client-budget-cut.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert runner.invoke(scenarios_group, ["load", str(path)]).exit_code == 0
    data["title"]["en"] = "A changed title"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    refused = runner.invoke(scenarios_group, ["load", str(path)])
    assert refused.exit_code == 1 and "bump the version" in refused.output

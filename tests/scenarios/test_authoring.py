"""Authoring services: who owns a scenario and who sees it, drafts and their conflicts, publishing rules, retiring."""
import pytest
from sqlalchemy import select

from assessor.accounts.models import SCENARIO_AUTHOR
from assessor.audit.models import AuditEntry
from assessor.audit.services import chain_pending
from assessor.core.acts import Conflict, Locked, Refused
from assessor.scenarios import authoring
from assessor.scenarios.catalogue import newest_versions, playable_version
from assessor.scenarios.loader import load_file, load_text
from assessor.scenarios.player import entries, restart, start_attempt

from ..factories import make_user
from ..queries import counted_queries
from .authoring_support import SOURCE, WITH_ERRORS, WITH_WARNING
from .conftest import TEST_STANDARDS
from .player_support import SCENARIOS, fixture_document, load, play_to_end


def publish(session, author, draft, reason=""):
    return authoring.publish(session, author, draft, draft.revision, reason, TEST_STANDARDS)


@pytest.fixture
def draft(db_session, world):
    return authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)


@pytest.fixture
def published(db_session, world, draft):
    return publish(db_session, world.a.admin, draft)


def test_only_the_providers_administrators_author(db_session, world):
    for person in (world.a.assessor, world.a.iqa, world.a.learner, world.site_admin, world.b.admin):
        with pytest.raises(Refused):
            authoring.create_draft(db_session, person, world.a.provider.id, SOURCE)


def test_a_scenario_author_of_the_provider_authors_and_publishes(db_session, world):
    author = make_user(db_session, provider=world.a.provider, roles=(SCENARIO_AUTHOR,))
    draft = authoring.create_draft(db_session, author, world.a.provider.id, SOURCE)
    assert publish(db_session, author, draft).provider_id == world.a.provider.id
    with pytest.raises(Refused):
        authoring.create_draft(db_session, author, world.b.provider.id, SOURCE.replace("acme-first-call", "acme-b"))


def test_a_published_scenario_is_seen_by_its_providers_learners_only(db_session, world, published):
    shipped = load(db_session, fixture_document())
    assert published.provider_id == world.a.provider.id and shipped.provider_id is None
    mine = {row.scenario_id for row in newest_versions(db_session, world.a.provider.id)}
    theirs = {row.scenario_id for row in newest_versions(db_session, world.b.provider.id)}
    assert mine == {"acme-first-call", "fixture-valid"}
    assert theirs == {"fixture-valid"}
    assert "acme-first-call" not in {entry.row.scenario_id for entry in entries(db_session, world.b.learner)}
    assert playable_version(db_session, "acme-first-call", world.b.provider.id) is None
    assert playable_version(db_session, "acme-first-call", world.a.provider.id) == published


def test_an_unpublished_draft_is_seen_by_no_learner(db_session, world, draft):
    assert playable_version(db_session, "acme-first-call", world.a.provider.id) is None


def test_an_id_in_use_is_refused(db_session, world, draft):
    load(db_session, fixture_document())
    for source in (SOURCE, SOURCE.replace("id: acme-first-call", "id: fixture-valid")):
        with pytest.raises(Refused) as refused:
            authoring.create_draft(db_session, world.b.admin, world.b.provider.id, source)
        assert refused.value.field == "source"


def test_a_draft_without_an_id_is_refused_with_the_field(db_session, world):
    for source in ("", "title: {cy: a, en: b}\n"):
        with pytest.raises(Refused) as refused:
            authoring.create_draft(db_session, world.a.admin, world.a.provider.id, source)
        assert refused.value.field == "source"


def test_saving_keeps_any_text_and_bumps_the_revision(db_session, world, draft):
    revision = draft.revision
    authoring.save_draft(db_session, world.a.admin, draft, WITH_ERRORS, revision)
    assert draft.source == WITH_ERRORS and draft.revision == revision + 1
    report = authoring.check_source(draft.source, TEST_STANDARDS)
    assert len(authoring.errors(report)) >= 2
    assert all(problem.line > 1 for problem in authoring.errors(report))


def test_a_save_from_an_older_page_is_a_conflict(db_session, world, draft):
    loaded = draft.revision
    authoring.save_draft(db_session, world.a.admin, draft, WITH_WARNING, loaded)
    with pytest.raises(Conflict):
        authoring.save_draft(db_session, world.a.admin, draft, SOURCE, loaded)
    assert draft.source == WITH_WARNING


def test_publishing_with_errors_is_refused_listing_every_error(db_session, world, draft):
    authoring.save_draft(db_session, world.a.admin, draft, WITH_ERRORS, draft.revision)
    with pytest.raises(Refused) as refused:
        publish(db_session, world.a.admin, draft, reason="anyway")
    report = authoring.check_source(WITH_ERRORS, TEST_STANDARDS)
    assert len(refused.value.problems) == len(authoring.errors(report)) >= 2
    assert authoring.published_versions(db_session, draft) == []


def test_warnings_need_a_reason_kept_in_the_audit_chain(db_session, world, draft):
    authoring.save_draft(db_session, world.a.admin, draft, WITH_WARNING, draft.revision)
    with pytest.raises(Refused) as refused:
        publish(db_session, world.a.admin, draft, reason="  ")
    assert refused.value.field == "reason"
    row = publish(db_session, world.a.admin, draft, reason="Time is the same word in both languages here.")
    chain_pending(db_session)
    entry = db_session.scalar(select(AuditEntry).where(AuditEntry.entity == "scenario_version",
                                                       AuditEntry.entity_id == row.id))
    assert entry.action == "published" and entry.actor_id == world.a.admin.id
    assert entry.after["reason"] == "Time is the same word in both languages here."
    assert entry.after["warnings"]


def test_versions_count_up_and_never_change(db_session, world, draft, published):
    assert published.version == 1 and published.source.count("version: 1") == 1
    with pytest.raises(Refused):
        publish(db_session, world.a.admin, draft)
    changed = draft.source.replace('en: "Summary"', 'en: "A short summary"')
    authoring.save_draft(db_session, world.a.admin, draft, changed, draft.revision)
    second = publish(db_session, world.a.admin, draft)
    assert second.version == 2 and load_text(second.source).data["version"] == 2
    assert "version: 2" in draft.source
    assert published.document["summary"]["en"] == "Summary"
    assert [row.version for row in authoring.published_versions(db_session, draft)] == [2, 1]


def test_learners_start_the_newest_version_and_attempts_keep_theirs(db_session, world, draft, published):
    learner = world.a.learner
    first = play_to_end(db_session, start_attempt(db_session, learner, published))
    authoring.save_draft(db_session, world.a.admin, draft, draft.source.replace('en: "Title"', 'en: "New title"'),
                         draft.revision)
    second = publish(db_session, world.a.admin, draft)
    assert playable_version(db_session, "acme-first-call", learner.provider_id) == second
    fresh = restart(db_session, learner, first)
    assert fresh.scenario_version == second and first.scenario_version == published


def test_the_id_is_permanent_once_published(db_session, world, draft, published):
    with pytest.raises(Refused):
        authoring.save_draft(db_session, world.a.admin, draft, SOURCE.replace("acme-first-call", "acme-renamed"),
                             draft.revision)


def test_retiring_stops_new_attempts_and_keeps_old_ones(db_session, world, draft, published):
    learner = world.a.learner
    old = play_to_end(db_session, start_attempt(db_session, learner, published))
    authoring.retire(db_session, world.a.admin, draft, draft.revision)
    assert playable_version(db_session, "acme-first-call", learner.provider_id) is None
    assert "acme-first-call" not in {entry.row.scenario_id for entry in entries(db_session, learner)}
    with pytest.raises(Refused):
        restart(db_session, learner, old)
    assert old.scenario_version == published and old.finished_at is not None
    with pytest.raises(Locked):
        authoring.retire(db_session, world.a.admin, draft, draft.revision)
    with pytest.raises(Locked):
        publish(db_session, world.a.admin, draft)


def test_a_shipped_versions_yaml_reads_back_as_its_document(db_session):
    row = load(db_session, fixture_document())
    assert load_text(authoring.version_source(row)).data == row.document


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda path: path.stem)
def test_a_shipped_versions_yaml_is_its_file_byte_for_byte(db_session, path):
    row = load(db_session, load_file(path).data)
    db_session.expire(row)
    assert authoring.version_source(row).encode("utf-8") == path.read_bytes()


def test_the_export_holds_each_newest_published_version_and_the_cli_check_agrees(db_session, world, tmp_path):
    import io
    import zipfile

    from assessor.scenarios.check import check_paths

    first = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    publish(db_session, world.a.admin, first)
    authoring.save_draft(db_session, world.a.admin, first, first.source.replace('en: "Title"', 'en: "Later"'),
                         first.revision)
    publish(db_session, world.a.admin, first)
    authoring.create_draft(db_session, world.a.admin, world.a.provider.id, WITH_ERRORS.replace("acme-first-call", "acme-unpublished"))
    archive = zipfile.ZipFile(io.BytesIO(authoring.export_zip(db_session, world.a.provider.id)))
    assert archive.namelist() == ["acme-first-call.yaml"]
    exported = archive.read("acme-first-call.yaml").decode("utf-8")
    assert load_text(exported).data["version"] == 2 and load_text(exported).data["title"]["en"] == "Later"
    assert authoring.export_zip(db_session, world.b.provider.id) == authoring.export_zip(db_session, None)
    for source in (exported, WITH_ERRORS, WITH_WARNING):
        path = tmp_path / "scenario.yaml"
        path.write_text(source, encoding="utf-8")
        cli = [(problem.line, problem.severity, problem.message) for problem in check_paths([path], TEST_STANDARDS)]
        browser = [(problem.line, problem.severity, problem.message)
                   for problem in authoring.check_source(source, TEST_STANDARDS).problems]
        assert cli == browser


def test_a_save_that_loses_a_race_is_a_conflict_that_undoes_only_itself(db_session, world):
    from sqlalchemy import update

    from assessor.scenarios.models import ScenarioDraft

    kept = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    raced = authoring.create_draft(db_session, world.a.admin, world.a.provider.id,
                                   SOURCE.replace("id: acme-first-call", "id: acme-raced"))
    db_session.execute(update(ScenarioDraft).where(ScenarioDraft.id == raced.id)
                       .values(revision=raced.revision + 1).execution_options(synchronize_session=False))
    with pytest.raises(Conflict):
        authoring.save_draft(db_session, world.a.admin, raced, WITH_WARNING.replace("acme-first-call", "acme-raced"),
                             raced.revision)
    db_session.flush()
    assert db_session.get(ScenarioDraft, kept.id).source == SOURCE
    assert db_session.get(ScenarioDraft, raced.id).revision == 2


def test_the_drafts_and_their_versions_take_two_queries_however_many_there_are(db_session, world, published):
    for number in range(3):
        other = authoring.create_draft(db_session, world.a.admin, world.a.provider.id,
                                       SOURCE.replace("id: acme-first-call", f"id: acme-call-{number}"))
        publish(db_session, world.a.admin, other)
    provider_id = world.a.provider.id
    db_session.flush()
    db_session.expire_all()
    with counted_queries(db_session.get_bind()) as statements:
        listed = authoring.drafts_with_versions(db_session, provider_id)
    assert len([statement for statement in statements if statement.lstrip().upper().startswith("SELECT")]) == 2
    assert [(draft.scenario_id, [row.version for row in versions]) for draft, versions in listed] == [
        (draft.scenario_id, [row.version for row in authoring.published_versions(db_session, draft)])
        for draft, _versions in listed]
    assert len(listed) == 4 and all(versions for _draft, versions in listed)

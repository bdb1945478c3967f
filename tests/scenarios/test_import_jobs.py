"""Imports on the task queue: the upload checked at once, then each file imported and answered in its own transaction."""
import pytest
from sqlalchemy import func, select

from assessor.core.acts import Refused
from assessor.scenarios import import_jobs, import_tasks, unpacking
from assessor.scenarios.import_jobs import claim, import_next, results, start_import
from assessor.scenarios.import_models import DONE, FAILED, QUEUED, RUNNING, ImportFile, ScenarioImport
from assessor.scenarios.import_tasks import record_failure, run_import
from assessor.scenarios.importing import CREATED, REFUSED
from assessor.scenarios.models import ScenarioDraft
from assessor.timeutil import utcnow

from .authoring_support import SOURCE
from .conftest import TEST_STANDARDS
from .test_importing import OTHER, zipped

THIRD = SOURCE.replace("id: acme-first-call", "id: acme-third-call")
FILES = [("first.yaml", SOURCE.encode()), ("notes.txt", b"not a scenario"), ("second.yaml", OTHER.encode()),
         ("third.yaml", THIRD.encode())]


@pytest.fixture(autouse=True)
def app_context(app):
    """As in a request or a task: the messages are worded in each language."""
    with app.app_context():
        yield


def started(db_session, world, files=FILES) -> ScenarioImport:
    job = start_import(db_session, world.a.admin, world.a.provider.id, files, utcnow())
    db_session.commit()
    return job


def draft_count(db_session) -> int:
    return db_session.scalar(select(func.count(ScenarioDraft.id)))


def test_the_upload_is_kept_in_a_queued_job_and_what_cannot_be_a_scenario_is_answered_at_once(app, db_session, world):
    job = started(db_session, world)
    assert (job.status, job.total, job.done, job.provider_id, job.requested_by_id) == (
        QUEUED, 4, 1, world.a.provider.id, world.a.admin.id)
    assert [(row.name, row.outcome, row.data is not None) for row in job.files] == [
        ("first.yaml", None, True), ("notes.txt", REFUSED, False), ("second.yaml", None, True), ("third.yaml", None, True)]
    assert job.files[1].reason["en"] == "Only YAML files (.yaml or .yml), or a ZIP of them, can be imported."
    assert job.files[1].reason["cy"] != job.files[1].reason["en"]
    assert draft_count(db_session) == 0


def test_what_unpack_refuses_for_the_whole_upload_is_refused_at_once_and_nothing_is_kept(app, db_session, world,
                                                                                          monkeypatch):
    with app.test_request_context():  # the refusals are read as a request shows them
        many = zipped(**{f"s{number}.yaml": "id: x" for number in range(unpacking.IMPORT_MAX_FILES + 1)})
        with pytest.raises(Refused, match="at most 50 scenario files"):
            started(db_session, world, [("many.zip", many)])
        monkeypatch.setattr(unpacking, "IMPORT_MAX_BYTES", 1000)
        with pytest.raises(Refused, match="once unpacked"):
            started(db_session, world, [("big.zip", zipped(**{"a.yaml": SOURCE[:800], "b.yaml": SOURCE[:800]}))])
        with pytest.raises(Refused, match="Choose the scenarios"):
            started(db_session, world, [])
        with pytest.raises(Refused, match="administrators"):
            start_import(db_session, world.a.assessor, world.a.provider.id, FILES, utcnow())
    assert db_session.scalar(select(func.count(ScenarioImport.id))) == 0


def test_each_step_imports_the_next_file_and_counts_it(app, db_session, world):
    job = started(db_session, world)
    job = claim(db_session, job.id, utcnow())
    assert job.status == RUNNING and job.attempts == 1
    assert import_next(db_session, job, utcnow(), TEST_STANDARDS) and job.done == 2
    assert [result.name for result in results(job, "en")] == ["first.yaml", "notes.txt"]
    assert import_next(db_session, job, utcnow(), TEST_STANDARDS) and import_next(db_session, job, utcnow(), TEST_STANDARDS)
    assert not import_next(db_session, job, utcnow(), TEST_STANDARDS)
    assert job.done == job.total == 4 and draft_count(db_session) == 3
    assert all(row.data is None for row in job.files)


def test_the_task_imports_every_file_and_the_results_read_as_the_command_line_says(app, db_session, world):
    job = started(db_session, world, FILES + [("again.yaml", SOURCE.encode())])
    assert run_import(app, job.id) == DONE
    assert run_import(app, job.id) is None  # a message delivered twice: the finished job is left alone
    done = db_session.get(ScenarioImport, job.id)
    answers = results(done, "en")
    assert [result.outcome for result in answers] == [CREATED, REFUSED, CREATED, CREATED, REFUSED]
    assert answers[0].lines()[0] == "first.yaml: created acme-first-call" and answers[0].draft_id is not None
    assert "Another file of this import" in answers[4].reason
    assert results(done, "cy")[4].reason != answers[4].reason
    assert (done.done, done.attempts, done.finished_at is not None) == (5, 1, True)


def test_a_worker_killed_mid_import_is_taken_over_from_the_first_file_not_answered(app, db_session, world, monkeypatch):
    job = started(db_session, world, FILES + [("again.yaml", SOURCE.encode())])
    real, calls = import_jobs.import_upload, []

    def dies_on_the_second(session, author, provider_id, upload, seen, standards=None):
        calls.append(upload.name)
        if upload.name == "second.yaml":
            raise RuntimeError("the worker was killed")
        return real(session, author, provider_id, upload, seen, standards)

    monkeypatch.setattr(import_jobs, "import_upload", dies_on_the_second)
    with pytest.raises(RuntimeError):
        run_import(app, job.id)
    db_session.rollback()
    half = db_session.get(ScenarioImport, job.id)
    assert (half.status, half.done) == (RUNNING, 2) and draft_count(db_session) == 1
    monkeypatch.setattr(import_jobs, "import_upload", real)
    assert run_import(app, job.id) == DONE
    done = db_session.get(ScenarioImport, job.id)
    assert calls == ["first.yaml", "second.yaml"] and done.attempts == 2
    assert [result.outcome for result in results(done, "en")] == [CREATED, REFUSED, CREATED, CREATED, REFUSED]
    assert "Another file of this import" in results(done, "en")[4].reason
    assert draft_count(db_session) == 3


def test_an_import_that_keeps_failing_ends_failed_and_keeps_the_files_answered(app, db_session, world):
    job = started(db_session, world)
    record_failure(app, {"args": [job.id], "options": {"traceback": "Traceback\nRuntimeError: boom"}}, {"retries": 3})
    failed = db_session.get(ScenarioImport, job.id)
    assert failed.status == FAILED and failed.error == "RuntimeError: boom (after 4 attempts)"
    assert run_import(app, job.id) is None and draft_count(db_session) == 0


def test_a_broker_that_cannot_be_reached_fails_the_import_at_once(app, db_session, world, monkeypatch):
    job = started(db_session, world)

    def unreachable(*args):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(import_tasks, "enqueue", unreachable)
    assert not import_tasks.queue_or_fail(app, db_session, job)
    assert job.status == FAILED and "redis is down" in job.error


def test_unfinished_imports_are_queued_again_when_an_in_memory_broker_starts(app, db_session, world, monkeypatch):
    waiting, finished = started(db_session, world), started(db_session, world)
    finished.status = DONE
    db_session.commit()
    queued = []
    monkeypatch.setattr(import_tasks, "enqueue", lambda app, name, job_id: queued.append((name, job_id)))
    assert import_tasks.requeue_unfinished(app) == 1 and queued == [(import_tasks.IMPORT_TASK, waiting.id)]
    assert db_session.scalar(select(func.count(ImportFile.id))) == 8

"""Cohort export jobs: one active job per cohort and language, claiming once, expiry and clean-up."""
from datetime import timedelta

import pytest

from assessor.cli import main
from assessor.export import jobs
from assessor.export.jobs import (
    DONE,
    EXPIRED,
    FAILED,
    QUEUED,
    RUNNING,
    ExportJob,
    claim,
    cleanup_expired,
    downloadable,
    start_export,
)
from assessor.timeutil import utcnow


def make_job(session, side, *, status=DONE, language="en", age=timedelta(0), keep=timedelta(hours=1), file_path="x.zip") -> ExportJob:
    moment = utcnow() - age
    job = ExportJob(provider_id=side.provider.id, cohort_id=side.cohort.id, requested_by_id=side.admin.id, language=language,
                    status=status, total=2, done=2 if status == DONE else 0, file_path=file_path, created_at=moment,
                    updated_at=moment, finished_at=moment if status == DONE else None,
                    expires_at=moment + keep if status == DONE else None)
    session.add(job)
    session.flush()
    return job


def test_starting_an_export_queues_a_job(db_session, world, tmp_path):
    job, created = start_export(db_session, world.a.admin, world.a.cohort, "cy", tmp_path, utcnow())
    assert created and job.status == QUEUED and job.provider_id == world.a.provider.id
    assert job.requested_by_id == world.a.admin.id and job.language == "cy"


def test_a_second_start_gives_the_job_already_under_way(db_session, world, tmp_path):
    first, _ = start_export(db_session, world.a.admin, world.a.cohort, "cy", tmp_path, utcnow())
    again, created = start_export(db_session, world.a.admin, world.a.cohort, "cy", tmp_path, utcnow())
    other_language, other_created = start_export(db_session, world.a.admin, world.a.cohort, "en", tmp_path, utcnow())
    assert again.id == first.id and not created
    assert other_created and other_language.id != first.id


def test_a_finished_export_does_not_block_a_new_one(db_session, world, tmp_path):
    done = make_job(db_session, world.a, status=DONE, language="cy")
    job, created = start_export(db_session, world.a.admin, world.a.cohort, "cy", tmp_path, utcnow())
    assert created and job.id != done.id


def test_two_requests_racing_still_make_one_job(db_session, world, tmp_path, monkeypatch):
    under_way = make_job(db_session, world.a, status=RUNNING, language="cy")
    answers = iter([None])
    real = jobs.active_job
    monkeypatch.setattr(jobs, "active_job", lambda *args: next(answers, None) or real(*args))
    job, created = start_export(db_session, world.a.admin, world.a.cohort, "cy", tmp_path, utcnow())
    assert job.id == under_way.id and not created


def test_a_job_is_claimed_until_it_finishes(db_session, world):
    job = make_job(db_session, world.a, status=QUEUED, file_path=None)
    claimed = claim(db_session, job.id, utcnow())
    assert claimed.status == RUNNING and claimed.started_at and claimed.file_path == f"cohort-{world.a.cohort.id}-export-{job.id}.zip"
    assert claim(db_session, job.id, utcnow()).attempts == 2
    claimed.status = DONE
    db_session.flush()
    assert claim(db_session, job.id, utcnow()) is None


def test_cleanup_removes_expired_files_and_leaves_old_running_jobs_alone(db_session, world, tmp_path):
    expired = make_job(db_session, world.a, age=timedelta(hours=30), keep=timedelta(hours=24), file_path="old.zip")
    kept = make_job(db_session, world.a, language="cy", keep=timedelta(hours=24), file_path="new.zip")
    stale = make_job(db_session, world.b, status=RUNNING, age=timedelta(hours=3), file_path="stale.zip")
    moving = make_job(db_session, world.b, status=QUEUED, language="cy", age=timedelta(minutes=5), file_path=None)
    for name in ("old.zip", "new.zip", "stale.zip.part"):
        (tmp_path / name).write_bytes(b"PK")
    assert cleanup_expired(db_session, tmp_path, utcnow()) == 1
    assert expired.status == EXPIRED and not (tmp_path / "old.zip").exists()
    assert kept.status == DONE and (tmp_path / "new.zip").exists()
    assert stale.status == RUNNING and (tmp_path / "stale.zip.part").exists()
    assert moving.status == QUEUED


def test_a_zip_is_downloadable_only_while_kept_and_inside_the_export_folder(db_session, world, tmp_path):
    job = make_job(db_session, world.a, file_path="a.zip")
    (tmp_path / "a.zip").write_bytes(b"PK")
    assert downloadable(tmp_path, job, utcnow()) == (tmp_path / "a.zip").resolve()
    assert downloadable(tmp_path, job, utcnow() + timedelta(hours=2)) is None
    job.file_path = "../a.zip"
    assert downloadable(tmp_path / "sub", job, utcnow()) is None


@pytest.mark.parametrize("status", [QUEUED, RUNNING, FAILED, EXPIRED])
def test_only_a_finished_job_is_downloadable(db_session, world, tmp_path, status):
    job = make_job(db_session, world.a, file_path="a.zip")
    (tmp_path / "a.zip").write_bytes(b"PK")
    job.status = status
    assert downloadable(tmp_path, job, utcnow()) is None


def test_the_cleanup_command_removes_expired_exports(app, runner, db_session, world, tmp_path):
    app.config["EXPORT_DIR"] = str(tmp_path)
    job = make_job(db_session, world.a, age=timedelta(hours=30), keep=timedelta(hours=24), file_path="old.zip")
    (tmp_path / "old.zip").write_bytes(b"PK")
    result = runner.invoke(main, ["export", "cleanup"])
    assert result.exit_code == 0, result.output
    assert "removed 1 expired" in result.output and job.status == EXPIRED and not (tmp_path / "old.zip").exists()

"""Making the cohort ZIP as a task: its contents, progress, failures, retries, the command, and the page's queue.

Tasks run on worker threads with their own database connections, so these tests use a committed database
of their own (the shared test database keeps each test's data uncommitted).
"""
import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import NoResultFound

from assessor import create_app
from assessor.cli import main
from assessor.export import cohort_zip
from assessor.export.cohort_zip import ERRORS_NAME, SUMMARY_NAME, build_cohort_zip, file_sha256
from assessor.export.filenames import portfolio_filename
from assessor.export.jobs import DONE, FAILED, RUNNING, ExportJob, start_export
from assessor.export.tasks import make_cohort_zip
from assessor.timeutil import aware, utcnow

from ..factories import login_as
from .committed import Committed, committed_world, run_queued


@pytest.fixture(scope="module")
def committed(tmp_path_factory, storage_root) -> Committed:
    return committed_world(tmp_path_factory.mktemp("cohort-export"), storage_root, "cohort_tasks")


def names(committed: Committed, language: str) -> set[str]:
    return {portfolio_filename(learner, language) for learner in committed.learners} | {SUMMARY_NAME}


def queued_job(committed: Committed, language: str) -> int:
    with committed.session() as session:
        job, _created = start_export(session, committed.world.a.admin, committed.world.a.cohort, language,
                                     Path(committed.config["EXPORT_DIR"]), utcnow())
        session.commit()
        return job.id


def job_of(committed: Committed, job_id: int) -> ExportJob:
    with committed.session() as session:
        return session.get(ExportJob, job_id)


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_task_puts_every_portfolio_and_the_summary_in_the_zip_once(committed):
    job_id = queued_job(committed, "en")
    app = create_app(committed.config)
    with app.app_context():
        assert make_cohort_zip(app, job_id) == DONE
        assert make_cohort_zip(app, job_id) is None
    job = job_of(committed, job_id)
    path = Path(committed.config["EXPORT_DIR"]) / job.file_path
    files = read_zip(path)
    assert set(files) == names(committed, "en") and "portfolio-sian-wyn-" in " ".join(files)
    assert all(content.startswith(b"%PDF") for content in files.values())
    assert (job.done, job.total, job.failed, job.attempts) == (3, 3, 0, 1)
    assert job.size == path.stat().st_size and job.sha256 == file_sha256(path)
    assert aware(job.expires_at) - aware(job.finished_at) == timedelta(hours=24)
    assert not path.with_name(path.name + ".part").exists()


def test_a_job_whose_worker_died_is_taken_over(committed):
    job_id = queued_job(committed, "cy")
    with committed.session() as session:
        session.get(ExportJob, job_id).status = RUNNING
        session.commit()
    app = create_app(committed.config)
    with app.app_context():
        assert make_cohort_zip(app, job_id) == DONE
    assert job_of(committed, job_id).attempts == 1


def test_the_command_makes_the_same_files(committed, tmp_path):
    output = tmp_path / "cohort.zip"
    runner = create_app(committed.config).test_cli_runner()
    result = runner.invoke(main, ["export", "cohort", str(committed.world.a.cohort.id), "--lang", "cy", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert set(read_zip(output)) == names(committed, "cy") and "3/3 portfolios" in result.output


def test_the_command_names_an_unknown_cohort(committed, tmp_path):
    runner = create_app(committed.config).test_cli_runner()
    result = runner.invoke(main, ["export", "cohort", "999999", "-o", str(tmp_path / "x.zip")])
    assert result.exit_code != 0 and "999999" in result.output


def test_a_portfolio_that_fails_is_listed_and_the_others_go_on(committed, tmp_path, monkeypatch):
    real = cohort_zip.portfolio_pdf

    def fails_for_sian(session, learner, language, root):
        if learner.name == "Siân Ŵyn":
            raise LookupError("no such learner")
        return real(session, learner, language, root)

    monkeypatch.setattr(cohort_zip, "portfolio_pdf", fails_for_sian)
    seen: list[tuple[int, int]] = []
    app = create_app(committed.config)
    with app.app_context(), committed.session() as session:
        result = build_cohort_zip(app, session, committed.world.a.cohort.id, "en", tmp_path / "x.zip",
                                  lambda done, total: seen.append((done, total)))
    assert result.failures == [("Siân Ŵyn", "LookupError: no such learner")]
    files = read_zip(tmp_path / "x.zip")
    assert ERRORS_NAME in files and len(files) == 4 and "Siân Ŵyn" in files[ERRORS_NAME].decode()
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_a_zip_that_cannot_be_finished_leaves_no_file(committed, tmp_path):
    app = create_app(committed.config)
    with app.app_context(), committed.session() as session, pytest.raises(NoResultFound):
        build_cohort_zip(app, session, 999999, "en", tmp_path / "x.zip")
    assert list(tmp_path.iterdir()) == []


def start_from_the_page(app, committed: Committed) -> str:
    client = app.test_client()
    login_as(client, committed.world.a.admin)
    started = client.post(f"/cohorts/{committed.world.a.cohort.id}/exports", data={"language": "en"})
    assert started.status_code == 302
    return started.headers["Location"]


def job_id_in(url: str) -> int:
    return int(url.rstrip("/").rsplit("/", 1)[1])


def test_the_page_queues_the_job_and_a_worker_makes_its_zip(committed):
    app = create_app(committed.config | {"WTF_CSRF_ENABLED": False})
    job_url = start_from_the_page(app, committed)
    assert app.extensions["task_broker"].queues["exports"].qsize() == 1
    run_queued(app)
    job = job_of(committed, job_id_in(job_url))
    assert job.status == DONE, job.error
    client = app.test_client()
    login_as(client, committed.world.a.admin)
    assert "Download the ZIP" in client.get(job_url).get_data(as_text=True)
    download = client.get(f"{job_url}/download")
    assert set(zipfile.ZipFile(io.BytesIO(download.data)).namelist()) == names(committed, "en")


def test_a_task_that_keeps_failing_ends_failed_with_the_reason_and_can_be_retried(committed, monkeypatch):
    def broken(*args):
        raise OSError("disk full")

    app = create_app(committed.config | {"WTF_CSRF_ENABLED": False, "TASK_MAX_RETRIES": 2})
    monkeypatch.setattr(cohort_zip, "portfolio_pdf", lambda *args: b"%PDF-1.7 a stand-in")  # the retries, not the PDFs, are tested
    real_summary = cohort_zip.summary_pdf
    monkeypatch.setattr(cohort_zip, "summary_pdf", broken)
    failed_url = start_from_the_page(app, committed)
    run_queued(app)
    job = job_of(committed, job_id_in(failed_url))
    assert job.status == FAILED and job.error == "OSError: disk full (after 3 attempts)" and job.attempts == 3
    assert not list(Path(committed.config["EXPORT_DIR"]).glob(f"*-export-{job.id}.zip*"))
    monkeypatch.setattr(cohort_zip, "summary_pdf", real_summary)
    retried_url = start_from_the_page(app, committed)
    run_queued(app)
    assert retried_url != failed_url and job_of(committed, job_id_in(retried_url)).status == DONE

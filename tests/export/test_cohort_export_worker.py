"""Making the cohort ZIP in worker processes: its contents, progress, failures, the command and the detached job.

Worker processes have their own database connections, so these tests use a database of their own
whose data is really committed (the shared test database keeps each test's data uncommitted).
"""
import io
import time
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from assessor import create_app
from assessor.accounts.models import LEARNER
from assessor.assessment.progress import refresh_progress
from assessor.cli import main
from assessor.db import make_engine
from assessor.dbcli import upgrade_database
from assessor.export import worker
from assessor.export.filenames import portfolio_filename
from assessor.export.jobs import DONE, FAILED, ExportJob, start_export
from assessor.export.worker import ERRORS_NAME, SUMMARY_NAME, build_cohort_zip, file_sha256, run_job, worker_config
from assessor.timeutil import aware, utcnow

from ..factories import build_world, enrol, login_as, make_user


@dataclass
class Committed:
    config: dict
    world: object
    learners: list

    def session(self) -> Session:
        return Session(make_engine(self.config["DATABASE_URL"]), expire_on_commit=False)

    def names(self, language: str) -> set[str]:
        return {portfolio_filename(learner, language) for learner in self.learners} | {SUMMARY_NAME}


@pytest.fixture(scope="module")
def committed(tmp_path_factory, storage_root) -> Committed:
    root = tmp_path_factory.mktemp("cohort-export")
    url = f"sqlite:///{root / 'export.sqlite3'}"
    upgrade_database(url)
    with Session(make_engine(url), expire_on_commit=False) as session:
        world = build_world(session, storage_root)
        third = make_user(session, provider=world.a.provider, roles=[LEARNER], name="Siân Ŵyn")
        enrol(session, world.a.cohort, third, world.standard)
        refresh_progress(session, {world.a.enrolment.id})
        session.commit()
    config = {"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": url, "STORAGE_DIR": str(storage_root),
              "EXPORT_DIR": str(root / "exports")}
    return Committed(config, world, [world.a.learner, world.a.other_learner, third])


def queued_job(committed: Committed, language: str) -> int:
    with committed.session() as session:
        job, _created = start_export(session, committed.world.a.admin, committed.world.a.cohort, language,
                                     Path(committed.config["EXPORT_DIR"]), utcnow())
        session.commit()
        return job.id


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_job_puts_every_portfolio_and_the_summary_in_the_zip(committed):
    job_id = queued_job(committed, "en")
    assert run_job(job_id, committed.config, workers=2) == DONE
    with committed.session() as session:
        job = session.get(ExportJob, job_id)
    path = Path(committed.config["EXPORT_DIR"]) / job.file_path
    files = read_zip(path)
    assert set(files) == committed.names("en") and "portfolio-sian-wyn-" in " ".join(files)
    assert all(content.startswith(b"%PDF") for content in files.values())
    assert (job.done, job.total, job.failed) == (3, 3, 0) and job.size == path.stat().st_size and job.sha256 == file_sha256(path)
    assert aware(job.expires_at) - aware(job.finished_at) == timedelta(hours=24)
    assert not path.with_name(path.name + ".part").exists()
    assert run_job(job_id, committed.config) is None


def test_one_worker_makes_the_same_files_from_the_command(committed, tmp_path):
    output = tmp_path / "cohort.zip"
    runner = create_app(committed.config).test_cli_runner()
    arguments = ["export", "cohort", str(committed.world.a.cohort.id), "--lang", "cy", "-o", str(output), "--workers", "1"]
    result = runner.invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert set(read_zip(output)) == committed.names("cy") and "3/3 portfolios" in result.output


def test_the_command_names_an_unknown_cohort(committed, tmp_path):
    runner = create_app(committed.config).test_cli_runner()
    result = runner.invoke(main, ["export", "cohort", "999999", "-o", str(tmp_path / "x.zip")])
    assert result.exit_code != 0 and "999999" in result.output


def test_a_portfolio_that_fails_is_listed_and_the_others_go_on(committed, tmp_path, monkeypatch):
    real = worker.cohort_learners
    monkeypatch.setattr(worker, "cohort_learners", lambda url, cohort_id: [*real(url, cohort_id), (999999, "Ghost")])
    seen: list[tuple[int, int]] = []
    app = create_app(committed.config)
    with app.app_context():
        result = build_cohort_zip(worker_config(app), committed.world.a.cohort.id, "en", tmp_path / "x.zip", 1,
                                  lambda done, total: seen.append((done, total)))
    assert result.failures == [("Ghost", "LookupError: no learner with id 999999")]
    files = read_zip(tmp_path / "x.zip")
    assert set(files) == committed.names("en") | {ERRORS_NAME}
    assert "These portfolios could not be made:" in files[ERRORS_NAME].decode() and "Ghost" in files[ERRORS_NAME].decode()
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_zip_that_cannot_be_finished_leaves_no_file(committed, tmp_path):
    app = create_app(committed.config)
    with app.app_context(), pytest.raises(NoResultFound):
        build_cohort_zip(worker_config(app), 999999, "en", tmp_path / "x.zip", 1)
    assert list(tmp_path.iterdir()) == []


def test_a_job_that_fails_says_why(committed, monkeypatch):
    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(worker, "build_cohort_zip", broken)
    job_id = queued_job(committed, "cy")
    assert run_job(job_id, committed.config) == FAILED
    with committed.session() as session:
        job = session.get(ExportJob, job_id)
    assert job.error == "OSError: disk full" and job.finished_at is not None


def test_the_page_starts_a_detached_job_and_offers_its_zip(committed):
    app = create_app(committed.config | {"EXPORT_SPAWN": True, "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    login_as(client, committed.world.a.admin)
    started = client.post(f"/cohorts/{committed.world.a.cohort.id}/exports", data={"language": "en"})
    assert started.status_code == 302
    job_url = started.headers["Location"]
    job = wait_for_job(committed, int(job_url.rstrip("/").rsplit("/", 1)[1]))
    assert job.status == DONE, job.error
    assert "Download the ZIP" in client.get(job_url).get_data(as_text=True)
    download = client.get(f"{job_url}/download")
    assert download.status_code == 200
    assert set(zipfile.ZipFile(io.BytesIO(download.data)).namelist()) == committed.names("en")


def wait_for_job(committed: Committed, job_id: int, seconds: int = 180) -> ExportJob:
    deadline = time.monotonic() + seconds
    while True:
        with committed.session() as session:
            job = session.get(ExportJob, job_id)
        if not job.is_active or time.monotonic() > deadline:
            return job
        time.sleep(0.5)

"""Portfolio PDFs made by a worker and cached under the digest of what they show: hits, misses, failures, clean-up."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from assessor import create_app
from assessor.assessment.models import SignOff
from assessor.evidence.models import Evidence
from assessor.export import tasks
from assessor.export.data import portfolio_data
from assessor.export.fingerprint import portfolio_digest
from assessor.export.jobs import DONE, EXPIRED, PORTFOLIO_PDF, ExportJob, cleanup_expired
from assessor.export.portfolio_jobs import remove_stale_parts
from assessor.timeutil import utcnow

from ..factories import login_as, make_review
from .committed import Committed, committed_world, run_queued


def digest_of(session, learner, language="en") -> str:
    return portfolio_digest(portfolio_data(session, learner), language)


def test_the_digest_follows_what_the_document_shows(db_session, world):
    learner = world.a.learner
    first = digest_of(db_session, learner)
    assert digest_of(db_session, learner) == first and digest_of(db_session, learner, "cy") != first
    learner.last_sign_in_at = utcnow()
    db_session.flush()
    assert digest_of(db_session, learner) == first
    world.a.portfolio.submitted.title = "Meeting notes, corrected"
    db_session.flush()
    edited = digest_of(db_session, learner)
    assert edited != first
    world.a.portfolio.sign_off.learner_signed_at = utcnow()
    db_session.flush()
    assert digest_of(db_session, learner) not in (first, edited)


def test_a_decision_changes_the_digest(db_session, world):
    before = digest_of(db_session, world.a.learner)
    make_review(db_session, world.a.portfolio.submitted, world.a.enrolment, {"P1": "met"})
    assert digest_of(db_session, world.a.learner) != before


@pytest.fixture(scope="module")
def committed(tmp_path_factory, storage_root) -> Committed:
    return committed_world(tmp_path_factory.mktemp("portfolio-cache"), storage_root, "portfolio_cache")


@pytest.fixture
def web(committed):
    app = create_app(committed.config)
    client = app.test_client()
    login_as(client, committed.world.a.assessor)
    yield app, client
    run_queued(app)  # what a test left queued is made, as a worker would, before the next test's app


def pdf_url(committed: Committed) -> str:
    return f"/learners/{committed.world.a.learner.id}/portfolio.pdf?lang=en"


def job_count(committed: Committed) -> int:
    with committed.session() as session:
        return session.scalar(select(func.count()).select_from(ExportJob).where(ExportJob.kind == PORTFOLIO_PDF))


def made(app, client, committed: Committed) -> bytes:
    """Ask for the PDF; when it is queued, let a worker make it and follow the page's download link."""
    response = client.get(pdf_url(committed))
    if response.status_code == 302:
        job_page = response.headers["Location"]
        run_queued(app)
        page = client.get(job_page).get_data(as_text=True)
        assert "Download the PDF" in page, page.split("<main")[-1][:1500]
        response = client.get(f"{job_page}/download")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;") and "no-store" in response.headers["Cache-Control"]
    return response.data


def test_an_unchanged_portfolio_downloads_at_once_and_byte_identical(web, committed):
    app, client = web
    first = made(app, client, committed)
    jobs_after_first = job_count(committed)
    again = client.get(pdf_url(committed))
    assert again.status_code == 200 and again.data == first and again.data.startswith(b"%PDF")
    assert "no-store" in again.headers["Cache-Control"] and job_count(committed) == jobs_after_first


def test_a_decision_makes_a_new_pdf(web, committed):
    app, client = web
    before = made(app, client, committed)
    with committed.session() as session:
        evidence = session.get(Evidence, committed.world.a.portfolio.submitted.id)
        make_review(session, evidence, evidence.mappings[0].enrolment, {"P1": "met"})
        session.commit()
    miss = client.get(pdf_url(committed))
    assert miss.status_code == 302
    after = made(app, client, committed)
    assert after != before and client.get(pdf_url(committed)).data == after


def test_a_sign_off_countersigned_makes_a_new_pdf(web, committed):
    app, client = web
    made(app, client, committed)
    with committed.session() as session:
        session.get(SignOff, committed.world.a.portfolio.sign_off.id).learner_signed_at = utcnow()
        session.commit()
    assert client.get(pdf_url(committed)).status_code == 302


def test_a_render_that_keeps_failing_ends_failed_and_can_be_asked_for_again(committed, monkeypatch):
    app = create_app(committed.config | {"TASK_MAX_RETRIES": 1})
    client = app.test_client()
    login_as(client, committed.world.a.learner)
    url = f"/learners/{committed.world.a.learner.id}/portfolio.pdf?lang=cy"

    def broken(*args, **kwargs):
        raise RuntimeError("fonts missing")

    monkeypatch.setattr(tasks, "render_pdf", broken)
    job_page = client.get(url).headers["Location"]
    run_queued(app)
    page = client.get(job_page).get_data(as_text=True)
    assert "RuntimeError: fonts missing (after 2 attempts)" in page and "http-equiv" not in page
    monkeypatch.undo()
    again = client.get(url)
    assert again.status_code == 302 and again.headers["Location"] != job_page


def test_a_job_of_another_learner_is_not_found_here(web, committed):
    app, client = web
    login_as(client, committed.world.a.admin)
    made(app, client, committed)
    with committed.session() as session:
        job = session.scalars(select(ExportJob).where(ExportJob.kind == PORTFOLIO_PDF, ExportJob.status == DONE)).first()
    job_page = f"/learners/{committed.world.a.learner.id}/portfolio/jobs/{job.id}"
    assert client.get(f"{job_page}/download").status_code == 200
    other = job_page.replace(f"/learners/{committed.world.a.learner.id}/", f"/learners/{committed.world.a.other_learner.id}/")
    assert client.get(other).status_code == 404 and client.get(f"{other}/download").status_code == 404
    run_queued(app)


def test_old_pdfs_are_cleaned_up(web, committed):
    app, client = web
    made(app, client, committed)
    later = utcnow() + timedelta(hours=25)
    with committed.session() as session:
        kept = [job for job in session.scalars(select(ExportJob).where(ExportJob.kind == PORTFOLIO_PDF, ExportJob.status == DONE))]
        files = [tasks.export_dir(app) / job.file_path for job in kept]
        assert cleanup_expired(session, tasks.export_dir(app), later) >= 1
        session.commit()
        assert all(session.get(ExportJob, job.id).status == EXPIRED for job in kept)
    assert files and not any(path.exists() for path in files)
    assert client.get(pdf_url(committed)).status_code == 302


def test_half_written_pdfs_are_removed_a_day_later(tmp_path):
    folder = tmp_path / "portfolios"
    folder.mkdir()
    (folder / "portfolio-1-en-abc.pdf.123.part").write_bytes(b"%PDF")
    assert remove_stale_parts(tmp_path, utcnow()) == 0
    assert remove_stale_parts(tmp_path, utcnow() + timedelta(days=2)) == 1 and not list(folder.iterdir())

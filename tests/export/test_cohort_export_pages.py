"""The cohort export pages: starting an export (once), its progress, its download and its removal."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from assessor.export.jobs import DONE, EXPIRED, FAILED, QUEUED, RUNNING, ExportJob

from ..factories import login_as
from .test_cohort_export_jobs import make_job


@pytest.fixture
def admin_client(app, client, world, tmp_path):
    app.config["EXPORT_DIR"] = str(tmp_path)
    login_as(client, world.a.admin)
    return client


def exports_url(world) -> str:
    return f"/cohorts/{world.a.cohort.id}/exports"


def job_url(world, job) -> str:
    return f"{exports_url(world)}/{job.id}"


def job_count(db_session) -> int:
    return db_session.scalar(select(func.count()).select_from(ExportJob))


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_the_exports_page_offers_a_language_and_says_there_are_none_yet(admin_client, world):
    page = admin_client.get(exports_url(world)).get_data(as_text=True)
    assert "Export the cohort" in page and 'name="language"' in page
    assert "No exports of this cohort yet" in page


def test_starting_twice_shows_the_same_export(admin_client, world, db_session):
    page = admin_client.get(exports_url(world)).get_data(as_text=True)
    form = {"language": "en", "csrf_token": csrf_token(page)}
    first = admin_client.post(exports_url(world), data=form)
    second = admin_client.post(exports_url(world), data=form, follow_redirects=True)
    assert first.status_code == 302 and job_count(db_session) == 1
    job = db_session.scalar(select(ExportJob))
    assert first.headers["Location"].endswith(job_url(world, job)) and job.status == QUEUED
    assert "already being prepared" in second.get_data(as_text=True)


def test_an_unknown_language_is_refused(app, admin_client, world, db_session):
    app.config["WTF_CSRF_ENABLED"] = False
    response = admin_client.post(exports_url(world), data={"language": "fr"})
    assert response.status_code == 422 and job_count(db_session) == 0
    assert "govuk-error-summary" in response.get_data(as_text=True)


def test_the_list_shows_each_export(admin_client, world, db_session):
    make_job(db_session, world.a, status=DONE)
    db_session.commit()
    page = admin_client.get(exports_url(world)).get_data(as_text=True)
    assert "Exports of this cohort: 1" in page and "Ready to download" in page and world.a.admin.name in page


def test_the_job_page_shows_progress_and_refreshes_itself_while_running(admin_client, world, db_session):
    job = make_job(db_session, world.a, status=RUNNING)
    job.done, job.total = 1, 2
    db_session.commit()
    page = admin_client.get(job_url(world, job)).get_data(as_text=True)
    assert "1 of 2 portfolios" in page and '<progress' in page and 'value="1"' in page
    assert '<meta http-equiv="refresh" content="3">' in page and "<script" not in page.split("</head>")[0].split("app.css")[1]


def test_a_finished_job_offers_its_download_and_stops_refreshing(admin_client, world, db_session, tmp_path):
    job = make_job(db_session, world.a, file_path="a.zip")
    job.size, job.failed = 2048, 1
    (tmp_path / "a.zip").write_bytes(b"PK")
    db_session.commit()
    page = admin_client.get(job_url(world, job)).get_data(as_text=True)
    assert "Download the ZIP (2.0 KB)" in page and f"{job_url(world, job)}/download" in page
    assert "1 of 2 portfolios could not be made" in page and "http-equiv" not in page


def test_a_failed_job_says_so_with_the_details(admin_client, world, db_session):
    job = make_job(db_session, world.a, status=FAILED)
    job.error = "OSError: disk full"
    db_session.commit()
    page = admin_client.get(job_url(world, job)).get_data(as_text=True)
    assert "The export could not be made" in page and "OSError: disk full" in page


def test_the_download_is_an_attachment(admin_client, world, db_session, tmp_path):
    job = make_job(db_session, world.a, file_path="a.zip")
    (tmp_path / "a.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    db_session.commit()
    response = admin_client.get(f"{job_url(world, job)}/download")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith("attachment;") and ".zip" in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff" and "no-store" in response.headers["Cache-Control"]
    assert response.data.startswith(b"PK")


@pytest.mark.parametrize("change", ["expired_time", "expired_status", "file_gone"])
def test_a_removed_export_is_gone(admin_client, world, db_session, tmp_path, change):
    job = make_job(db_session, world.a, file_path="a.zip")
    (tmp_path / "a.zip").write_bytes(b"PK")
    if change == "expired_time":
        job.expires_at = job.finished_at - timedelta(minutes=1)
    elif change == "expired_status":
        job.status = EXPIRED
    else:
        (tmp_path / "a.zip").unlink()
    db_session.commit()
    response = admin_client.get(f"{job_url(world, job)}/download")
    assert response.status_code == 410 and "This export has been removed" in response.get_data(as_text=True)


@pytest.mark.parametrize("status", [QUEUED, RUNNING, FAILED])
def test_an_unfinished_export_has_nothing_to_download(admin_client, world, db_session, status):
    job = make_job(db_session, world.a, status=status)
    db_session.commit()
    assert admin_client.get(f"{job_url(world, job)}/download").status_code == 404


def test_another_cohorts_job_is_not_found_here(admin_client, world, db_session):
    other = make_job(db_session, world.b)
    db_session.commit()
    assert admin_client.get(job_url(world, other)).status_code == 404


def test_the_cohort_page_links_to_its_exports(admin_client, world):
    page = admin_client.get(f"/cohorts/{world.a.cohort.id}").get_data(as_text=True)
    assert f'href="{exports_url(world)}"' in page


def test_the_pages_speak_welsh(admin_client, world, db_session):
    world.a.admin.language = "cy"
    job = make_job(db_session, world.a, status=RUNNING)
    db_session.commit()
    page = admin_client.get(job_url(world, job)).get_data(as_text=True)
    assert "Allforio'r garfan" in page and "0 o 2 portffolio" in page


def test_starting_queues_one_task(app, admin_client, world, db_session):
    app.config["WTF_CSRF_ENABLED"] = False
    admin_client.post(exports_url(world), data={"language": "cy"})
    message = app.extensions["task_broker"].queues["exports"].get_nowait()
    job = db_session.scalar(select(ExportJob))
    assert b"export.cohort_zip" in message and f"[{job.id}]".encode() in message


def test_a_broker_that_cannot_be_reached_fails_the_job_so_it_can_be_started_again(app, admin_client, world, db_session, monkeypatch):
    def unreachable(*args):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr("assessor.export.queueing.queue_job", unreachable)
    app.config["WTF_CSRF_ENABLED"] = False
    response = admin_client.post(exports_url(world), data={"language": "cy"}, follow_redirects=True)
    job = db_session.scalar(select(ExportJob))
    assert job.status == FAILED and "Redis is down" in job.error
    assert "The export could not be made" in response.get_data(as_text=True)

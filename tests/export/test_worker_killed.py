"""A worker killed (SIGKILL) in the middle of a cohort export: Redis hands its task to another worker, which finishes it.

Real subprocess workers on a real Redis (TEST_REDIS_URL, default database 12 on 127.0.0.1); skipped when none answers.
"""
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import redis

from assessor import create_app
from assessor.core.tasks import enqueue
from assessor.export.jobs import DONE, RUNNING, ExportJob, start_export
from assessor.export.tasks import COHORT_TASK
from assessor.timeutil import utcnow

from .committed import committed_world

REPO = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


@pytest.fixture
def broker_url() -> str:
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis answers at {REDIS_URL}")
    connection.flushdb()
    yield REDIS_URL
    connection.flushdb()


def start_worker(config: dict, module: str) -> subprocess.Popen:
    env = os.environ | {key: str(config[key]) for key in ("DATABASE_URL", "STORAGE_DIR", "EXPORT_DIR", "SECRET_KEY", "REDIS_URL")}
    env |= {"TASK_HEARTBEAT_SECONDS": "2", "SLOW_RENDER_SECONDS": "3"}
    return subprocess.Popen([sys.executable, "-m", module, "worker"], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for(committed, job_id: int, done, seconds: float = 90) -> ExportJob:
    deadline = time.monotonic() + seconds
    while True:
        with committed.session() as session:
            job = session.get(ExportJob, job_id)
        if done(job) or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
    return process.stderr.read().decode(errors="replace")[-3000:]


def test_a_task_of_a_killed_worker_is_finished_by_another(tmp_path, storage_root, broker_url):
    committed = committed_world(tmp_path, storage_root, "killed_worker")
    config = committed.config | {"REDIS_URL": broker_url}
    with committed.session() as session:
        job, _created = start_export(session, committed.world.a.admin, committed.world.a.cohort, "en", Path(config["EXPORT_DIR"]), utcnow())
        session.commit()
    enqueue(create_app(config), COHORT_TASK, job.id)
    first = start_worker(config, "tests.export.slow_worker")
    claimed = wait_for(committed, job.id, lambda job: job.status == RUNNING)
    assert claimed.status == RUNNING, stop(first)
    second = start_worker(config, "assessor.cli")  # starts while the first holds the task, so it cannot take it
    running = wait_for(committed, job.id, lambda job: job.status == RUNNING and job.done >= 1)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert running.status == RUNNING and running.done < running.total and running.attempts == 1, stop(first) + stop(second)
    try:
        finished = wait_for(committed, job.id, lambda job: job.status == DONE, seconds=120)
    finally:
        output = stop(second)
    assert finished.status == DONE and finished.attempts == 2, output
    path = Path(config["EXPORT_DIR"]) / finished.file_path
    assert len(zipfile.ZipFile(path).namelist()) == len(committed.learners) + 1
    assert not list(path.parent.glob("*.part"))

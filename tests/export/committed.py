"""A database of its own whose data is really committed, for tests where workers use their own connections.

On SQLite a file; on PostgreSQL (DATABASE_URL) a fresh database beside the test database, named after it and
the xdist worker (two workers may each run tests of one module).
"""
import os
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from assessor.accounts.models import LEARNER
from assessor.assessment.progress import refresh_progress
from assessor.db import make_engine
from assessor.dbcli import upgrade_database

from ..factories import build_world, enrol, make_user


@dataclass
class Committed:
    config: dict
    world: object
    learners: list

    def session(self) -> Session:
        return Session(make_engine(self.config["DATABASE_URL"]), expire_on_commit=False)


def committed_url(folder, suffix: str) -> str:
    base = os.environ.get("DATABASE_URL")
    if not base or base.startswith("sqlite"):
        return f"sqlite:///{folder / (suffix + '.sqlite3')}"
    url = make_url(base)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"{url.database}_{worker}_{suffix}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def committed_world(folder, storage_root, suffix: str) -> Committed:
    """The test world plus a third learner in provider A's cohort, committed; exports go under `folder`."""
    url = committed_url(folder, suffix)
    upgrade_database(url)
    with Session(make_engine(url), expire_on_commit=False) as session:
        world = build_world(session, storage_root)
        third = make_user(session, provider=world.a.provider, roles=[LEARNER], name="Siân Ŵyn")
        enrol(session, world.a.cohort, third, world.standard)
        refresh_progress(session, {world.a.enrolment.id})
        session.commit()
    config = {"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": url, "STORAGE_DIR": str(storage_root),
              "EXPORT_DIR": str(folder / "exports"), "REDIS_URL": None, "TASK_RETRY_DELAY_SECONDS": 0.01}
    return Committed(config, world, [world.a.learner, world.a.other_learner, third])


def run_queued(app, queues=("exports", "pdfs")) -> None:
    """Run every queued task (and the tasks they queue) on a worker thread over the app's in-memory broker."""
    from assessor.core.tasks import start_worker

    broker = app.extensions["task_broker"]
    worker = start_worker(app)
    try:
        for _round in range(3):
            for queue in queues:
                if queue in broker.queues:
                    broker.join(queue, fail_fast=False, timeout=300_000)
        worker.join()
    finally:
        worker.stop()

"""A source database with committed rows, stored files and audit entries, backed up once; fresh targets to restore into.

The shared test database keeps each test's data uncommitted, and a backup reads committed rows on
its own connection: so these tests make throwaway databases of the suite's kind (SQLite files, or
PostgreSQL databases with unique names) and drop them afterwards.
"""
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from assessor.audit.services import record
from assessor.backup.backup import write_backup
from assessor.db import make_engine
from assessor.dbcli import upgrade_database
from assessor.evidence.models import EvidenceFile

from ..factories import build_world, store_test_file

SECOND_FILE = b"%PDF-1.4\n% a second stored file\n%%EOF\n"


@pytest.fixture(scope="module")
def databases(database_url):
    """Make fresh, empty databases of the suite's kind: `make(migrated=False)` gives a URL."""
    made = []
    url = make_url(database_url)
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT") if url.get_backend_name() == "postgresql" else None

    def make(folder: Path, migrated: bool = False) -> str:
        name = f"assessor_backup_{uuid.uuid4().hex[:12]}"
        if server is None:
            fresh = f"sqlite:///{folder / (name + '.sqlite3')}"
        else:
            with server.connect() as connection:
                connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
            made.append(name)
            fresh = url.set(database=name).render_as_string(hide_password=False)
        if migrated:
            upgrade_database(fresh)
        return fresh

    yield make
    if server is not None:
        with server.connect() as connection:
            for name in made:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()


@dataclass
class Source:
    url: str
    storage: Path
    archive: Path
    manifest: dict
    world: object


def fill(url: str, storage: Path):
    """The two-provider world, a second stored file and a few audit entries, all committed."""
    with Session(make_engine(url), expire_on_commit=False) as session:
        world = build_world(session, storage)
        sha256 = store_test_file(storage, SECOND_FILE)
        session.add(EvidenceFile(evidence_id=world.b.portfolio.submitted.id, filename="second.pdf", size=len(SECOND_FILE),
                                 sha256=sha256, media_type="application/pdf", uploaded_by_id=world.b.learner.id))
        for number in range(3):
            record(session, world.a.assessor, "updated", "evidence", world.a.portfolio.submitted.id,
                   learner_id=world.a.learner.id, before={"n": number}, after={"n": number + 1, "note": "Cymraeg: ŵ ŷ"})
        session.commit()
    return world


@pytest.fixture(scope="module")
def source(databases, tmp_path_factory) -> Source:
    folder = tmp_path_factory.mktemp("backup-source")
    url, storage = databases(folder, migrated=True), folder / "storage"
    world = fill(url, storage)
    archive = folder / "backup.tar"
    manifest = write_backup(make_engine(url), storage, archive)
    return Source(url, storage, archive, manifest, world)

"""Migration 0012 gives each submission made before it a snapshot of its evidence as it stands, hashed as the app hashes."""
import importlib.util

from sqlalchemy import delete, update

from assessor.evidence.models import Submission, SubmissionFile
from assessor.evidence.snapshot import frozen_fields, frozen_intact, judged

from .factories import SHIPPED

MIGRATION = SHIPPED.parent / "migrations" / "versions" / "0012_freeze_submission_snapshots.py"


def migration():
    spec = importlib.util.spec_from_file_location("freeze_migration", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_backfill_freezes_the_evidence_as_it_stands_with_the_apps_hash(db_session, world):
    submitted = world.a.portfolio.submitted
    expected = frozen_fields(submitted)
    db_session.execute(delete(SubmissionFile))
    db_session.execute(update(Submission).values(snapshot={}, snapshot_sha256=""))
    migration()._backfill(db_session.connection())
    db_session.expire_all()
    submission = submitted.submissions[-1]
    assert submission.snapshot == expected["snapshot"] and submission.snapshot_sha256 == expected["snapshot_sha256"]
    assert frozen_intact(submission) and [file.filename for file in judged(submission).files] == ["notes.pdf"]

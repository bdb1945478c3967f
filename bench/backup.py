"""Backup and restore benchmark: `assessor backup` and `assessor restore` of a synthetic provider with stored files.

Run from the repository root: `.venv/bin/python bench/backup.py [--learners 200] [--files 200] [--file-kb 256] [--database URL]`.
A provider of `--learners` learners on the five seed standards (bench/synthetic.py), `--files` evidence
files of `--file-kb` KiB of random bytes (incompressible, like the photos and PDFs learners upload) and
1,000 audit entries; then one backup and one restore into a second scratch database and storage folder,
timed. Prints a JSON summary; `meets_target` is the copy's correctness (same row counts, the audit chain
intact, `assessor check` clean), not a speed.
"""
import argparse
import hashlib
import os
import random
import tempfile
import time
from pathlib import Path

from common import add_database_option, database_kind, engine_for, load_average, print_summary, scratch_database
from sqlalchemy import select
from sqlalchemy.orm import Session
from synthetic import generate

from assessor.audit.services import record, verify_chain
from assessor.backup.backup import write_backup
from assessor.backup.restore import restore_backup
from assessor.evidence.models import Evidence, EvidenceFile
from assessor.storage.check import inspect_storage
from assessor.storage.paths import blob_path

AUDIT_ENTRIES = 1000


def add_files(session: Session, storage: Path, count: int, size: int) -> int:
    """`count` stored files of random bytes, each on an evidence item of the provider; their total size."""
    rng = random.Random(7)
    evidence = session.execute(select(Evidence.id, Evidence.learner_id).order_by(Evidence.id).limit(count)).all()
    for evidence_id, learner_id in evidence:
        data = rng.randbytes(size)
        sha256 = hashlib.sha256(data).hexdigest()
        path = blob_path(storage, sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        session.add(EvidenceFile(evidence_id=evidence_id, filename="photo.jpg", size=size, sha256=sha256,
                                 media_type="image/jpeg", uploaded_by_id=learner_id))
    for number in range(AUDIT_ENTRIES):
        record(session, None, "updated", "bench", number, after={"n": number})
    session.commit()
    return size * len(evidence)


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def measure(url: str, base_url: str | None, learners: int, files: int, file_kb: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="assessor-backup-bench-") as name, scratch_database(base_url) as copy_url:
        folder = Path(name)
        source, copy = engine_for(url), engine_for(copy_url)
        with Session(source) as session:
            generated = generate(session, learners, label="Backup")
            stored_bytes = add_files(session, folder / "storage", files, file_kb * 1024)
        backup_seconds, manifest = timed(lambda: write_backup(source, folder / "storage", folder / "backup.tar"))
        archive_bytes = (folder / "backup.tar").stat().st_size
        restore_seconds, _ = timed(lambda: restore_backup(copy, folder / "copy", folder / "backup.tar"))
        with Session(copy) as session:
            checked, problems = verify_chain(session)
            findings = inspect_storage(session, folder / "copy")
        source.dispose(), copy.dispose()
    rows = sum(table["rows"] for table in manifest["tables"])
    sound = not problems and checked == AUDIT_ENTRIES and not (findings.broken or findings.orphans) and findings.rows_checked == files
    return {
        "benchmark": "assessor backup, then assessor restore into a fresh database and storage folder",
        "database": database_kind(url),
        "cpus": os.cpu_count(),
        "load_average": load_average(),
        "learners": learners,
        "decisions": generated.counts["decisions"],
        "rows": rows,
        "stored_files": len(manifest["files"]),
        "stored_megabytes": round(stored_bytes / 2**20, 1),
        "archive_megabytes": round(archive_bytes / 2**20, 1),
        "backup_seconds": round(backup_seconds, 2),
        "restore_seconds": round(restore_seconds, 2),
        "rows_per_second_restored": round(rows / restore_seconds),
        "meets_target": sound,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--learners", type=int, default=200, help="learners in the provider (default %(default)s)")
    options.add_argument("--files", type=int, default=200, help="stored evidence files (default %(default)s)")
    options.add_argument("--file-kb", type=int, default=256, help="size of each stored file in KiB (default %(default)s)")
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, arguments.database, arguments.learners, arguments.files, arguments.file_kb))


if __name__ == "__main__":
    main()

"""Storage test helpers: blobs put straight on disk, evidence file rows that refer to them."""
import os
import time

from assessor.evidence.models import EvidenceFile
from assessor.storage.paths import blob_path

from ..factories import store_test_file


def put_blob(root, data: bytes, *, age: float = 0) -> str:
    sha256 = store_test_file(root, data)
    age_file(blob_path(root, sha256), age)
    return sha256


def age_file(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def add_row(session, evidence, sha256, filename="notes.pdf") -> EvidenceFile:
    row = EvidenceFile(evidence_id=evidence.id, filename=filename, size=1, sha256=sha256,
                       media_type="application/pdf", uploaded_by_id=evidence.learner_id)
    session.add(row)
    session.flush()
    return row

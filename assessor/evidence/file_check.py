"""`assessor check`: stored files and evidence rows agree, and no upload was left half-done."""
import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from ..accounts.models import User
from ..db import get_session
from ..storage.files import CHUNK_SIZE, SHA256
from ..storage.paths import blob_path, storage_dir
from .models import Evidence, EvidenceFile, Submission, SubmissionFile
from .snapshot import blob_named, named_blobs

#: an unreferenced file younger than this may belong to an upload whose evidence row is not committed yet
ORPHAN_GRACE_SECONDS = 10 * 60
#: a temporary file older than this belongs to an upload that died
TEMP_GRACE_SECONDS = 60 * 60


@dataclass(frozen=True)
class BrokenRow:
    """An evidence file whose stored bytes are missing or no longer match their hash."""

    evidence_file_id: int
    reference: str
    filename: str
    learner_email: str
    sha256: str
    missing: bool
    #: the submission whose frozen version names the file, when no evidence file does any more
    submission: int | None = None

    def describe(self) -> str:
        problem = "file missing" if self.missing else "content no longer matches its hash"
        row = f"submission {self.submission} file" if self.submission else "evidence file"
        return f"{self.reference} {self.filename!r} of {self.learner_email} ({row} {self.evidence_file_id}, sha256 {self.sha256}): {problem}"


@dataclass
class Findings:
    blobs_checked: int = 0
    rows_checked: int = 0
    orphans: list[Path] = field(default_factory=list)
    stale_temps: list[Path] = field(default_factory=list)
    broken: list[BrokenRow] = field(default_factory=list)


def stored_blobs(root: Path):
    """Every file laid out as a blob under `root` (the tmp folder is not one)."""
    for path in root.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*"):
        if SHA256.fullmatch(path.name) and path == blob_path(root, path.name) and path.is_file():
            yield path


def inspect_storage(session, root: Path, now: float | None = None) -> Findings:
    """What is wrong between the storage folder and the evidence_files table (files named by submissions are kept)."""
    now = time.time() if now is None else now
    findings = Findings()
    referenced = set(session.scalars(select(EvidenceFile.sha256).distinct())) | named_blobs(session)
    for path in stored_blobs(root):
        findings.blobs_checked += 1
        if path.name not in referenced and _older_than(path, ORPHAN_GRACE_SECONDS, now):
            findings.orphans.append(path)
    temp_dir = root / "tmp"
    if temp_dir.is_dir():
        findings.stale_temps = sorted(p for p in temp_dir.iterdir() if p.is_file() and _older_than(p, TEMP_GRACE_SECONDS, now))
    findings.broken, findings.rows_checked = _broken_rows(session, root)
    return findings


def _older_than(path: Path, seconds: int, now: float) -> bool:
    try:
        return now - path.stat().st_mtime > seconds
    except FileNotFoundError:
        return False


def _broken_rows(session, root: Path) -> tuple[list[BrokenRow], int]:
    query = (select(EvidenceFile.id, EvidenceFile.sha256, EvidenceFile.filename, Evidence, User.email)
             .join(Evidence, EvidenceFile.evidence_id == Evidence.id).join(User, Evidence.learner_id == User.id)
             .order_by(EvidenceFile.id))
    rows = session.execute(query).all()
    verdicts: dict[str, str] = {}
    broken = []
    for file_id, sha256, filename, evidence, email in rows:
        if sha256 not in verdicts:
            verdicts[sha256] = _verdict(root, sha256)
        if verdicts[sha256] != "ok":
            broken.append(BrokenRow(file_id, evidence.reference, filename, email, sha256, verdicts[sha256] == "missing"))
    return broken + _broken_submitted(session, root, verdicts), len(rows)


def _broken_submitted(session, root: Path, verdicts: dict[str, str]) -> list[BrokenRow]:
    """Files that only a submission's frozen version still names, whose bytes are missing or changed."""
    query = (select(SubmissionFile.id, SubmissionFile.sha256, SubmissionFile.filename, Submission.number, Evidence, User.email)
             .join(Submission, SubmissionFile.submission_id == Submission.id).join(Evidence, Submission.evidence_id == Evidence.id)
             .join(User, Evidence.learner_id == User.id).order_by(SubmissionFile.id))
    broken = []
    for file_id, sha256, filename, number, evidence, email in session.execute(query).all():
        if sha256 in verdicts:
            continue
        verdict = verdicts.setdefault(sha256, _verdict(root, sha256))
        if verdict != "ok":
            broken.append(BrokenRow(file_id, evidence.reference, filename, email, sha256, verdict == "missing", number))
    return broken


def _verdict(root: Path, sha256: str) -> str:
    """"ok", "missing" or "changed" for the blob that should hold these bytes."""
    path = blob_path(root, sha256) if SHA256.fullmatch(sha256) else None
    if path is None or not path.is_file():
        return "missing"
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return "ok" if digest.hexdigest() == sha256 else "changed"


def remove_leftovers(session, findings: Findings, now: float | None = None) -> tuple[list[Path], list[Path]]:
    """Delete orphan blobs (checked again just before) and stale temporary files; the paths removed."""
    now = time.time() if now is None else now
    orphans = [path for path in findings.orphans if _still_orphan(session, path, now) and _unlink(path)]
    temps = [path for path in findings.stale_temps if _unlink(path)]
    return orphans, temps


def _still_orphan(session, path: Path, now: float) -> bool:
    referenced = session.scalar(select(EvidenceFile.id).where(EvidenceFile.sha256 == path.name).limit(1))
    return referenced is None and not blob_named(session, path.name) and _older_than(path, ORPHAN_GRACE_SECONDS, now)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


@click.command("check")
@click.option("--repair", is_flag=True, help="Delete orphan files and stale temporary files.")
@with_appcontext
def check_command(repair: bool) -> None:
    """Check stored evidence files against the database (exit 1 if anything is wrong or needs attention)."""
    session = get_session()
    findings = inspect_storage(session, storage_dir(current_app))
    sys.exit(_repair(session, findings) if repair else _report(findings))


def _report(findings: Findings) -> int:
    for path in findings.orphans:
        click.echo(f"orphan file (no evidence refers to it): {path}")
    for path in findings.stale_temps:
        click.echo(f"stale temporary file: {path}")
    for row in findings.broken:
        click.echo(f"{'missing' if row.missing else 'changed'} file: {row.describe()}")
    if not (findings.orphans or findings.stale_temps or findings.broken):
        click.echo(f"{_checked(findings)}: no problems found.")
        return 0
    click.echo(f"{_checked(findings)}: {plural(len(findings.orphans), 'orphan file')}, "
               f"{plural(len(findings.stale_temps), 'stale temporary file')}, "
               f"{plural(len(findings.broken), 'evidence file')} missing or changed.")
    if findings.orphans or findings.stale_temps:
        click.echo("Run `assessor check --repair` to remove the orphan and stale temporary files.")
    return 1


def _repair(session, findings: Findings) -> int:
    orphans, temps = remove_leftovers(session, findings)
    for path in orphans:
        click.echo(f"removed orphan file: {path}")
    for path in temps:
        click.echo(f"removed stale temporary file: {path}")
    for row in findings.broken:
        click.echo(f"needs attention: {row.describe()}; ask the learner to upload it again")
    verb = "needs" if len(findings.broken) == 1 else "need"
    click.echo(f"{_checked(findings)}: removed {plural(len(orphans), 'orphan file')} and "
               f"{plural(len(temps), 'stale temporary file')}; {plural(len(findings.broken), 'evidence file')} {verb} attention.")
    return 1 if findings.broken else 0


def _checked(findings: Findings) -> str:
    return f"Checked {plural(findings.blobs_checked, 'stored file')} and {plural(findings.rows_checked, 'evidence file')}"

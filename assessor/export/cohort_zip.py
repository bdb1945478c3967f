"""A cohort's ZIP: every learner's portfolio PDF and summary.pdf, written beside its place and renamed in when whole."""
import hashlib
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from ..storage.paths import storage_dir
from .filenames import portfolio_filename
from .render import portfolio_pdf
from .summary import exported_members, summary_pdf

SUMMARY_NAME = "summary.pdf"
ERRORS_NAME = "errors.txt"

Progress = Callable[[int, int], None]


@dataclass
class ZipResult:
    names: list[str]
    #: (learner's name, what went wrong), for portfolios that could not be made
    failures: list[tuple[str, str]]
    size: int
    sha256: str


def build_cohort_zip(app: Flask, session: Session, cohort_id: int, language: str, out_path: Path,
                     progress: Progress | None = None) -> ZipResult:
    """The ZIP at `out_path`. A portfolio that cannot be made is listed in errors.txt and the others go on;
    a summary that cannot be made fails the whole ZIP. A run that dies leaves a `.part` the next run replaces.
    """
    learners = [member.learner for member in exported_members(session, cohort_id)]
    report = progress or (lambda done, total: None)
    report(0, len(learners))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            failures = _write_portfolios(app, session, archive, learners, language, report)
            archive.writestr(SUMMARY_NAME, summary_pdf(session, cohort_id, language))
            if failures:
                archive.writestr(ERRORS_NAME, errors_text(failures, language))
            names = archive.namelist()
        os.replace(partial, out_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return ZipResult(names, failures, out_path.stat().st_size, file_sha256(out_path))


def _write_portfolios(app, session, archive, learners, language: str, report: Progress) -> list[tuple[str, str]]:
    failures = []
    for done, learner in enumerate(learners, start=1):
        try:
            archive.writestr(portfolio_filename(learner, language), portfolio_pdf(session, learner, language, storage_dir(app)))
        except Exception as error:  # noqa: BLE001  (one learner's failure is reported, the others go on)
            failures.append((learner.name, f"{type(error).__name__}: {error}"))
        report(done, len(learners))
    return sorted(failures)


def errors_text(failures: list[tuple[str, str]], language: str) -> str:
    with force_locale(language):
        heading = _("These portfolios could not be made:")
    return "\n".join([heading, *(f"- {name}: {error}" for name, error in failures)]) + "\n"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()

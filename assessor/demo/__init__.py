"""`assessor demo`: a demo provider with a cohort on the shipped standards, a person in every role, a scenario of its
own, and half the learners' portfolios at different stages (drafts, submissions, reviews, a correction, sign-offs,
IQA samples).

Idempotent: people, cohort and enrolments are found by their natural keys before they are made, the scenario by its
id, a learner who already has evidence is left as they are, and passwords change only when --password is given.
"""
from collections import Counter
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale
from sqlalchemy.orm import Session

from ..accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN
from ..accounts.passwords import password_matches, password_problem
from ..db import get_session
from ..evidence.item_files import discard_blobs
from ..storage.paths import storage_dir
from .people import (  # noqa: F401  (the demo's people are this package's API, for tests and the browser tests)
    ASSESSORS,
    COHORT_NAME,
    DEFAULT_PASSWORD,
    DOMAIN,
    EVERYONE,
    IQA_PERSON,
    LEARNERS,
    LEARNERS_WITH_EVIDENCE,
    LEARNERS_WITHOUT_EVIDENCE,
    PROVIDER_ADMIN_PERSON,
    PROVIDER_NAME,
    SITE_ADMIN,
    STAFF,
    DemoError,
    DemoOutcome,
    Person,
    create_people,
)
from .runner import create_portfolios
from .scenario import create_scenario
from .stories import STORIES


def create_demo(
    session: Session, standards_dir: Path, storage_root: Path, password: str | None = None, outcome: DemoOutcome | None = None
) -> DemoOutcome:
    """Make whatever of the demo data is missing; set `password` on every demo person when given."""
    outcome = DemoOutcome() if outcome is None else outcome
    create_people(session, outcome, standards_dir, password)
    create_scenario(session, outcome)
    create_portfolios(session, outcome, storage_root, STORIES)
    session.flush()
    return outcome


ROLE_LABELS = {PROVIDER_ADMIN: "provider administrator", ASSESSOR: "assessor", IQA: "IQA", LEARNER: "learner"}


def role_label(person: Person) -> str:
    if person.site_admin:
        return "site administrator"
    return " + ".join(ROLE_LABELS[role] for role in person.roles)


def sign_in_table(password_note: str) -> str:
    """The demo people by role, with their sign-in emails and the password."""
    rows = [("role", "name", "email", "language")]
    rows += [(role_label(person), person.name, person.email, person.language or "browser's") for person in EVERYONE]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join([*lines, "", f"Password for every demo account: {password_note}"])


@click.command("demo")
@click.option("--password", help=f"Set this password on every demo account (new accounts get {DEFAULT_PASSWORD} otherwise).")
@with_appcontext
def demo_command(password: str | None) -> None:
    """Create the demo provider, its people, a cohort on the shipped standards, its enrolments and portfolios."""
    if password is not None:
        with force_locale("en"):
            problem = password_problem(password)
        if problem:
            raise click.BadParameter(problem, param_hint="--password")
    session, root = get_session(), storage_dir(current_app)
    outcome = DemoOutcome()
    try:
        create_demo(session, Path(current_app.config["STANDARDS_DIR"]), root, password, outcome)
    except Exception as error:
        session.rollback()
        discard_blobs(session, root, outcome.blobs)
        if isinstance(error, DemoError):
            raise click.ClickException(str(error)) from error
        raise
    session.commit()
    discard_blobs(session, root, outcome.blobs)
    click.echo(f"Demo data: {outcome.created.total()} new row(s) ({summary(outcome.created)}).")
    for name, reason in outcome.skipped.items():
        click.echo(f"Warning: {name}'s portfolio was left out, because a step was refused: {reason}", err=True)
    standards = len(outcome.cohort.standards)
    click.echo(f"Provider: {PROVIDER_NAME}; cohort: {COHORT_NAME}, {len(LEARNERS)} learners on {standards} standards.\n")
    click.echo(sign_in_table(password_note(outcome, password)))


def summary(created: Counter) -> str:
    if not created:
        return "everything was already there"
    return ", ".join(f"{count} {kind}{'s' if count != 1 else ''}" for kind, count in created.items())


def password_note(outcome: DemoOutcome, password: str | None) -> str:
    if password:
        return password
    if password_matches(outcome.users[SITE_ADMIN.email].password_hash, DEFAULT_PASSWORD):
        return DEFAULT_PASSWORD
    return "the one set earlier with `assessor demo --password` (pass --password again to reset it)"

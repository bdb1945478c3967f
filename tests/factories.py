"""Test data: small functions that build real rows through the session, and a two-provider world."""
import itertools
import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from werkzeug.security import generate_password_hash

from assessor.accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, User, UserRole
from assessor.cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment
from assessor.organisations.models import Provider
from assessor.standards.models import Standard
from assessor.standards.services import find_standard, load_document

PASSWORD = "correct horse battery staple"
#: the real scrypt hash takes ~50 ms; tests use a cheap one that check_password_hash also reads
CHEAP_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
SHIPPED = Path(__file__).resolve().parents[1] / "standards"
_counter = itertools.count(1)


def make_provider(session, name: str | None = None) -> Provider:
    provider = Provider(name=name or f"Provider {next(_counter)}")
    session.add(provider)
    session.flush()
    return provider


def make_user(session, *, provider=None, roles=(), email=None, name=None, site_admin=False, language=None, password=True) -> User:
    number = next(_counter)
    user = User(
        email=email or f"person{number}@example.org",
        name=name or f"Person {number}",
        provider=provider,
        is_site_admin=site_admin,
        language=language,
        password_hash=CHEAP_HASH if password else None,
    )
    user.roles = [UserRole(role=role) for role in roles]
    session.add(user)
    session.flush()
    return user


def shipped_standard(session, urn: str = "SKSCMGS11") -> Standard:
    """A shipped standard, loaded once per test transaction."""
    standard = find_standard(session, urn)
    if standard is None:
        document = json.loads((SHIPPED / f"{urn}.json").read_text(encoding="utf-8"))
        standard = load_document(session, document).standard
    return standard


def make_cohort(session, provider, *, standards=(), name=None, start=None, end=None) -> Cohort:
    start = start or date.today() - timedelta(days=30)
    cohort = Cohort(provider_id=provider.id, name=name or f"Cohort {next(_counter)}", start_date=start, target_end_date=end or start + timedelta(days=365))
    cohort.standards = [CohortStandard(standard=standard) for standard in standards]
    session.add(cohort)
    session.flush()
    return cohort


def enrol(session, cohort, learner, standard, *, assessor=None, iqa=None) -> Enrolment:
    member = next((m for m in cohort.members if m.learner_id == learner.id), None)
    if member is None:
        member = CohortMember(cohort=cohort, learner=learner)
        session.add(member)
    enrolment = Enrolment(member=member, standard=standard, assessor=assessor, iqa=iqa)
    session.add(enrolment)
    session.flush()
    return enrolment


@dataclass
class Side:
    """One provider with a person in each role, a cohort on a standard, and a learner enrolled."""

    provider: Provider
    admin: User
    assessor: User
    iqa: User
    learner: User
    other_learner: User
    cohort: Cohort
    enrolment: Enrolment
    portfolio: "Portfolio | None" = None


@dataclass
class Portfolio:
    """The side's learner's evidence in each state, one review with its sample, a sign-off and a stored file."""

    draft: object
    submitted: object
    reviewed: object
    review: object
    sample: object
    sign_off: object
    file: object


@dataclass
class World:
    site_admin: User
    a: Side
    b: Side
    standard: Standard


TEST_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def store_test_file(storage_root, content: bytes = TEST_PDF) -> str:
    import hashlib

    from assessor.storage.paths import blob_path

    sha256 = hashlib.sha256(content).hexdigest()
    path = blob_path(Path(storage_root), sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return sha256


def make_review(session, evidence, enrolment, outcomes: dict[str, str], *, assessor=None):
    """A review of the evidence's latest submission with a decision per ref ("met" or "not_yet")."""
    from sqlalchemy import select

    from assessor.assessment.models import Decision, Review
    from assessor.standards.models import Criterion

    submission = evidence.submissions[-1]
    assessor = assessor or enrolment.assessor
    review = Review(submission_id=submission.id, enrolment_id=enrolment.id, assessor_id=assessor.id, feedback="Good.")
    session.add(review)
    session.flush()
    for ref, outcome in outcomes.items():
        criterion = session.scalar(select(Criterion).where(Criterion.standard_id == enrolment.standard_id, Criterion.ref == ref))
        session.add(Decision(review_id=review.id, enrolment_id=enrolment.id, evidence_id=evidence.id, criterion_id=criterion.id,
                             outcome=outcome, decided_by_id=assessor.id))
    session.flush()
    return review


def build_portfolio(session, side: "Side", storage_root) -> Portfolio:
    from assessor.assessment.models import SignOff
    from assessor.evidence.models import ASSESSED, EvidenceFile
    from assessor.iqa.models import Sample
    from assessor.timeutil import utcnow

    draft = make_evidence(session, side.learner, side.enrolment, ("P3",), status="draft", title="Draft account")
    submitted = make_evidence(session, side.learner, side.enrolment, ("P1", "P2"), kind="file", title="Meeting notes")
    sha256 = store_test_file(storage_root) if storage_root is not None else "0" * 64
    file = EvidenceFile(evidence_id=submitted.id, filename="notes.pdf", size=len(TEST_PDF), sha256=sha256,
                        media_type="application/pdf", uploaded_by_id=side.learner.id)
    session.add(file)
    refreeze(session, submitted)
    reviewed = make_evidence(session, side.learner, side.enrolment, ("P4",), title="Client call", status=ASSESSED)
    review = make_review(session, reviewed, side.enrolment, {"P4": "met"})
    reviewed.submissions[-1].outcome, reviewed.submissions[-1].closed_at = ASSESSED, utcnow()
    sample = Sample(review_id=review.id, enrolment_id=side.enrolment.id, assessor_id=side.assessor.id, reason="share")
    sign_off = SignOff(enrolment_id=side.enrolment.id, assessor_id=side.assessor.id, declaration="Valid.",
                       signature_name=side.assessor.name, payload={}, signed_hash="0" * 64)
    session.add_all([sample, sign_off])
    session.flush()
    return Portfolio(draft, submitted, reviewed, review, sample, sign_off, file)


def build_side(session, standard: Standard, label: str) -> Side:
    provider = make_provider(session, f"Provider {label}")
    admin = make_user(session, provider=provider, roles=[PROVIDER_ADMIN], email=f"admin.{label}@example.org")
    assessor = make_user(session, provider=provider, roles=[ASSESSOR], email=f"assessor.{label}@example.org")
    iqa = make_user(session, provider=provider, roles=[IQA], email=f"iqa.{label}@example.org")
    learner = make_user(session, provider=provider, roles=[LEARNER], email=f"learner.{label}@example.org")
    other = make_user(session, provider=provider, roles=[LEARNER], email=f"learner2.{label}@example.org")
    cohort = make_cohort(session, provider, standards=[standard], name=f"Cohort {label}")
    enrolment = enrol(session, cohort, learner, standard, assessor=assessor, iqa=iqa)
    enrol(session, cohort, other, standard)
    return Side(provider, admin, assessor, iqa, learner, other, cohort, enrolment)


def build_world(session, storage_root=None) -> World:
    standard = shipped_standard(session)
    site_admin = make_user(session, site_admin=True, email="site.admin@example.org")
    world = World(site_admin, build_side(session, standard, "a"), build_side(session, standard, "b"), standard)
    for side in (world.a, world.b):
        side.portfolio = build_portfolio(session, side, storage_root)
    return world


def login_as(client, user: User, remember: bool = False) -> str:
    """Sign the test client in as `user` without going through the form: a server-side session, committed; its token."""
    from assessor.accounts.lifetimes import Device, Lifetimes
    from assessor.accounts.sessions import start_session

    db = client.application.extensions["db_sessionmaker"]()
    token = start_session(db, user, Lifetimes.from_config(client.application.config), Device("pytest", "127.0.0.1"), remember)
    db.commit()
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True
    return token


def refreeze(session, evidence):
    """For tests that give a submitted item files or claims after making it: its last submission takes them as if sent."""
    from assessor.evidence.snapshot import frozen_fields

    session.flush()
    session.refresh(evidence)
    submission = evidence.submissions[-1]
    for old in list(submission.files):
        session.delete(old)
    session.flush()
    fields = frozen_fields(evidence)
    submission.snapshot, submission.snapshot_sha256, submission.files = fields["snapshot"], fields["snapshot_sha256"], fields["files"]
    session.flush()
    return submission


def make_evidence(
    session,
    learner: User,
    enrolment: Enrolment,
    refs=("P1",),
    *,
    status: str = "submitted",
    kind: str = "account",
    title: str = "Evidence",
    body: str = "What I did.",
):
    """An evidence item of `learner` claiming `refs` of the enrolment's standard; submitted once unless a draft."""
    from datetime import date

    from sqlalchemy import func, select

    from assessor.evidence.models import DRAFT, Evidence, Mapping, Submission
    from assessor.evidence.snapshot import frozen_fields
    from assessor.standards.models import Criterion

    number = (session.scalar(select(func.max(Evidence.number)).where(Evidence.learner_id == learner.id)) or 0) + 1
    evidence = Evidence(
        learner_id=learner.id, number=number, kind=kind, title=title, activity_date=date(2026, 10, 1),
        body=body, status=status, created_by_id=learner.id,
    )
    session.add(evidence)
    session.flush()
    for ref in refs:
        criterion = session.scalar(select(Criterion).where(Criterion.standard_id == enrolment.standard_id, Criterion.ref == ref))
        session.add(Mapping(evidence_id=evidence.id, enrolment_id=enrolment.id, criterion_id=criterion.id))
    if status != DRAFT:
        session.flush()
        session.refresh(evidence)
        session.add(Submission(evidence_id=evidence.id, number=1, submitted_by_id=learner.id, declaration="Mine.", **frozen_fields(evidence)))
    session.flush()
    return evidence

"""The demo's provider, people, cohort and enrolments, each found by its natural key before it is made."""
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, User, UserRole
from ..accounts.passwords import hash_password, password_matches
from ..cohorts.models import ENROLLED, JOINED, Cohort, CohortMember, CohortStandard, Enrolment, MemberEvent
from ..organisations.models import Provider
from ..standards.models import Standard
from ..standards.services import find_standard, load_directory
from ..timeutil import today

DEFAULT_PASSWORD = "demo-Assessor-2026!"
PROVIDER_NAME = "Coleg Enghraifft / Example College"
COHORT_NAME = "Gwasanaeth Cwsmeriaid / Customer Service"
DOMAIN = "coleg-enghraifft.example"


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    roles: tuple[str, ...] = ()
    language: str | None = None
    site_admin: bool = False


SITE_ADMIN = Person("Rhian Edwards", "rhian.edwards@assessor.example", language="en", site_admin=True)
PROVIDER_ADMIN_PERSON = Person("Siân Morgan", f"sian.morgan@{DOMAIN}", (PROVIDER_ADMIN,), "cy")
ASSESSORS = (
    Person("Owain Griffiths", f"owain.griffiths@{DOMAIN}", (ASSESSOR,), "cy"),
    Person("Sarah Mitchell", f"sarah.mitchell@{DOMAIN}", (ASSESSOR, IQA), "en"),
)
IQA_PERSON = Person("Nia Rees", f"nia.rees@{DOMAIN}", (IQA,), "cy")
LEARNERS = tuple(
    Person(name, f"{name.lower().replace(' ', '.')}@{DOMAIN}", (LEARNER,), language)
    for name, language in (
        ("Aled Evans", "cy"),
        ("Bethan Hughes", "cy"),
        ("Carys Williams", None),
        ("Dafydd Thomas", "cy"),
        ("Eleri Price", None),
        ("Ffion Davies", "cy"),
        ("Gethin Lewis", None),
        ("Hannah Clarke", "en"),
        ("Iwan Parry", "cy"),
        ("Jessica Taylor", "en"),
        ("Liam Walker", "en"),
        ("Megan Pritchard", None),
    )
)
STAFF = (SITE_ADMIN, PROVIDER_ADMIN_PERSON, *ASSESSORS, IQA_PERSON)
EVERYONE = (*STAFF, *LEARNERS)
#: the learners whose portfolios the demo fills, at different stages: three of each assessor's
LEARNERS_WITH_EVIDENCE = tuple(LEARNERS[index] for index in (0, 1, 2, 7, 8, 9))
#: learners the demo leaves without evidence, so new learners' empty states show and tests can start from nothing
#: (LEARNERS[10], Liam Walker, is the browser scenario test's player)
LEARNERS_WITHOUT_EVIDENCE = tuple(person for person in LEARNERS if person not in LEARNERS_WITH_EVIDENCE)


class DemoError(Exception):
    """The demo data cannot be made; the message says why."""


@dataclass
class DemoOutcome:
    #: how many rows of each kind this run made
    created: Counter = field(default_factory=Counter)
    users: dict[str, User] = field(default_factory=dict)
    cohort: Cohort | None = None
    #: the sha256 of every file this run stored; those no evidence keeps (a skipped story's, a failed run's) are discarded
    blobs: list[str] = field(default_factory=list)
    #: {learner's name: why their story could not be told}
    skipped: dict[str, str] = field(default_factory=dict)


def create_people(session: Session, outcome: DemoOutcome, standards_dir: Path, password: str | None = None) -> None:
    """Make whatever of the provider, people, cohort and enrolments is missing; set `password` on everyone when given."""
    standards = shipped_standards(session, standards_dir)
    provider = ensure_provider(session, outcome)
    new_hash = functools.cache(lambda: hash_password(password or DEFAULT_PASSWORD))  # one password, so one (slow) hash a run
    for person in EVERYONE:
        outcome.users[person.email] = ensure_user(session, outcome, person, None if person.site_admin else provider, password, new_hash)
    outcome.cohort = ensure_cohort(session, outcome, provider, standards)
    for index, learner in enumerate(LEARNERS):
        assessor, iqa = assignment_for(index)
        member = ensure_member(session, outcome, outcome.cohort, outcome.users[learner.email])
        for standard in standards:
            ensure_enrolment(session, outcome, member, standard, outcome.users[assessor.email], outcome.users[iqa.email])
    session.flush()


def assignment_for(learner_index: int) -> tuple[Person, Person]:
    """(assessor, IQA): the first half of the learners to Owain, verified by Sarah; the rest to Sarah, verified by Nia."""
    if learner_index < len(LEARNERS) // 2:
        return ASSESSORS[0], ASSESSORS[1]
    return ASSESSORS[1], IQA_PERSON


def shipped_standards(session: Session, standards_dir: Path) -> list[Standard]:
    """The newest version of each shipped standard, loading the folder first if any is missing."""
    urns = [path.stem for path in sorted(standards_dir.glob("*.json")) if path.name != "schema.json"]
    if any(find_standard(session, urn) is None for urn in urns):
        load_directory(session, standards_dir)
    found = [find_standard(session, urn) for urn in urns]
    missing = [urn for urn, standard in zip(urns, found, strict=False) if standard is None]
    if missing or not urns:
        raise DemoError(f"the shipped standards could not be loaded ({', '.join(missing) or standards_dir}): run `assessor standards load`")
    return found


def ensure_provider(session: Session, outcome: DemoOutcome) -> Provider:
    provider = session.scalar(select(Provider).where(Provider.name == PROVIDER_NAME))
    if provider is None:
        provider = Provider(name=PROVIDER_NAME)
        session.add(provider)
        session.flush()
        outcome.created["provider"] += 1
    return provider


def ensure_user(session: Session, outcome: DemoOutcome, person: Person, provider: Provider | None, password: str | None,
                new_hash: Callable[[], str]) -> User:
    user = session.scalar(select(User).where(User.email == person.email))
    if user is None:
        user = User(email=person.email, name=person.name, provider=provider, is_site_admin=person.site_admin, language=person.language)
        user.password_hash = new_hash()
        session.add(user)
        outcome.created["account"] += 1
    elif user.provider_id != (provider.id if provider else None) or user.is_site_admin != person.site_admin:
        raise DemoError(f"{person.email} already exists but is not the demo's {'site administrator' if person.site_admin else 'person'}")
    elif password and not password_matches(user.password_hash, password):
        user.password_hash = new_hash()
    for role in person.roles:
        if role not in user.role_names:
            user.roles.append(UserRole(role=role))
    session.flush()
    return user


def ensure_cohort(session: Session, outcome: DemoOutcome, provider: Provider, standards: list[Standard]) -> Cohort:
    cohort = session.scalar(select(Cohort).where(Cohort.provider_id == provider.id, Cohort.name == COHORT_NAME))
    if cohort is None:
        start = today() - timedelta(days=60)
        cohort = Cohort(provider_id=provider.id, name=COHORT_NAME, start_date=start, target_end_date=start + timedelta(days=365))
        session.add(cohort)
        outcome.created["cohort"] += 1
    pinned = {link.standard_id for link in cohort.standards}
    cohort.standards.extend(CohortStandard(standard=standard) for standard in standards if standard.id not in pinned)
    session.flush()
    return cohort


def ensure_member(session: Session, outcome: DemoOutcome, cohort: Cohort, learner: User) -> CohortMember:
    member = session.scalar(select(CohortMember).where(CohortMember.cohort_id == cohort.id, CohortMember.learner_id == learner.id))
    if member is None:
        member = CohortMember(cohort=cohort, learner=learner)
        session.add(member)
        _record(session, member, JOINED, cohort.start_date, {})
        outcome.created["cohort member"] += 1
    return member


def ensure_enrolment(session: Session, outcome: DemoOutcome, member: CohortMember, standard: Standard, assessor: User, iqa: User) -> None:
    if any(enrolment.standard_id == standard.id for enrolment in member.enrolments):
        return
    session.add(Enrolment(member=member, standard=standard, assessor=assessor, iqa=iqa))
    _record(session, member, ENROLLED, member.cohort.start_date, {"standard": standard.urn, "assessor_id": assessor.id, "iqa_id": iqa.id})
    outcome.created["enrolment"] += 1
    session.flush()


def _record(session: Session, member: CohortMember, kind: str, on: date, details: dict) -> None:
    session.add(MemberEvent(member=member, kind=kind, effective_on=on, reason="Demo data", details=details))

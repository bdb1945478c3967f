"""`assessor demo`: the demo provider, its people, cohort and enrolments, made once."""
import pytest
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from assessor import demo
from assessor.accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, User
from assessor.accounts.passwords import password_matches
from assessor.cohorts.models import Cohort, CohortMember, Enrolment, MemberEvent
from assessor.demo import DEFAULT_PASSWORD, PROVIDER_NAME, demo_command
from assessor.organisations.models import Provider
from assessor.standards.models import Standard

from .factories import make_provider, make_user

SHIPPED_URNS = {"SKSCMGS11", "LOCAL-SKSPP06", "LOCAL-CFACSB15", "LOCAL-CCNEEDS01", "LOCAL-CSOPS01"}


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """scrypt takes ~80 ms a person; the demo's logic is the same with a cheap hash."""
    monkeypatch.setattr(demo, "hash_password", lambda password: generate_password_hash(password, method="pbkdf2:sha256:1000"))


@pytest.fixture
def run_demo(runner):
    def run(*args: str, exit_code: int = 0):
        result = runner.invoke(demo_command, list(args))
        assert result.exit_code == exit_code, result.output
        return result

    return run


def demo_provider(db_session) -> Provider:
    return db_session.scalar(select(Provider).where(Provider.name == PROVIDER_NAME))


def demo_users(db_session) -> list[User]:
    emails = [person.email for person in demo.EVERYONE]
    return list(db_session.scalars(select(User).where(User.email.in_(emails))))


def count(db_session, model) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


def with_role(users, role) -> list[User]:
    return [user for user in users if user.has_role(role)]


def test_creates_a_provider_with_a_person_in_every_role(run_demo, db_session):
    run_demo()
    provider = demo_provider(db_session)
    users = demo_users(db_session)
    staff_and_learners = [user for user in users if not user.is_site_admin]
    assert len(users) == 17
    assert [user.email for user in users if user.is_site_admin] == [demo.SITE_ADMIN.email]
    assert {user.provider_id for user in staff_and_learners} == {provider.id}
    assert len(with_role(users, PROVIDER_ADMIN)) == 1
    assert len(with_role(users, ASSESSOR)) == 2
    assert len(with_role(users, LEARNER)) == 12
    iqa_only = [user for user in with_role(users, IQA) if not user.has_role(ASSESSOR)]
    assert len(iqa_only) == 1, "the demo IQA is a person of their own"
    assert {user.language for user in users} >= {"cy", "en"}


def test_the_cohort_is_on_every_shipped_standard(run_demo, db_session):
    run_demo()
    cohort = db_session.scalar(select(Cohort).where(Cohort.provider_id == demo_provider(db_session).id))
    assert {link.standard.urn for link in cohort.standards} == SHIPPED_URNS
    assert count(db_session, Standard) >= 5, "the shipped standards are loaded when missing"
    assert len(cohort.members) == 12
    assert cohort.start_date < cohort.target_end_date


def test_every_learner_is_enrolled_on_every_standard_with_an_assessor_and_a_different_iqa(run_demo, db_session):
    run_demo()
    enrolments = list(db_session.scalars(select(Enrolment)))
    assert len(enrolments) == 12 * 5
    assert all(e.assessor is not None and e.iqa is not None and e.assessor_id != e.iqa_id for e in enrolments)
    assert all(e.assessor.has_role(ASSESSOR) and e.iqa.has_role(IQA) for e in enrolments)
    by_assessor: dict[str, set[int]] = {}
    for enrolment in enrolments:
        by_assessor.setdefault(enrolment.assessor.email, set()).add(enrolment.member.learner_id)
    assert sorted(len(learners) for learners in by_assessor.values()) == [6, 6]
    learners_per_member = {(e.member_id, e.standard_id) for e in enrolments}
    assert len(learners_per_member) == 60, "one enrolment per learner and standard"


def test_history_records_joining_and_enrolment(run_demo, db_session):
    run_demo()
    kinds = [event.kind for event in db_session.scalars(select(MemberEvent))]
    assert kinds.count("joined") == 12
    assert kinds.count("enrolled") == 60


def test_every_demo_person_signs_in_with_the_default_password(run_demo, db_session):
    result = run_demo()
    users = demo_users(db_session)
    assert all(password_matches(user.password_hash, DEFAULT_PASSWORD) for user in users)
    assert all(user.is_active for user in users)
    for person in demo.STAFF:
        assert person.email in result.output
    assert DEFAULT_PASSWORD in result.output


def test_a_second_run_creates_nothing_and_keeps_the_passwords(run_demo, db_session):
    run_demo()
    before = {model: count(db_session, model) for model in (Provider, User, Cohort, CohortMember, Enrolment, MemberEvent)}
    hashes = {user.email: user.password_hash for user in demo_users(db_session)}
    result = run_demo()
    after = {model: count(db_session, model) for model in before}
    assert after == before
    assert {user.email: user.password_hash for user in demo_users(db_session)} == hashes
    assert "0 new row(s)" in result.output


def test_password_option_sets_every_password_and_a_later_run_keeps_it(run_demo, db_session):
    run_demo()
    run_demo("--password", "Cennin-Pedr-a-Draig-77")
    users = demo_users(db_session)
    assert all(password_matches(user.password_hash, "Cennin-Pedr-a-Draig-77") for user in users)
    result = run_demo()
    assert all(password_matches(user.password_hash, "Cennin-Pedr-a-Draig-77") for user in demo_users(db_session))
    assert DEFAULT_PASSWORD not in result.output.split("Password for every demo account:")[1]


def test_a_weak_password_is_refused_before_anything_is_made(run_demo, db_session):
    result = run_demo("--password", "password1", exit_code=2)
    assert "--password" in result.output
    assert demo_provider(db_session) is None


def test_other_providers_are_left_alone(run_demo, db_session, world):
    before = {user.id: (user.provider_id, user.password_hash, user.role_names) for user in db_session.scalars(select(User))}
    cohorts_before = set(db_session.scalars(select(Cohort.id)))
    run_demo()
    provider = demo_provider(db_session)
    for user in db_session.scalars(select(User).where(User.id.in_(before))):
        assert (user.provider_id, user.password_hash, user.role_names) == before[user.id]
    new_cohorts = db_session.scalars(select(Cohort).where(Cohort.id.not_in(cohorts_before))).all()
    assert [cohort.provider_id for cohort in new_cohorts] == [provider.id]
    for enrolment in db_session.scalars(select(Enrolment).join(CohortMember).where(CohortMember.cohort_id == new_cohorts[0].id)):
        assert {enrolment.member.learner.provider_id, enrolment.assessor.provider_id, enrolment.iqa.provider_id} == {provider.id}
    assert world.a.provider.id != provider.id


def test_a_demo_email_taken_by_another_provider_stops_the_run_and_changes_nothing(run_demo, db_session):
    elsewhere = make_provider(db_session, "Somewhere Else")
    make_user(db_session, provider=elsewhere, roles=[LEARNER], email=demo.LEARNERS[0].email)
    db_session.commit()
    result = run_demo(exit_code=1)
    assert demo.LEARNERS[0].email in result.output
    assert demo_provider(db_session) is None
    assert count(db_session, Cohort) == 0

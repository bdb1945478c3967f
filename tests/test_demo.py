"""`assessor demo`: the demo provider, its people, cohort and enrolments, and half the learners' portfolios, made once.

The people tests leave the stories out (they are slow to tell); the portfolio tests at the end of this module
share one demo, told twice in a transaction of its own.
"""
import hashlib
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from flask_babel import force_locale
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from assessor import create_app, demo
from assessor.accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, User
from assessor.accounts.passwords import password_matches
from assessor.assessment.models import MET, NOT_YET, Decision, EnrolmentProgress, Review, SignOff
from assessor.assessment.progress import criterion_statuses
from assessor.assessment.signing import verify_sign_off
from assessor.audit.models import AuditEntry
from assessor.audit.services import verify_chain
from assessor.cohorts.models import Cohort, CohortMember, Enrolment, MemberEvent
from assessor.dashboards.snapshots import cohort_days, cohort_figures
from assessor.demo import DEFAULT_PASSWORD, PROVIDER_NAME, demo_command
from assessor.demo.files import ChartFile
from assessor.demo.script import RELATIONS, Item, Story, Submit
from assessor.demo.script import Review as ReviewStep
from assessor.demo.timeline import step_moments
from assessor.evidence.file_check import inspect_storage
from assessor.evidence.forms import DECLARATION
from assessor.evidence.models import (
    ACCOUNT,
    ASSESSED,
    DRAFT,
    EVIDENCE_KINDS,
    FILE,
    OBSERVATION,
    REFERRED,
    SCENARIO,
    SUBMITTED,
    Evidence,
    EvidenceFile,
    Mapping,
    Submission,
)
from assessor.iqa.models import AGREED, PENDING, RESPONDED, Sample, SamplingPlan
from assessor.organisations.models import Provider
from assessor.scenarios import authoring
from assessor.scenarios.catalogue import playable_version
from assessor.scenarios.models import LIVE, ScenarioDraft, ScenarioVersion
from assessor.standards.models import Standard
from assessor.storage.paths import blob_path
from assessor.timeutil import aware, today, utcnow

from .factories import make_provider, make_user

SHIPPED_URNS = {"SKSCMGS11", "LOCAL-SKSPP06", "LOCAL-CFACSB15", "LOCAL-CCNEEDS01", "LOCAL-CSOPS01"}


def cheap_hash(password: str) -> str:
    return generate_password_hash(password, method="pbkdf2:sha256:1000")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """scrypt takes ~80 ms a person; the demo's logic is the same with a cheap hash."""
    monkeypatch.setattr(demo.people, "hash_password", cheap_hash)


@pytest.fixture
def people_only(monkeypatch):
    monkeypatch.setattr(demo, "STORIES", ())


@pytest.fixture
def run_demo(runner, people_only):
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


def test_the_provider_administrator_has_published_a_scenario_and_saved_a_change_since(run_demo, db_session):
    run_demo()
    provider = demo_provider(db_session)
    [draft] = authoring.drafts_of(db_session, provider.id)
    [version] = authoring.published_versions(db_session, draft)
    admin = db_session.scalar(select(User).where(User.email == demo.PROVIDER_ADMIN_PERSON.email))
    assert draft.scenario_id == demo.scenario.SCENARIO_ID and draft.created_by_id == admin.id
    assert (version.version, version.review_state, version.published_by_id) == (1, LIVE, admin.id)
    assert playable_version(db_session, draft.scenario_id, provider.id) == version
    assert draft.source == version.source.replace(*demo.scenario.CHANGE) != version.source
    assert authoring.check_source(draft.source).problems == []
    document = version.document
    assert {ref for standard in document["standards"] for ref in standard["criteria"]} and 5 <= len(document["nodes"]) <= 8
    assert {standard["urn"] for standard in document["standards"]} <= SHIPPED_URNS
    run_demo()
    [again] = authoring.drafts_of(db_session, provider.id)
    assert [row.id for row in authoring.published_versions(db_session, again)] == [version.id] and again.revision == 3


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


def test_a_story_that_cannot_be_told_is_left_out_with_its_files(run_demo, monkeypatch, db_session, storage_root):
    chart = ChartFile("broken.png", (13, 57, 91))
    broken = Story(demo.LEARNERS[0].email, (Item("broken", FILE, "Broken", 3, files=(chart,), claims={RELATIONS: {"P99": ""}}),))
    monkeypatch.setattr(demo, "STORIES", (broken,))
    result = run_demo()
    assert "Aled Evans's portfolio was left out" in result.output and "P99" in result.output
    assert count(db_session, Evidence) == 0
    assert not blob_path(Path(storage_root), hashlib.sha256(chart.content()).hexdigest()).exists()
    assert len(demo_users(db_session)) == 17, "the rest of the demo is made"


def test_a_failed_run_discards_the_files_it_stored(run_demo, monkeypatch, db_session, storage_root):
    chart = ChartFile("failed.png", (21, 34, 55))
    story = Story(demo.LEARNERS[0].email, (Item("chart", FILE, "Chart", 3, files=(chart,), claims={RELATIONS: {"P1": ""}}),))
    monkeypatch.setattr(demo, "STORIES", (story,))
    monkeypatch.setattr(demo.runner, "set_mapping", failing)
    result = run_demo(exit_code=1)
    assert isinstance(result.exception, RuntimeError)
    assert demo_provider(db_session) is None
    assert not blob_path(Path(storage_root), hashlib.sha256(chart.content()).hexdigest()).exists()


def failing(*_args, **_kwargs):
    raise RuntimeError("the database went away")


# -- the portfolios: one demo, told twice, shared by the tests below (keep them last: it holds its transaction) ----

MODELS = (User, Enrolment, Evidence, EvidenceFile, Mapping, Submission, Review, Decision, SignOff, Sample, SamplingPlan,
          EnrolmentProgress, AuditEntry, ScenarioDraft, ScenarioVersion)
#: how many evidence items each learner with a portfolio has
PORTFOLIOS = {"Aled Evans": 6, "Bethan Hughes": 4, "Carys Williams": 3, "Hannah Clarke": 4, "Iwan Parry": 3, "Jessica Taylor": 4}


class Told:
    def __init__(self, session: Session, app, storage_root: Path):
        self.session, self.app, self.storage_root = session, app, storage_root
        runner = app.test_cli_runner()
        self.first = runner.invoke(demo_command, [])
        self.after_first = self.counts()
        self.second = runner.invoke(demo_command, [])
        self.after_second = self.counts()

    def counts(self) -> dict:
        return {model.__name__: count(self.session, model) for model in MODELS}

    def learner(self, name: str) -> User:
        return self.session.scalar(select(User).where(User.name == name, User.email.endswith(demo.DOMAIN)))

    def evidence(self, name: str, number: int) -> Evidence:
        return self.session.scalar(select(Evidence).where(Evidence.learner_id == self.learner(name).id, Evidence.number == number))

    def all_evidence(self) -> list[Evidence]:
        query = select(Evidence).join(User, User.id == Evidence.learner_id).where(User.email.endswith(demo.DOMAIN))
        return list(self.session.scalars(query))


@pytest.fixture(scope="module")
def told(engine, database_url, storage_root):
    """The whole demo in a transaction of its own, rolled back once this module's tests are done."""
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret", "STORAGE_DIR": str(storage_root)})
    app.extensions["db_sessionmaker"] = lambda: session
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo.people, "hash_password", cheap_hash)
        built = Told(session, app, Path(storage_root))
    yield built
    session.close()
    transaction.rollback()
    connection.close()


def test_the_demo_runs_and_a_second_run_adds_nothing(told):
    assert told.first.exit_code == 0, told.first.output
    assert told.second.exit_code == 0, told.second.output
    assert told.after_second == told.after_first
    assert "0 new row(s)" in told.second.output
    assert "24 evidence items" in told.first.output


def test_half_the_learners_have_portfolios_and_the_rest_none(told):
    by_learner = Counter(evidence.learner.name for evidence in told.all_evidence())
    assert by_learner == PORTFOLIOS
    assert {person.name for person in demo.LEARNERS_WITHOUT_EVIDENCE} == {p.name for p in demo.LEARNERS} - set(PORTFOLIOS)
    assert len(demo.LEARNERS_WITHOUT_EVIDENCE) == 6


def test_evidence_of_every_kind_at_every_stage(told):
    evidence = told.all_evidence()
    assert {item.kind for item in evidence} == set(EVIDENCE_KINDS) - {SCENARIO}
    assert Counter(item.status for item in evidence) == {ASSESSED: 14, SUBMITTED: 4, DRAFT: 5, REFERRED: 1}
    assert all(item.mappings for item in evidence), "every item claims criteria"
    assert any(mapping.note for item in evidence for mapping in item.mappings)
    observation = next(item for item in evidence if item.kind == OBSERVATION)
    assert observation.created_by.name == demo.ASSESSORS[0].name


def test_activity_dates_are_spread_over_the_cohorts_time(told):
    cohort = told.session.scalar(select(Cohort).where(Cohort.name == demo.COHORT_NAME))
    days = {item.activity_date for item in told.all_evidence()}
    assert all(cohort.start_date <= day < today() for day in days)
    assert max(days) - min(days) >= timedelta(days=40)


def test_learners_declare_in_their_own_language(told):
    declarations = {}
    for name in ("Aled Evans", "Hannah Clarke"):
        submissions = told.session.scalars(select(Submission).where(Submission.submitted_by_id == told.learner(name).id))
        declarations[name] = {submission.declaration for submission in submissions}
    with told.app.app_context(), force_locale("cy"):
        assert declarations["Aled Evans"] == {str(DECLARATION)}
    with told.app.app_context(), force_locale("en"):
        assert declarations["Hannah Clarke"] == {str(DECLARATION)}


def test_files_are_a_real_pdf_and_png_in_storage(told):
    files = list(told.session.scalars(select(EvidenceFile).join(Evidence).where(Evidence.id.in_([e.id for e in told.all_evidence()]))))
    assert Counter(file.media_type for file in files) == {"application/pdf": 6, "image/png": 2}
    for file in files:
        content = blob_path(told.storage_root, file.sha256).read_bytes()
        assert hashlib.sha256(content).hexdigest() == file.sha256 and len(content) == file.size
    report = next(file for file in files if file.filename == "adroddiad-adborth-clwb.pdf")
    text = PdfReader(BytesIO(blob_path(told.storage_root, report.sha256).read_bytes())).pages[0].extract_text()
    assert "Clwb gwasanaethu Beiciau Menai" in text
    assert inspect_storage(told.session, told.storage_root).broken == []


def test_a_referral_a_resubmission_and_a_correction(told):
    complaint = told.evidence("Bethan Hughes", 1)
    assert [(s.number, s.outcome) for s in complaint.submissions] == [(1, REFERRED), (2, ASSESSED)]
    referred = told.evidence("Iwan Parry", 1)
    assert referred.status == REFERRED
    decisions = told.session.scalars(select(Decision).where(Decision.evidence_id == referred.id))
    assert any(decision.outcome == NOT_YET and decision.feedback for decision in decisions)
    (correction,) = told.session.scalars(select(Decision).where(Decision.correction_reason.is_not(None)))
    assert (correction.criterion.ref, correction.outcome, correction.sequence) == ("G10", MET, 2)
    assert correction.evidence.status == ASSESSED


def test_one_sign_off_countersigned_and_one_awaiting_both_verify(told):
    sign_offs = {s.enrolment.member.learner.name: s for s in told.session.scalars(select(SignOff))}
    assert set(sign_offs) == {"Aled Evans", "Hannah Clarke"}
    assert sign_offs["Aled Evans"].learner_signed_at is not None
    assert sign_offs["Hannah Clarke"].learner_signed_at is None
    assert all(verify_sign_off(sign_off) for sign_off in sign_offs.values())
    assert all(s.signature_name == s.enrolment.assessor.name for s in sign_offs.values())


def test_iqa_samples_agreed_referred_and_answered_and_pending(told):
    samples = list(told.session.scalars(select(Sample)))
    assert Counter(sample.status for sample in samples) == {AGREED: 2, RESPONDED: 1, PENDING: 2}
    answered = next(sample for sample in samples if sample.status == RESPONDED)
    assert answered.action and answered.response
    for sample in samples:
        if sample.status != PENDING:
            assert sample.decided_by_id == sample.enrolment.iqa_id != sample.assessor_id


def test_each_step_is_taken_by_the_real_person(told):
    entries = told.session.scalars(select(AuditEntry).where(AuditEntry.entity.in_(("evidence", "decision", "sign_off", "sample"))))
    for entry in entries:
        if entry.action in ("created", "submitted"):
            evidence = told.session.get(Evidence, entry.entity_id)
            assert entry.actor_id == (evidence.created_by_id if evidence.kind == OBSERVATION else evidence.learner_id)
        elif entry.action in ("decided", "corrected", "signed"):
            assert entry.actor.has_role(ASSESSOR) and entry.actor_id != entry.learner_id
        elif entry.action == "countersigned":
            assert entry.actor_id == entry.learner_id
        elif entry.entity == "sample" and entry.action in (AGREED, REFERRED):
            assert told.session.get(Sample, entry.entity_id).enrolment.iqa_id == entry.actor_id


def test_the_audit_chain_verifies(told):
    assert verify_chain(told.session) == (told.after_second["AuditEntry"], [])


def test_progress_rows_match_the_criterion_statuses(told):
    enrolments = told.session.scalars(select(Enrolment).join(CohortMember).join(Cohort).where(Cohort.name == demo.COHORT_NAME))
    touched = 0
    for enrolment in enrolments:
        progress = told.session.get(EnrolmentProgress, enrolment.id)
        if progress is None:
            continue
        touched += 1
        statuses = criterion_statuses(told.session, enrolment)
        assert progress.statuses == {str(key): value for key, value in statuses.items()}
        assert progress.pc_total + progress.k_total == len(statuses)
    assert touched >= 8


def test_each_story_takes_weeks_and_every_step_is_in_the_past(told):
    evidence = told.all_evidence()
    submitted = sorted(aware(submission.submitted_at) for item in evidence for submission in item.submissions)
    assert submitted[-1] < utcnow() - timedelta(hours=1)
    assert submitted[-1] - submitted[0] >= timedelta(days=30)
    for item in evidence:
        assert aware(item.created_at).date() >= item.activity_date
        assert all(aware(submission.submitted_at) > aware(item.created_at) for submission in item.submissions)
    reviews = told.session.scalars(select(Review).join(Submission).where(Submission.evidence_id.in_([item.id for item in evidence])))
    assert all(aware(review.created_at) > aware(review.submission.submitted_at) for review in reviews)


def test_the_cohort_chart_grows_day_by_day_to_todays_figures(told):
    cohort = told.session.scalar(select(Cohort).where(Cohort.name == demo.COHORT_NAME))
    days = cohort_days(told.session, cohort.id)
    assert [row.day for row in days] == [cohort.start_date + timedelta(days=n) for n in range((today() - cohort.start_date).days + 1)]
    met = [row.criteria_met for row in days]
    assert met == sorted(met) and met[0] == 0
    now = told.session.execute(cohort_figures([cohort.id])).one()
    assert (days[-1].criteria_met, days[-1].criteria_total, days[-1].learners) == (now.met, now.total, now.learners)
    assert len(set(met)) >= 6, "the chart shows progress on several days"


def test_steps_follow_one_another_and_stop_an_hour_before_now():
    now = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    steps = (Item("a", ACCOUNT, "A", 1), Submit("a"), ReviewStep("a", RELATIONS, "Good."), Item("b", ACCOUNT, "B", 2), Submit("b"))
    days = {"a": date(2026, 11, 10), "b": date(2026, 11, 21)}
    moments = step_moments(steps, lambda item: days[item.key], now)
    assert moments == sorted(moments)
    assert moments[:3] == [datetime(2026, 11, 10, 16, 30, tzinfo=UTC), datetime(2026, 11, 11, 9, 15, tzinfo=UTC),
                           datetime(2026, 11, 15, 11, 0, tzinfo=UTC)]
    assert moments[3:] == [datetime(2026, 11, 21, 16, 30, tzinfo=UTC), now - timedelta(hours=1)]

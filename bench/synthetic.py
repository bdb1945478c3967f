"""Synthetic providers for the benchmarks: N learners on the five seed standards, with evidence and decisions.

Rows go in with bulk inserts and explicit ids (fast at thousands of learners); the per-enrolment
progress rows are then made by the application's own `refresh_progress` for a sample, and for the
rest from the same statuses the generator chose (`check_progress` compares the two).
"""
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from assessor.accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, User, UserRole
from assessor.assessment.models import MET, Decision, EnrolmentProgress, Review
from assessor.assessment.progress import AWAITING, IN_PROGRESS, MET_STATUS, NOT_STARTED, criterion_statuses
from assessor.cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment
from assessor.dashboards.models import CohortProgressDay
from assessor.evidence.models import ASSESSED, DRAFT, SUBMITTED, Evidence, Mapping, Submission
from assessor.evidence.snapshot import FIELDS, snapshot_digest
from assessor.organisations.models import Provider
from assessor.standards.criteria import assessable_criteria
from assessor.standards.models import PERFORMANCE, Criterion, Standard
from assessor.standards.services import load_directory

REPO = Path(__file__).resolve().parents[1]
#: a real scrypt hash costs ~50 ms; synthetic people never sign in through the form
UNUSABLE_HASH = "pbkdf2:sha256:1000$bench$0"
CRITERIA_PER_ITEM = 3
LEARNERS_PER_ASSESSOR = 25
START = date(2026, 1, 5)
TARGET = date(2027, 1, 4)


@dataclass
class Ids:
    """The next free id of each table, so bulk inserts can give rows their ids up front."""

    next: dict[str, int] = field(default_factory=dict)

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


@dataclass
class Rows:
    tables: dict[type, list[dict]] = field(default_factory=lambda: defaultdict(list))

    def add(self, model: type, **values) -> dict:
        self.tables[model].append(values)
        return values


@dataclass
class Activity:
    """What one enrolment's generated portfolio adds up to, for its progress row."""

    statuses: dict[int, str] = field(default_factory=dict)
    awaiting_since: list[datetime] = field(default_factory=list)
    latest: datetime | None = None

    def saw(self, moment: datetime) -> None:
        self.latest = max(self.latest or moment, moment)


@dataclass
class Generated:
    provider_id: int
    cohort_id: int
    learner_ids: list[int]
    assessor_ids: list[int]
    enrolment_ids: list[int]
    counts: dict[str, int]


MODELS = (Provider, User, UserRole, Cohort, CohortStandard, CohortMember, Enrolment, Evidence, Mapping, Submission, Review, Decision,
          EnrolmentProgress, CohortProgressDay)
#: tables whose rows have no id of their own
KEYED_ELSEWHERE = (EnrolmentProgress, CohortProgressDay)


def seed_standards(session: Session) -> list[Standard]:
    if not session.scalar(select(func.count(Standard.id))):
        load_directory(session, REPO / "standards")
        session.commit()
    return list(session.scalars(select(Standard).order_by(Standard.urn)))


def next_ids(session: Session) -> Ids:
    ids = Ids()
    for model in MODELS:
        if model in KEYED_ELSEWHERE:
            continue
        ids.next[model.__tablename__] = (session.scalar(select(func.max(model.id))) or 0) + 1
    return ids


def generate(session: Session, learners: int, *, seed: int = 1, label: str = "Bench", items_each: int | None = None,
             awaiting_each: int = 0, standards_used: int | None = None) -> Generated:
    """A provider with `learners` learners in one cohort on every seed standard, and the cohort's daily progress; committed.

    With `items_each`, every learner has met every criterion with that many assessed items in all
    (spread over the standards, each criterion shown by several items): the full-portfolio case;
    `awaiting_each` more items per learner then wait for a decision. `standards_used` keeps to the first
    few seed standards (smaller portfolios).
    """
    rng = random.Random(seed)
    standards = seed_standards(session)[:standards_used]
    criteria = {standard.id: [(c.id, c.kind) for c in assessable_criteria(session, standard.id)] for standard in standards}
    ids, rows = next_ids(session), Rows()
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    provider_id = ids.take("providers")
    rows.add(Provider, id=provider_id, name=f"{label} provider {provider_id}", active=True, created_at=now)
    admin_id = _person(rows, ids, provider_id, PROVIDER_ADMIN, f"admin.{provider_id}", now)
    assessor_ids = [_person(rows, ids, provider_id, ASSESSOR, f"assessor{n}.{provider_id}", now) for n in range(max(1, learners // LEARNERS_PER_ASSESSOR))]
    iqa_id = _person(rows, ids, provider_id, IQA, f"iqa.{provider_id}", now)
    cohort_id = ids.take("cohorts")
    rows.add(Cohort, id=cohort_id, provider_id=provider_id, name=f"{label} cohort {cohort_id}", start_date=START, target_end_date=TARGET, created_at=now)
    for standard in standards:
        rows.add(CohortStandard, id=ids.take("cohort_standards"), cohort_id=cohort_id, standard_id=standard.id, times_required=1)
    learner_ids, enrolment_ids, statuses = [], [], {}
    for n in range(learners):
        learner_id = _person(rows, ids, provider_id, LEARNER, f"learner{n}.{provider_id}", now)
        learner_ids.append(learner_id)
        member_id = ids.take("cohort_members")
        rows.add(CohortMember, id=member_id, cohort_id=cohort_id, learner_id=learner_id, status="active", created_at=now)
        assessor_id = assessor_ids[n % len(assessor_ids)]
        share = rng.random()
        numbering = iter(range(1, 100_000))
        for standard in standards:
            enrolment_id = ids.take("enrolments")
            enrolment_ids.append(enrolment_id)
            rows.add(Enrolment, id=enrolment_id, member_id=member_id, standard_id=standard.id, assessor_id=assessor_id, iqa_id=iqa_id, created_at=now)
            args = (rows, ids, rng, learner_id, assessor_id, enrolment_id, criteria[standard.id])
            if items_each:
                statuses[enrolment_id] = _complete(*args, items_each // len(standards), numbering, now)
                _awaiting(*args, awaiting_each // len(standards), numbering, now, statuses[enrolment_id])
            else:
                statuses[enrolment_id] = _portfolio(*args, share, numbering, now)
    _progress(rows, statuses, criteria_kinds={cid: kind for items in criteria.values() for cid, kind in items})
    _days(rows, cohort_id, statuses.values(), learners, now)
    _freeze_submissions(session, rows)
    _insert(session, rows)
    session.commit()
    session.execute(text("ANALYZE"))  # a live database's statistics (autovacuum's, on PostgreSQL) know its size
    session.commit()
    counts = {model.__tablename__: len(rows.tables[model]) for model in MODELS}
    return Generated(provider_id, cohort_id, learner_ids, assessor_ids, enrolment_ids, counts | {"admin_id": admin_id})


def _freeze_submissions(session: Session, rows: Rows) -> None:
    """Each submission keeps what it sent, as submit_evidence freezes it (no files: the items are written ones)."""
    refs = dict(session.execute(select(Criterion.id, Criterion.ref)).tuples().all())
    items = {row["id"]: row for row in rows.tables[Evidence]}
    claims = defaultdict(list)
    for mapping in rows.tables[Mapping]:
        claims[mapping["evidence_id"]].append({"enrolment_id": mapping["enrolment_id"], "criterion_id": mapping["criterion_id"],
                                               "ref": refs[mapping["criterion_id"]], "note": mapping["note"]})
    for submission in rows.tables[Submission]:
        item = items[submission["evidence_id"]]
        snapshot = {name: item[name] for name in FIELDS} | {
            "reference": f"E-{item['number']:03d}", "activity_date": item["activity_date"].isoformat(), "details": item["details"],
            "claims": claims[item["id"]]}
        submission.update(snapshot=snapshot, snapshot_sha256=snapshot_digest(snapshot, []))


def _person(rows: Rows, ids: Ids, provider_id: int, role: str, local: str, now: datetime) -> int:
    user_id = ids.take("users")
    rows.add(User, id=user_id, email=f"{local}@bench.example", name=local.replace(".", " ").title(), password_hash=UNUSABLE_HASH,
             provider_id=provider_id, is_site_admin=False, language=None, active=True, session_version=1, created_at=now)
    rows.add(UserRole, id=ids.take("user_roles"), user_id=user_id, role=role)
    return user_id


def _portfolio(rows, ids, rng, learner_id, assessor_id, enrolment_id, criteria, share, numbering, now) -> Activity:
    """Evidence for one enrolment: met criteria in assessed items, some awaiting a decision, some in drafts."""
    order = [cid for cid, _kind in criteria]
    rng.shuffle(order)
    met_count = round(share * len(order))
    rest = order[met_count:]
    awaiting = rest[: len(rest) // 4]
    drafted = rest[len(rest) // 4: len(rest) // 2]
    activity = Activity()
    for items, state in ((order[:met_count], ASSESSED), (awaiting, SUBMITTED), (drafted, DRAFT)):
        for start in range(0, len(items), CRITERIA_PER_ITEM):
            group = items[start:start + CRITERIA_PER_ITEM]
            _item(rows, ids, rng, learner_id, assessor_id, enrolment_id, group, state, next(numbering), now, activity)
    activity.statuses = {cid: NOT_STARTED for cid in order}
    activity.statuses.update({cid: MET_STATUS for cid in order[:met_count]})
    activity.statuses.update({cid: AWAITING for cid in awaiting})
    activity.statuses.update({cid: IN_PROGRESS for cid in drafted})
    return activity


def _complete(rows, ids, rng, learner_id, assessor_id, enrolment_id, criteria, items: int, numbering, now) -> Activity:
    """`items` assessed items each showing three criteria in turn: every criterion met once there are enough."""
    order = [cid for cid, _kind in criteria]
    activity, shown = Activity(), set()
    for n in range(items):
        group = list(dict.fromkeys(order[(n * CRITERIA_PER_ITEM + k) % len(order)] for k in range(CRITERIA_PER_ITEM)))
        shown.update(group)
        _item(rows, ids, rng, learner_id, assessor_id, enrolment_id, group, ASSESSED, next(numbering), now, activity)
    activity.statuses = {cid: MET_STATUS if cid in shown else NOT_STARTED for cid in order}
    return activity


def _awaiting(rows, ids, rng, learner_id, assessor_id, enrolment_id, criteria, items: int, numbering, now, activity: Activity) -> None:
    """`items` submitted items waiting for a decision, each claiming one criterion."""
    for n in range(items):
        criterion_id = criteria[n % len(criteria)][0]
        _item(rows, ids, rng, learner_id, assessor_id, enrolment_id, [criterion_id], SUBMITTED, next(numbering), now, activity)
        if activity.statuses[criterion_id] == NOT_STARTED:
            activity.statuses[criterion_id] = AWAITING


def _item(rows, ids, rng, learner_id, assessor_id, enrolment_id, group, status, number, now, activity: Activity) -> None:
    evidence_id = ids.take("evidence")
    made = now - timedelta(days=rng.randint(5, 300))
    activity.saw(made)
    kind = ("account", "witness", "discussion")[number % 3]
    body = "\n\n".join(
        f"Paragraph {n}: on this day I met the client, agreed what they expected and recorded it in the project log." for n in range(1, 4)
    )
    rows.add(Evidence, id=evidence_id, learner_id=learner_id, number=number, kind=kind, title=f"Evidence item {number}",
             activity_date=made.date(), description="A realistic piece of work, written up.", body=body,
             witness_name="A. Witness" if kind == "witness" else None, witness_role="Line manager" if kind == "witness" else None,
             witness_contact=None, details={}, status=status, created_by_id=learner_id, created_at=made, updated_at=made, version=1)
    for criterion_id in group:
        rows.add(Mapping, id=ids.take("evidence_mappings"), evidence_id=evidence_id, enrolment_id=enrolment_id, criterion_id=criterion_id,
                 note="Shown in the second paragraph.", created_at=made)
    if status == DRAFT:
        return
    submission_id = ids.take("submissions")
    closed = made + timedelta(days=3) if status == ASSESSED else None
    submitted = made + timedelta(days=1)
    rows.add(Submission, id=submission_id, evidence_id=evidence_id, number=1, submitted_by_id=learner_id, submitted_at=submitted,
             declaration="This is my own work.", outcome=ASSESSED if closed else None, closed_at=closed)
    if status != ASSESSED:
        activity.awaiting_since.append(submitted)
        return
    activity.saw(closed)
    review_id = ids.take("reviews")
    rows.add(Review, id=review_id, submission_id=submission_id, enrolment_id=enrolment_id, assessor_id=assessor_id, feedback="Clear and sufficient.", created_at=closed)
    for criterion_id in group:
        rows.add(Decision, id=ids.take("decisions"), review_id=review_id, enrolment_id=enrolment_id, evidence_id=evidence_id, criterion_id=criterion_id,
                 outcome=MET, feedback="Met: the account shows this clearly.", sequence=1, correction_reason=None, decided_by_id=assessor_id, decided_at=closed)


def _progress(rows: Rows, activities: dict[int, Activity], criteria_kinds: dict[int, str]) -> None:
    for enrolment_id, activity in activities.items():
        status = activity.statuses
        values = {"enrolment_id": enrolment_id, "statuses": {str(k): v for k, v in status.items()}, "last_activity_at": activity.latest,
                  "awaiting_decision": len(activity.awaiting_since), "oldest_awaiting_at": min(activity.awaiting_since, default=None),
                  "signed_off_at": None, "countersigned_at": None, "verified_at": None}
        for prefix, kind in (("pc", PERFORMANCE), ("k", "k")):
            mine = [s for cid, s in status.items() if criteria_kinds[cid] == kind]
            values[f"{prefix}_total"] = len(mine)
            for name, wanted in (("met", MET_STATUS), ("submitted", AWAITING), ("in_progress", IN_PROGRESS), ("not_started", NOT_STARTED)):
                values[f"{prefix}_{name}"] = sum(1 for s in mine if s == wanted)
        rows.add(EnrolmentProgress, **values)


def _days(rows: Rows, cohort_id: int, activities, learners: int, now: datetime) -> None:
    """The cohort's daily figures from its start to `now`, met criteria rising steadily to today's count."""
    activities = list(activities)
    met = sum(1 for activity in activities for status in activity.statuses.values() if status == MET_STATUS)
    total = sum(len(activity.statuses) for activity in activities)
    days = (now.date() - START).days
    for n in range(days + 1):
        rows.add(CohortProgressDay, cohort_id=cohort_id, day=START + timedelta(days=n), criteria_met=met * n // max(days, 1),
                 criteria_total=total, learners=learners, updated_at=now)


def _insert(session: Session, rows: Rows, batch: int = 5000) -> None:
    for model in MODELS:
        values = rows.tables[model]
        for start in range(0, len(values), batch):
            session.execute(insert(model), values[start:start + batch])
    if session.get_bind().dialect.name == "postgresql":
        for model in MODELS:
            if model not in KEYED_ELSEWHERE:
                table = model.__tablename__
                session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"))


def check_progress(session: Session, enrolment_ids: list[int], sample: int = 20, seed: int = 2) -> int:
    """How many of a sample of enrolments have generated statuses that differ from the application's own."""
    chosen = random.Random(seed).sample(enrolment_ids, min(sample, len(enrolment_ids)))
    differing = 0
    for enrolment_id in chosen:
        enrolment = session.get(Enrolment, enrolment_id)
        stored = session.get(EnrolmentProgress, enrolment_id).statuses
        live = {str(k): v for k, v in criterion_statuses(session, enrolment).items()}
        differing += stored != live
    return differing

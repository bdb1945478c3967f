"""Carrying out the demo stories through the real services, so audit entries, progress and samples are made as in use."""
from collections import Counter
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage

from ..accounts.models import User
from ..assessment.corrections import correct_decision
from ..assessment.models import MET, NOT_YET, EnrolmentProgress
from ..assessment.models import Review as ReviewRow
from ..assessment.progress import active_sign_off
from ..assessment.services import claimed_criteria, latest_decision, record_review
from ..assessment.signoff import ASSESSOR_DECLARATION, countersign, sign_off
from ..cohorts.models import Cohort, CohortMember, Enrolment
from ..dashboards.figures import criteria_met
from ..evidence.forms import DECLARATION
from ..evidence.item_files import add_files
from ..evidence.mapping import set_mapping
from ..evidence.models import OBSERVATION, Evidence, Submission
from ..evidence.services import create_evidence, submit_evidence, update_evidence
from ..iqa.models import Sample
from ..iqa.sampling import DEFAULT_NEW_ASSESSOR_SHARE, DEFAULT_SHARE, plan_for
from ..iqa.services import decide_sample, respond_to_referral, save_plan
from ..standards.models import Criterion
from ..storage.files import StoredFile, UploadRefused, store_upload
from ..timeutil import clock_at, today, utcnow
from .people import PROVIDER_ADMIN_PERSON, DemoError, DemoOutcome
from .script import Check, Correct, Countersign, Item, Respond, Review, Revise, SignOff, Step, Story, Submit
from .timeline import record_history, step_moments
from ..core.acts import Refused

MAX_FILE_BYTES = 1024 * 1024
#: what stops one story (the data as it is now refuses a step): that learner is skipped, the others are told
STORY_ERRORS = (DemoError, Refused, Refused, Refused, Refused, Refused, UploadRefused)


def create_portfolios(session: Session, outcome: DemoOutcome, storage_root: Path, stories: tuple[Story, ...]) -> None:
    """The cohort's sampling plan, then each story whose learner has no evidence yet, each all or nothing."""
    with force_locale("en"):
        if plan_for(session, outcome.cohort.id) is None:
            admin = outcome.users[PROVIDER_ADMIN_PERSON.email]
            save_plan(session, admin, outcome.cohort, DEFAULT_SHARE, DEFAULT_NEW_ASSESSOR_SHARE, [], 0)
            outcome.created["sampling plan"] += 1
        runners = []
        for story in stories:
            learner = outcome.users[story.email]
            if not has_evidence(session, learner):
                runners.append(StoryRunner(session, learner, outcome.cohort, storage_root))
                tell(session, outcome, runners[-1], story)
        if len(runners) == len(stories):
            told = [runner.met_by_day for runner in runners if runner.learner.name not in outcome.skipped]
            record_history(session, outcome.cohort, told)


def tell(session: Session, outcome: DemoOutcome, runner: "StoryRunner", story: Story) -> None:
    """Carry out the story in a savepoint: what it made counts, or, if a step is refused, nothing of it is kept."""
    try:
        with session.begin_nested():
            runner.run(story.steps)
    except STORY_ERRORS as error:
        outcome.skipped[runner.learner.name] = str(error)
    else:
        outcome.created.update(runner.created)
    finally:
        outcome.blobs += runner.blobs


def has_evidence(session: Session, learner: User) -> bool:
    """The marker of a story already told: the learner has evidence (the demo never gives an empty learner any)."""
    return session.scalar(select(Evidence.id).where(Evidence.learner_id == learner.id).limit(1)) is not None


def decided(step: Review, ref: str) -> tuple[str, str]:
    """(outcome, feedback) the review gives a criterion."""
    if ref in step.not_yet:
        return NOT_YET, step.not_yet[ref]
    return MET, step.comments.get(ref, "")


class StoryRunner:
    """One learner's story: their enrolments in the demo cohort by URN, the evidence made so far by key, what was made."""

    def __init__(self, session: Session, learner: User, cohort: Cohort, storage_root: Path):
        self.session, self.learner, self.root, self.start = session, learner, storage_root, cohort.start_date
        self.today = today()
        query = select(Enrolment).join(CohortMember).where(CohortMember.cohort_id == cohort.id, CohortMember.learner_id == learner.id)
        self.enrolments = {enrolment.standard.urn: enrolment for enrolment in session.scalars(query)}
        self.items: dict[str, Evidence] = {}
        self.created: Counter = Counter()
        self.blobs: list[str] = []
        #: {day: criteria met at its end} on each day the story took a step
        self.met_by_day: dict[date, int] = {}

    def run(self, steps: tuple[Step, ...]) -> None:
        """Each step at its moment of the cohort's weeks; after each, the learner's criteria met that day."""
        moments = step_moments(steps, lambda item: self.day(item.day), utcnow())
        for step, moment in zip(steps, moments):
            with clock_at(moment):
                self.take(step)
                self.session.flush()
            self.met_by_day[moment.date()] = self.criteria_met()

    def criteria_met(self) -> int:
        ids = [enrolment.id for enrolment in self.enrolments.values()]
        return self.session.scalar(select(func.coalesce(func.sum(criteria_met()), 0)).where(EnrolmentProgress.enrolment_id.in_(ids)))

    def take(self, step: Step) -> None:
        match step:
            case Item():
                self.add(step)
            case Submit():
                self.submit(self.items[step.key])
            case Revise():
                evidence = self.items[step.key]
                update_evidence(self.session, self.learner, evidence, evidence.version, body=step.body)
            case Review():
                self.review(step)
            case Correct():
                self.correct(step)
            case SignOff():
                self.sign_off(self.enrolment(step.urn))
            case Countersign():
                signed = active_sign_off(self.session, self.enrolment(step.urn).id)
                countersign(self.session, self.learner, signed, self.learner.name, signed.version)
            case Check() | Respond():
                self.quality_assure(step)

    # -- the learner's (or, for an observation, the assessor's) evidence -------------------------

    def add(self, item: Item) -> None:
        first_urn = next(iter(item.claims))
        author = self.enrolment(first_urn).assessor if item.kind == OBSERVATION else self.learner
        name, role, contact = item.witness or (None, None, None)
        evidence = create_evidence(
            self.session, author, self.learner, kind=item.kind, title=item.title, activity_date=self.day(item.day),
            description=item.description, body=item.body, witness_name=name, witness_role=role, witness_contact=contact,
        )
        if item.files:
            add_files(self.session, author, evidence, [self.store(file) for file in item.files], evidence.version)
        set_mapping(self.session, author, evidence, self.claims(item), evidence.version)
        self.items[item.key] = evidence
        self.created["evidence item"] += 1

    def day(self, offset: int) -> date:
        """A day of the cohort's time, never later than yesterday."""
        return min(self.start + timedelta(days=offset), self.today - timedelta(days=1))

    def store(self, file) -> StoredFile:
        upload = FileStorage(stream=BytesIO(file.content()), filename=file.filename)
        stored = store_upload(upload, self.root, MAX_FILE_BYTES)
        self.blobs.append(stored.sha256)
        return stored

    def claims(self, item: Item) -> dict[int, str]:
        chosen = {}
        for urn, notes in item.claims.items():
            ids = self.criterion_ids(urn, notes)
            if set(ids) != set(notes):
                raise DemoError(f"{item.key}: {urn} has no criterion {sorted(set(notes) - set(ids))}")
            chosen.update({ids[ref]: note for ref, note in notes.items()})
        return chosen

    def criterion_ids(self, urn: str, refs) -> dict[str, int]:
        """{ref: criterion id} for those of `refs` the standard has."""
        standard_id = self.enrolment(urn).standard_id
        query = select(Criterion.ref, Criterion.id).where(Criterion.standard_id == standard_id, Criterion.ref.in_(refs))
        return dict(self.session.execute(query).tuples().all())

    def submit(self, evidence: Evidence) -> None:
        author = evidence.created_by if evidence.kind == OBSERVATION else self.learner
        with force_locale(author.language or "en"):
            submit_evidence(self.session, author, evidence, evidence.version, str(DECLARATION))

    # -- the assessor ------------------------------------------------------------------------------

    def review(self, step: Review) -> None:
        evidence, enrolment = self.items[step.key], self.enrolment(step.urn)
        mappings = claimed_criteria(self.session, evidence.id, enrolment.id)
        refs = {mapping.criterion.ref for mapping in mappings}
        if not set(step.not_yet) | set(step.comments) <= refs:
            raise DemoError(f"{step.key}: the review decides criteria the evidence does not claim")
        outcomes = {mapping.criterion_id: decided(step, mapping.criterion.ref) for mapping in mappings}
        record_review(self.session, enrolment.assessor, evidence.submissions[-1], enrolment, outcomes, step.feedback, evidence.version)
        self.created["review"] += 1

    def correct(self, step: Correct) -> None:
        enrolment = self.enrolment(step.urn)
        review = self.latest_review(step.key, enrolment)
        decision = latest_decision(self.session, review.id, self.criterion_ids(step.urn, [step.ref])[step.ref])
        correct_decision(self.session, enrolment.assessor, decision, step.outcome, step.feedback, step.reason)
        self.created["correction"] += 1

    def sign_off(self, enrolment: Enrolment) -> None:
        assessor = enrolment.assessor
        with force_locale(assessor.language or "en"):
            sign_off(self.session, assessor, enrolment, assessor.name, str(ASSESSOR_DECLARATION), agreed=True)
        self.created["sign-off"] += 1

    # -- the IQA -----------------------------------------------------------------------------------

    def quality_assure(self, step: Check | Respond) -> None:
        """Decide or answer the sample of the item's latest review; nothing when the plan did not draw it."""
        enrolment = self.enrolment(step.urn)
        review = self.latest_review(step.key, enrolment)
        sample = self.session.scalar(select(Sample).where(Sample.review_id == review.id))
        if sample is None:
            return
        if isinstance(step, Check):
            decide_sample(self.session, enrolment.iqa, sample, step.outcome, step.comment, step.action, sample.version)
            self.created["IQA decision"] += 1
        else:
            respond_to_referral(self.session, sample.assessor, sample, step.response, sample.version)
            self.created["IQA response"] += 1

    def latest_review(self, key: str, enrolment: Enrolment) -> ReviewRow:
        query = (
            select(ReviewRow).join(Submission, Submission.id == ReviewRow.submission_id)
            .where(Submission.evidence_id == self.items[key].id, ReviewRow.enrolment_id == enrolment.id)
            .order_by(ReviewRow.id.desc()).limit(1)
        )
        return self.session.scalar(query)

    def enrolment(self, urn: str) -> Enrolment:
        try:
            return self.enrolments[urn]
        except KeyError:
            raise DemoError(f"{self.learner.email} is not enrolled on {urn} in the demo cohort") from None

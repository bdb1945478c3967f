"""The sections of a signed-in person's landing page, one per role, widest view first."""
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from ..accounts.models import User
from ..admin.services import ProviderPage, provider_page
from ..assessment.matrix import StandardSummary, standard_summaries
from ..permissions import can_administer, can_manage_providers, is_assessor, is_iqa, is_learner
from . import services
from ..timeutil import utcnow
from .caseload import DEFAULT_SORT, caseload
from .learner import NextStep, next_steps

SITE_ADMIN = "site_admin"
PROVIDER_ADMIN = "provider_admin"
ASSESSOR = "assessor"
IQA = "iqa"
LEARNER = "learner"


@dataclass
class Landing:
    sections: list[str] = field(default_factory=list)
    providers: ProviderPage | None = None
    cohorts: list = field(default_factory=list)
    cohort_total: int = 0
    learners: services.Page | None = None
    #: the caseload as landing shows it: by name; its headers sort it on the caseload page
    caseload_sort = DEFAULT_SORT
    now: datetime = field(default_factory=utcnow)
    coverage: list = field(default_factory=list)
    enrolments: list = field(default_factory=list)
    #: the learner's counts per enrolment id
    progress: dict[int, StandardSummary] = field(default_factory=dict)
    next_steps: list[NextStep] = field(default_factory=list)


def build_landing(session: Session, user: User, *, page: int = 1, per_page: int = 25, summary_size: int = 10) -> Landing:
    """Everything the person's roles show on landing; the assessor's caseload is paginated."""
    landing = Landing()
    if can_manage_providers(user):
        landing.sections.append(SITE_ADMIN)
        landing.providers = provider_page(session, per_page=summary_size)
    if can_administer(user, user.provider_id):
        landing.sections.append(PROVIDER_ADMIN)
        landing.cohorts, landing.cohort_total = services.provider_cohorts(session, user, limit=summary_size)
    if user.provider_id is not None and is_assessor(user):
        landing.sections.append(ASSESSOR)
        landing.learners = caseload(session, user, page=page, per_page=per_page)
    if user.provider_id is not None and is_iqa(user):
        landing.sections.append(IQA)
        landing.coverage = services.iqa_coverage(session, user)
    if user.provider_id is not None and is_learner(user):
        landing.sections.append(LEARNER)
        _add_learner_progress(session, user, landing)
    return landing


def _add_learner_progress(session: Session, user: User, landing: Landing) -> None:
    landing.enrolments = services.learner_enrolments(session, user)
    summaries = standard_summaries(session, user)
    landing.progress = {summary.enrolment_id: summary for summary in summaries}
    landing.next_steps = next_steps(session, user, summaries)

"""Every area's models, imported so that Base.metadata knows all tables (Alembic, tests)."""
from .accounts.models import AuthToken, User, UserRole
from .assessment.models import Decision, EnrolmentProgress, Review, SignOff
from .audit.models import AuditEntry, AuditHead
from .cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment, MemberEvent
from .db import Base
from .evidence.models import Evidence, EvidenceFile, Mapping, Submission
from .iqa.models import NewAssessor, Sample, SamplingPlan
from .mail.models import OutboxMessage
from .organisations.models import Provider
from .standards.models import Criterion, Standard, StandardSuite

__all__ = [
    "AuditEntry",
    "AuditHead",
    "AuthToken",
    "Base",
    "Cohort",
    "CohortMember",
    "CohortStandard",
    "Criterion",
    "Decision",
    "Enrolment",
    "EnrolmentProgress",
    "Evidence",
    "EvidenceFile",
    "Mapping",
    "MemberEvent",
    "NewAssessor",
    "OutboxMessage",
    "Provider",
    "Review",
    "Sample",
    "SamplingPlan",
    "SignOff",
    "Standard",
    "StandardSuite",
    "Submission",
    "User",
    "UserRole",
]

"""Every area's models, imported so that Base.metadata knows all tables (Alembic, tests)."""
from .accounts.models import AuthToken, User, UserRole
from .assessment.models import Decision, EnrolmentProgress, Review, SignOff
from .assessment.move_models import VersionMove
from .audit.models import AuditEntry, AuditHead
from .cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment, MemberEvent
from .dashboards.models import CohortProgressDay
from .db import Base
from .evidence.models import Evidence, EvidenceFile, Mapping, Submission, SubmissionFile
from .evidence.witness_models import WitnessRequest
from .export.jobs import ExportJob
from .iqa.models import NewAssessor, Sample, SamplingPlan
from .mail.models import OutboxMessage
from .notifications.models import DigestRun, Notice, Preference
from .organisations.models import Provider
from .scenarios.import_models import ImportFile, ScenarioImport
from .scenarios.models import Attempt, AttemptStep, ScenarioVersion
from .standards.models import Criterion, Standard, StandardPublication, StandardSuite

__all__ = [
    "Attempt",
    "AttemptStep",
    "AuditEntry",
    "AuditHead",
    "AuthToken",
    "Base",
    "Cohort",
    "CohortMember",
    "CohortProgressDay",
    "CohortStandard",
    "Criterion",
    "Decision",
    "DigestRun",
    "Enrolment",
    "EnrolmentProgress",
    "Notice",
    "Evidence",
    "EvidenceFile",
    "SubmissionFile",
    "ExportJob",
    "ImportFile",
    "Mapping",
    "MemberEvent",
    "NewAssessor",
    "OutboxMessage",
    "Preference",
    "Provider",
    "Review",
    "Sample",
    "SamplingPlan",
    "ScenarioImport",
    "ScenarioVersion",
    "SignOff",
    "Standard",
    "StandardPublication",
    "StandardSuite",
    "Submission",
    "User",
    "UserRole",
    "VersionMove",
    "WitnessRequest",
]

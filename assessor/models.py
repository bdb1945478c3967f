"""Every area's models, imported so that Base.metadata knows all tables (Alembic, tests)."""
from .accounts.models import AuthToken, User, UserRole
from .cohorts.models import Cohort, CohortMember, CohortStandard, Enrolment, MemberEvent
from .db import Base
from .mail.models import OutboxMessage
from .organisations.models import Provider
from .standards.models import Criterion, Standard, StandardSuite

__all__ = [
    "AuthToken",
    "Base",
    "Cohort",
    "CohortMember",
    "CohortStandard",
    "Criterion",
    "Enrolment",
    "MemberEvent",
    "OutboxMessage",
    "Provider",
    "Standard",
    "StandardSuite",
    "User",
    "UserRole",
]

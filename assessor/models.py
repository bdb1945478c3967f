"""Every area's models, imported so that Base.metadata knows all tables (Alembic, tests)."""
from .db import Base
from .standards.models import Criterion, Standard, StandardSuite

__all__ = ["Base", "Criterion", "Standard", "StandardSuite"]

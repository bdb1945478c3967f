"""A cohort's progress day by day, kept by the progress hook for the dashboard's chart."""
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..timeutil import utcnow


class CohortProgressDay(Base):
    """How many of the cohort's criteria were met at the end of a day (the last refresh of that day wins)."""

    __tablename__ = "cohort_progress_days"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    #: met criteria summed over the enrolments of the cohort's current learners
    criteria_met: Mapped[int] = mapped_column(Integer, default=0)
    #: assessable criteria summed over the same enrolments
    criteria_total: Mapped[int] = mapped_column(Integer, default=0)
    #: learners counted (active or on a break)
    learners: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

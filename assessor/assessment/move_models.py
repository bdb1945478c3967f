"""A cohort's move from one version of a standard to a newer one, kept so it can be explained and reversed."""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..cohorts.models import Cohort
from ..db import Base
from ..standards.models import Standard
from ..timeutil import utcnow


class VersionMove(Base):
    """The enrolments of one cohort moved from version N of a standard to version N+1, in one transaction."""

    __tablename__ = "version_moves"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    from_standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id"))
    to_standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id"))
    moved_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    moved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: the highest decision and sign-off ids at the move: a later one on a moved enrolment ends the chance to reverse
    decision_mark: Mapped[int] = mapped_column(Integer, default=0)
    sign_off_mark: Mapped[int] = mapped_column(Integer, default=0)
    #: what was done: the criteria compared by reference, each enrolment moved or left (and why), the
    #: mappings moved and set aside, the decisions carried over (moves.py documents the shape)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    reversed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reversed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: bumped on every change: a reversal posted from a stale page is a conflict
    version: Mapped[int] = mapped_column(Integer, default=1)

    cohort: Mapped[Cohort] = relationship()
    from_standard: Mapped[Standard] = relationship(foreign_keys=[from_standard_id])
    to_standard: Mapped[Standard] = relationship(foreign_keys=[to_standard_id])
    moved_by: Mapped[User] = relationship(foreign_keys=[moved_by_id])
    reversed_by: Mapped[User | None] = relationship(foreign_keys=[reversed_by_id])

    __mapper_args__ = {"version_id_col": version}

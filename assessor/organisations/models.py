"""Training providers: everything a provider owns is invisible to every other provider."""
from datetime import datetime

from sqlalchemy import Boolean, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..timeutil import utcnow


class Provider(Base):
    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: a provider that is closed keeps its records but nobody can sign in to it
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: each scenario version its authors publish waits for a second author or an assessor before learners see it
    scenario_review_required: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

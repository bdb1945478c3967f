"""Where each enrolment's standing sign-off is (signed off, countersigned, verified), for the pages that show progress."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..timeutil import aware
from .models import EnrolmentProgress, SignOff

SIGNED_OFF = "signed_off"
COUNTERSIGNED = "countersigned"
VERIFIED = "verified"


@dataclass(frozen=True)
class SignOffStatus:
    """The standing sign-off of one enrolment: its record, and when it was countersigned and verified."""

    sign_off_id: int
    signed_at: datetime
    countersigned_at: datetime | None
    verified_at: datetime | None

    @property
    def stage(self) -> str:
        if self.verified_at:
            return VERIFIED
        return COUNTERSIGNED if self.countersigned_at else SIGNED_OFF


def sign_off_statuses(session: Session, enrolment_ids: Iterable[int]) -> dict[int, SignOffStatus]:
    """{enrolment id: its standing sign-off} for those of the enrolments signed off and not withdrawn (one query)."""
    query = (
        select(SignOff.enrolment_id, SignOff.id, SignOff.signed_at, SignOff.learner_signed_at, EnrolmentProgress.verified_at)
        .outerjoin(EnrolmentProgress, EnrolmentProgress.enrolment_id == SignOff.enrolment_id)
        .where(SignOff.enrolment_id.in_(list(enrolment_ids)), SignOff.withdrawn_at.is_(None))
        .order_by(SignOff.sequence)
    )
    return {row.enrolment_id: _status(row) for row in session.execute(query)}


def _status(row) -> SignOffStatus:
    countersigned = aware(row.learner_signed_at) if row.learner_signed_at else None
    verified = aware(row.verified_at) if row.verified_at else None
    return SignOffStatus(row.id, aware(row.signed_at), countersigned, verified)

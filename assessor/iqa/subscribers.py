"""The IQA listens to assessment: samples drawn as reviews and sign-offs happen, verification kept on progress."""
from sqlalchemy import func, select

from ..assessment.events import assessor_follow_ups, progress_refreshed, review_recorded, sign_off_checks, signed_off
from ..assessment.models import EnrolmentProgress
from ..timeutil import aware
from .labels import STATUS_LABELS, STATUS_TAGS
from .models import AGREED, Sample
from .queue import referred_for_assessor
from .sampling import ensure_learner_sample, sample_review


@review_recorded.connect
def _sample_review(review, *, session) -> None:
    sample_review(session, review)


@signed_off.connect
def _sample_signed_off_learner(enrolment, *, session) -> None:
    ensure_learner_sample(session, enrolment)


@progress_refreshed.connect
def _mark_verified(sender, *, session, enrolment_ids) -> None:
    """A signed-off standard is verified once the IQA agreed a sample of it: from the later of the two."""
    for enrolment_id in sorted(enrolment_ids):
        progress = session.get(EnrolmentProgress, enrolment_id)
        if progress is None:
            continue
        agreed = session.scalar(
            select(func.min(Sample.decided_at)).where(Sample.enrolment_id == enrolment_id, Sample.status == AGREED)
        )
        signed = progress.signed_off_at
        progress.verified_at = max(aware(signed), aware(agreed)) if signed and agreed else None


@sign_off_checks.connect
def _latest_sample(enrolment, *, session) -> tuple[str, str] | None:
    sample = session.scalar(select(Sample).where(Sample.enrolment_id == enrolment.id).order_by(Sample.id.desc()).limit(1))
    return (STATUS_LABELS[sample.status], STATUS_TAGS[sample.status]) if sample is not None else None


@assessor_follow_ups.connect
def _referred_back(assessor, *, session) -> int:
    return len(referred_for_assessor(session, assessor))

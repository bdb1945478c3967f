"""Dashboards listen to assessment: each progress recount updates the cohort's figures for today."""
from ..assessment.events import progress_refreshed
from .snapshots import record_cohort_days


@progress_refreshed.connect
def _record_days(sender, *, session, enrolment_ids) -> None:
    record_cohort_days(session, enrolment_ids)

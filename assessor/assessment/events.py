"""What assessment tells the areas above it, as blinker signals sent inside the caller's transaction.

Receivers act in the same transaction (IQA draws samples, dashboards record the day's figures), so a
rolled-back decision leaves no sample or snapshot behind.
"""
from blinker import Namespace

signals = Namespace()

#: a review and its decisions were recorded; the sender is the review, receivers get `session=`
review_recorded = signals.signal("review-recorded")
#: a standard was signed off; the sender is the enrolment, receivers get `session=`
signed_off = signals.signal("signed-off")
#: a submission was decided, or its outcome changed by a correction; the sender is the submission,
#: receivers get `session=` and `outcome=` (evidence.models.REFERRED or ASSESSED)
evidence_decided = signals.signal("evidence-decided")
#: the learner countersigned a sign-off; the sender is the sign-off, receivers get `session=`
countersigned = signals.signal("countersigned")
#: enrolments' progress rows were recounted; receivers get `session=` and `enrolment_ids=`
progress_refreshed = signals.signal("progress-refreshed")

# -- asked while a page is built: receivers return what their area adds to it ---------------------

#: the sign-off record is shown; the sender is the enrolment, receivers get `session=` and return
#: a (label, tag class) pair for the quality check of the learner's standard, or None
sign_off_checks = signals.signal("sign-off-checks")
#: the assessor's queue is shown; the sender is the assessor, receivers get `session=` and return
#: how many of the assessor's decisions wait for them elsewhere (referred back by the IQA)
assessor_follow_ups = signals.signal("assessor-follow-ups")


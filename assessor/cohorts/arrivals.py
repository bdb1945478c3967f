"""A learner added to a cohort and enrolled on its standards in one step: invited, added and enrolled, or nothing."""
from flask_babel import lazy_gettext as _
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..accounts.services import LinkBuilder
from ..core.acts import Refused
from ..mail.services import MailSettings
from .enrolments import Assignment, EnrolOutcome, checked_pairs, enrol_member
from .models import Cohort
from .services import AddedLearner, add_learner, learner_problems


def add_and_enrol(
    session: Session,
    mail: MailSettings,
    actor: User,
    cohort: Cohort,
    *,
    name: str,
    email: str,
    link_for: LinkBuilder,
    assignments: dict[int, Assignment],
) -> tuple[AddedLearner, EnrolOutcome]:
    """Add the learner to the cohort (inviting them if new) and enrol them on every one of its standards.

    Every problem with the name, the email and each standard's assessor and IQA is found before
    anything changes (or anyone is mailed) and reported at once; the caller's transaction holds the rest.
    """
    problems = learner_problems(session, name=name, email=email)
    if not cohort.standards:
        problems.append((None, _("This cohort has no standards yet. Add one to the cohort first.")))
    try:
        pairs = checked_pairs(session, cohort, assignments)
    except Refused as refused:
        problems += refused.problems
    if problems:
        raise Refused.listing(problems)
    added = add_learner(session, mail, actor, cohort, name=name, email=email, link_for=link_for)
    outcome = EnrolOutcome()
    enrol_member(session, actor, added.member, cohort, pairs, outcome)
    session.flush()
    return added, outcome

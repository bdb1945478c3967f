"""Submitting several of a learner's items at once, with one declaration, all or none.

Each item goes through `submit_evidence`, the one way an item is submitted, so every rule and record
of a single submission applies to each; the caller's transaction holds them all.
"""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..core.acts import Conflict, Locked, Problem, Refused
from .guards import changed_message, is_owner
from .models import EDITABLE_STATUSES, Evidence, Submission
from .readiness import why_not_submittable
from .services import submit_evidence

#: the most items one page lists and one declaration covers
MOST_AT_ONCE = 50


@dataclass(frozen=True)
class Candidate:
    """An item chosen for submitting, with every reason it cannot be submitted now (none when it can)."""

    evidence: Evidence
    reasons: list[str]

    @property
    def ready(self) -> bool:
        return not self.reasons


def chosen_items(session: Session, learner: User, numbers: list[int]) -> list[Evidence]:
    """The learner's own items with these numbers, in number order (numbers of nobody's items are left out)."""
    wanted = sorted(set(numbers))[:MOST_AT_ONCE]
    query = select(Evidence).where(Evidence.learner_id == learner.id, Evidence.number.in_(wanted)).order_by(Evidence.number)
    return list(session.scalars(query)) if wanted else []


def submittable_items(session: Session, learner: User) -> list[Evidence]:
    """The learner's items they may still change (drafts and items referred back), in number order."""
    query = select(Evidence).where(Evidence.learner_id == learner.id, Evidence.status.in_(EDITABLE_STATUSES)).order_by(Evidence.number)
    return [evidence for evidence in session.scalars(query) if is_owner(learner, evidence)][:MOST_AT_ONCE]


def candidates(actor: User, items: list[Evidence]) -> list[Candidate]:
    return [Candidate(evidence, why_not_submittable(actor, evidence)) for evidence in items]


def submit_several(session: Session, actor: User, chosen: list[tuple[Evidence, str]], declaration_text: str) -> list[Submission]:
    """Submit every chosen (item, version as the page showed it) with the one declaration, or none of them.

    Every problem is found before anything changes and reported at once, each naming its item: a page
    older than an item (changed, or already submitted, since) is a Conflict, and Locked when every
    item has already been submitted (a second press of the button).
    """
    if not chosen:
        raise Refused(_("Choose at least one item to submit."), "items")
    stale = [evidence for evidence, version in chosen if str(version) != str(evidence.version)]
    problems = [] if (declaration_text or "").strip() else [("declaration", _("Confirm that this evidence is your own work."))]
    problems += [problem for evidence, _version in chosen for problem in _item_problems(actor, evidence, evidence in stale)]
    if problems:
        raise _refusal(problems, stale, chosen)
    return [_submit_one(session, actor, evidence, version, declaration_text) for evidence, version in chosen]


def _item_problems(actor: User, evidence: Evidence, stale: bool) -> list[Problem]:
    reasons = [changed_message(evidence)] if stale and evidence.status in EDITABLE_STATUSES else []
    reasons += why_not_submittable(actor, evidence)
    return [("items", _about(evidence, reason)) for reason in dict.fromkeys(str(reason) for reason in reasons)]


def _about(evidence: Evidence, reason: str) -> str:
    return _("%(reference)s “%(title)s”: %(reason)s", reference=evidence.reference, title=evidence.title, reason=reason)


def _refusal(problems: list[Problem], stale: list[Evidence], chosen: list[tuple[Evidence, str]]) -> Refused:
    if all(evidence.status not in EDITABLE_STATUSES for evidence, _version in chosen):
        return Locked.listing(problems)
    return (Conflict if stale else Refused).listing(problems)


def _submit_one(session: Session, actor: User, evidence: Evidence, version: str, declaration_text: str) -> Submission:
    """The item through the single-item service; a refusal it still finds (a change at this moment) names the item."""
    try:
        return submit_evidence(session, actor, evidence, version, declaration_text)
    except Refused as refused:
        problems = [("items", _about(evidence, str(message))) for _field, message in refused.problems]
        raise type(refused).listing(problems) from None

"""The kinds of notice: who may get each, its default delivery, and its words (made in the reader's language)."""
from dataclasses import dataclass

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, SCENARIO_AUTHOR
from ..evidence.witness_models import CONFIRMED, CORRECTED
from ..scenarios.models import DECLINED, LIVE, REJECTED, SHARED
from .models import (
    ASSESSED,
    AT_ONCE,
    AWAITING_COUNTERSIGNATURE,
    COUNTERSIGNED,
    DAILY,
    DELIVERIES,
    IQA_REFERRAL,
    IQA_RESPONSE,
    OFF,
    REFERRED,
    SCENARIO_OFFERED,
    SCENARIO_REVIEW_WAITING,
    SCENARIO_REVIEWED,
    SCENARIO_SHARE_DECIDED,
    WAITING,
    WITNESS_SIGNED,
)

AUTHORS = (PROVIDER_ADMIN, SCENARIO_AUTHOR)


@dataclass(frozen=True)
class Kind:
    name: str
    #: the roles whose holders may get it
    roles: tuple[str, ...]
    label: object
    default: str = AT_ONCE
    choices: tuple[str, ...] = DELIVERIES
    #: site administrators (who hold no role) may get it
    site_admins: bool = False

    def open_to(self, user) -> bool:
        return user.has_role(*self.roles) or (self.site_admins and user.is_site_admin)


KINDS = {
    kind.name: kind
    for kind in (
        Kind(REFERRED, (LEARNER,), _l("Your evidence is referred back")),
        Kind(ASSESSED, (LEARNER,), _l("Your evidence is assessed")),
        Kind(AWAITING_COUNTERSIGNATURE, (LEARNER,), _l("A sign-off waits for your countersignature")),
        Kind(WITNESS_SIGNED, (LEARNER, ASSESSOR), _l("A witness confirms or corrects a statement")),
        Kind(COUNTERSIGNED, (ASSESSOR,), _l("A learner countersigned your sign-off")),
        Kind(IQA_REFERRAL, (ASSESSOR,), _l("The IQA referred one of your decisions back")),
        Kind(WAITING, (ASSESSOR,), _l("Evidence waiting for your review for longer than a few days"), DAILY, (DAILY, OFF)),
        Kind(IQA_RESPONSE, (IQA,), _l("An assessor responded to your referral")),
        Kind(SCENARIO_REVIEW_WAITING, AUTHORS + (ASSESSOR,), _l("A scenario version waits for your review")),
        Kind(SCENARIO_REVIEWED, AUTHORS, _l("Your scenario version is approved or sent back")),
        Kind(SCENARIO_SHARE_DECIDED, AUTHORS, _l("The site accepts or declines your scenario")),
        Kind(SCENARIO_OFFERED, (), _l("A provider offers a scenario to the site"), site_admins=True),
    )
}

DELIVERY_LABELS = {AT_ONCE: _l("At once, by email"), DAILY: _l("In the daily email"), OFF: _l("Off")}


def kinds_for(user) -> list[Kind]:
    return [kind for kind in KINDS.values() if kind.open_to(user)]


def reader_side(pair: dict) -> str:
    """One side of a {cy, en} pair (a standard's or a scenario's title): the reader's language where it has it."""
    return pair.get(str(get_locale()) if get_locale() else "en") or pair.get("cy") or pair.get("en") or ""


def variant(kind: str, params: dict) -> str | tuple[str, str]:
    """The kind, or (kind, outcome) for a kind whose words differ by outcome."""
    return (kind, params["outcome"]) if "outcome" in params else kind


def notice_text(kind: str, params: dict) -> str:
    """What the notice says, in the language in force."""
    words = {key: reader_side(value) if isinstance(value, dict) else value for key, value in params.items()}
    texts = {
        REFERRED: lambda: _("%(reference)s “%(title)s” is referred back: read your assessor’s feedback on what to show next.", **words),
        ASSESSED: lambda: _("%(reference)s “%(title)s” is assessed: every criterion it claims is met.", **words),
        AWAITING_COUNTERSIGNATURE: lambda: _("%(assessor)s signed off %(standard)s. Read the sign-off and countersign it.", **words),
        COUNTERSIGNED: lambda: _("%(learner)s countersigned your sign-off of %(standard)s.", **words),
        IQA_REFERRAL: lambda: _("%(iqa)s referred back your decision on %(reference)s for %(learner)s. Action: %(action)s", **words),
        IQA_RESPONSE: lambda: _("%(assessor)s responded to your referral of %(reference)s for %(learner)s.", **words),
        (WITNESS_SIGNED, CONFIRMED): lambda: _("%(witness)s confirmed the witness statement in %(reference)s “%(title)s” by "
                                               "%(learner)s.", **words),
        (WITNESS_SIGNED, CORRECTED): lambda: _("%(witness)s corrected the witness statement in %(reference)s “%(title)s” by "
                                               "%(learner)s, and signed it: read their correction.", **words),
        SCENARIO_REVIEW_WAITING: lambda: _("%(publisher)s published version %(version)s of “%(scenario)s”: it waits for your "
                                           "review before learners can start it.", **words),
        (SCENARIO_REVIEWED, LIVE): lambda: _("%(reviewer)s approved version %(version)s of “%(scenario)s”: learners start it "
                                             "from now on.", **words),
        (SCENARIO_REVIEWED, REJECTED): lambda: _("%(reviewer)s sent back version %(version)s of “%(scenario)s”, so learners "
                                                 "will not start it. Their note: %(note)s", **words),
        SCENARIO_OFFERED: lambda: _("%(author)s of %(provider)s offered “%(scenario)s” to the site: read it, then accept or "
                                    "decline it.", **words),
        (SCENARIO_SHARE_DECIDED, SHARED): lambda: _("“%(scenario)s” is shared with the site: learners of every provider can "
                                                    "start it.", **words),
        (SCENARIO_SHARE_DECIDED, DECLINED): lambda: _("A site administrator declined to share “%(scenario)s” with the site. "
                                                      "Their note: %(note)s", **words),
    }
    return texts[variant(kind, params)]()


def email_subject(kind: str, params: dict | None = None) -> str:
    subjects = {
        REFERRED: lambda: _("Your evidence is referred back"),
        ASSESSED: lambda: _("Your evidence is assessed"),
        AWAITING_COUNTERSIGNATURE: lambda: _("Your sign-off is ready to countersign"),
        COUNTERSIGNED: lambda: _("A learner countersigned your sign-off"),
        IQA_REFERRAL: lambda: _("The IQA referred a decision back to you"),
        IQA_RESPONSE: lambda: _("An assessor responded to your referral"),
        (WITNESS_SIGNED, CONFIRMED): lambda: _("A witness confirmed a statement"),
        (WITNESS_SIGNED, CORRECTED): lambda: _("A witness corrected a statement"),
        SCENARIO_REVIEW_WAITING: lambda: _("A scenario version waits for your review"),
        (SCENARIO_REVIEWED, LIVE): lambda: _("Your scenario version is approved"),
        (SCENARIO_REVIEWED, REJECTED): lambda: _("Your scenario version is sent back"),
        SCENARIO_OFFERED: lambda: _("A scenario is offered to the site"),
        (SCENARIO_SHARE_DECIDED, SHARED): lambda: _("Your scenario is shared with the site"),
        (SCENARIO_SHARE_DECIDED, DECLINED): lambda: _("Your scenario is not shared with the site"),
    }
    return subjects[variant(kind, params or {})]()

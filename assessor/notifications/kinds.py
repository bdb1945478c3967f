"""The kinds of notice: who may get each, its default delivery, and its words (made in the reader's language)."""
from dataclasses import dataclass

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..accounts.models import ASSESSOR, IQA, LEARNER
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
    WAITING,
)


@dataclass(frozen=True)
class Kind:
    name: str
    #: the role whose holders may get it
    role: str
    label: object
    default: str = AT_ONCE
    choices: tuple[str, ...] = DELIVERIES


KINDS = {
    kind.name: kind
    for kind in (
        Kind(REFERRED, LEARNER, _l("Your evidence is referred back")),
        Kind(ASSESSED, LEARNER, _l("Your evidence is assessed")),
        Kind(AWAITING_COUNTERSIGNATURE, LEARNER, _l("A sign-off waits for your countersignature")),
        Kind(COUNTERSIGNED, ASSESSOR, _l("A learner countersigned your sign-off")),
        Kind(IQA_REFERRAL, ASSESSOR, _l("The IQA referred one of your decisions back")),
        Kind(WAITING, ASSESSOR, _l("Evidence waiting for your review for longer than a few days"), DAILY, (DAILY, OFF)),
        Kind(IQA_RESPONSE, IQA, _l("An assessor responded to your referral")),
    )
}

DELIVERY_LABELS = {AT_ONCE: _l("At once, by email"), DAILY: _l("In the daily email"), OFF: _l("Off")}


def kinds_for(user) -> list[Kind]:
    return [kind for kind in KINDS.values() if user.has_role(kind.role)]


def standard_name(params: dict) -> str:
    """The standard's title in the reader's language where it has one."""
    names = params.get("standard") or {}
    return names.get(str(get_locale()) if get_locale() else "en") or names.get("cy") or names.get("en") or ""


def notice_text(kind: str, params: dict) -> str:
    """What the notice says, in the language in force."""
    words = {"standard": standard_name(params)} | {key: value for key, value in params.items() if key != "standard"}
    texts = {
        REFERRED: lambda: _("%(reference)s “%(title)s” is referred back: read your assessor’s feedback on what to show next.", **words),
        ASSESSED: lambda: _("%(reference)s “%(title)s” is assessed: every criterion it claims is met.", **words),
        AWAITING_COUNTERSIGNATURE: lambda: _("%(assessor)s signed off %(standard)s. Read the sign-off and countersign it.", **words),
        COUNTERSIGNED: lambda: _("%(learner)s countersigned your sign-off of %(standard)s.", **words),
        IQA_REFERRAL: lambda: _("%(iqa)s referred back your decision on %(reference)s for %(learner)s. Action: %(action)s", **words),
        IQA_RESPONSE: lambda: _("%(assessor)s responded to your referral of %(reference)s for %(learner)s.", **words),
    }
    return texts[kind]()


def email_subject(kind: str) -> str:
    subjects = {
        REFERRED: lambda: _("Your evidence is referred back"),
        ASSESSED: lambda: _("Your evidence is assessed"),
        AWAITING_COUNTERSIGNATURE: lambda: _("Your sign-off is ready to countersign"),
        COUNTERSIGNED: lambda: _("A learner countersigned your sign-off"),
        IQA_REFERRAL: lambda: _("The IQA referred a decision back to you"),
        IQA_RESPONSE: lambda: _("An assessor responded to your referral"),
    }
    return subjects[kind]()

"""The account emails, in the recipient's language, or in Welsh then English when we do not know it."""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import gettext as _

from ..config import LANGUAGES
from ..organisations.models import Provider
from .models import User

SEPARATOR = "\n\n" + "-" * 40 + "\n\n"


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


Compose = Callable[[], Email]


def in_language_of(user: User, compose: Compose) -> Email:
    """The email in the person's language; bilingual (Welsh first) when they have not chosen one."""
    if user.language in LANGUAGES:
        with force_locale(user.language):
            return compose()
    return bilingual(compose)


def bilingual(compose: Compose) -> Email:
    """The email in Welsh, then English: for someone whose language we do not know."""
    with force_locale("cy"):
        welsh, welsh_note = compose(), _("The English version follows the Welsh.")
    with force_locale("en"):
        english, english_note = compose(), _("The English version follows the Welsh.")
    return Email(
        subject=f"{welsh.subject} / {english.subject}",
        body=f"{welsh_note}\n{english_note}\n\n{welsh.body}{SEPARATOR}{english.body}",
    )


def reset_email(user: User, link: str) -> Email:
    def compose() -> Email:
        return Email(
            subject=_("Reset your Assessor password"),
            body=_(
                "Someone asked to reset the password for %(email)s.\n\nTo choose a new password, open this link "
                "within 2 hours:\n%(link)s\n\nIf it was not you, ignore this message: your password has not changed.",
                email=user.email,
                link=link,
            ),
        )

    return in_language_of(user, compose)


def invitation_email(user: User, provider: Provider, link: str, invited_by: User | None) -> Email:
    def compose() -> Email:
        return Email(
            subject=_("You are invited to Assessor by %(provider)s", provider=provider.name),
            body=_(
                "Hello %(name)s,\n\n%(inviter)s has invited you to Assessor, where %(provider)s keeps its learners' "
                "evidence and assessments.\n\nTo set your password and sign in, open this link within 14 days:\n"
                "%(link)s\n\nYour sign-in email is %(email)s.",
                name=user.name,
                inviter=invited_by.name if invited_by else provider.name,
                provider=provider.name,
                link=link,
                email=user.email,
            ),
        )

    return in_language_of(user, compose)

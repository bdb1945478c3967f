"""The email that asks a witness to confirm their statement: in Welsh and English, since they have no account."""
from flask_babel import gettext as _

from ..accounts.emails import Email, bilingual
from ..i18n import format_date
from .witness_models import WitnessRequest


def witness_email(request: WitnessRequest, link: str, provider_name: str) -> Email:
    evidence = request.evidence

    def compose() -> Email:
        return Email(
            subject=_("Please confirm a witness statement for %(learner)s", learner=evidence.learner.name),
            body=_(
                "Hello %(witness)s,\n\n%(requester)s of %(provider)s asks you to confirm a witness statement about "
                "%(learner)s: “%(title)s” (%(date)s). You were named as the witness, as %(role)s.\n\n"
                "To read the statement, and confirm it or correct it, open this link by %(expires)s:\n%(link)s\n\n"
                "The link works once and you do not need an account. If you did not expect this message, you can ignore it.",
                witness=request.witness_name,
                requester=request.requested_by.name,
                provider=provider_name,
                learner=evidence.learner.name,
                title=evidence.title,
                date=format_date(evidence.activity_date),
                role=request.witness_role,
                expires=format_date(request.expires_at),
                link=link,
            ),
        )

    return bilingual(compose)

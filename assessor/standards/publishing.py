"""Whose a standard is, and whether the CASE service serves it."""
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..core.acts import Refused
from ..permissions import can_publish_standard
from .models import Standard


def claim_imported(standard: Standard, importer: User) -> None:
    """A standard a provider's administrator imports is that provider's; one a site administrator imports is the site's."""
    standard.provider_id = None if importer.is_site_admin else importer.provider_id


def set_public(session: Session, standard: Standard, actor: User, public: bool) -> None:
    """Serve the standard (every language it has) at the CASE service, or stop serving it."""
    if not can_publish_standard(actor, standard.provider_id):
        raise Refused(_l("Only the provider that imported this standard, or a site administrator for the site's own standards, can publish it."))
    standard.public = public
    session.flush()


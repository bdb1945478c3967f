"""Access table: the outbox, for site administrators only."""
from sqlalchemy.orm import object_session

from assessor.mail.models import OutboxMessage

from .routes import ANON, ANY_ACTOR, SITE_ADMIN, TO_SIGN_IN, Route

SITE_ADMIN_ONLY = {ANON: TO_SIGN_IN, SITE_ADMIN: 200, ANY_ACTOR: 403}


def a_message(world) -> dict:
    session = object_session(world.site_admin)
    message = OutboxMessage(to_address=world.a.learner.email, subject="Subject", body="Body")
    session.add(message)
    session.flush()
    return {"message_id": message.id}


ROUTES = [
    Route("outbox.index", "GET", SITE_ADMIN_ONLY),
    Route("outbox.detail", "GET", SITE_ADMIN_ONLY, args=a_message),
]

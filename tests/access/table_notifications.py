"""Access table: notifications, each person's own; anyone else's notice is 404, as if it did not exist."""
from sqlalchemy.orm import object_session

from assessor.notifications.models import AT_ONCE, REFERRED, Notice

from .routes import ANON, ANY_ACTOR, LEARNER, TO_SIGN_IN, Route


def learners_notice(world) -> dict:
    """A notice of provider A's learner, about their submitted evidence."""
    session = object_session(world.a.learner)
    evidence = world.a.portfolio.submitted
    notice = Notice(user_id=world.a.learner.id, kind=REFERRED, params={"reference": evidence.reference, "title": evidence.title},
                    endpoint="evidence.show", endpoint_args={"learner_id": world.a.learner.id, "number": evidence.number}, delivery=AT_ONCE)
    session.add(notice)
    session.commit()
    return {"notice_id": notice.id}


OWN_NOTICE = {ANON: TO_SIGN_IN, LEARNER: 302, ANY_ACTOR: 404}
#: every signed-in person has kinds to choose for (site and provider administrators: the scenario notices), so an
#: empty choice is refused
EMPTY_CHOICES = {ANON: TO_SIGN_IN, ANY_ACTOR: 422}

ROUTES = [
    Route("notifications.index", "GET", {ANON: TO_SIGN_IN, ANY_ACTOR: 200}),
    Route("notifications.show", "GET", OWN_NOTICE, args=learners_notice),
    Route("notifications.read", "POST", OWN_NOTICE, args=learners_notice),
    Route("notifications.read_all", "POST", {ANON: TO_SIGN_IN, ANY_ACTOR: 302}),
    Route("notifications.preferences", "GET", {ANON: TO_SIGN_IN, ANY_ACTOR: 200}),
    Route("notifications.preferences", "POST", EMPTY_CHOICES),
]

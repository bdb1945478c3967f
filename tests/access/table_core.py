"""Access table: core pages, accounts and the standards library."""
from datetime import timedelta

from sqlalchemy.orm import object_session

from assessor.accounts.lifetimes import Device, Lifetimes
from assessor.accounts.sessions import live_session, start_session

from .routes import ANON, ANY_ACTOR, TO_SIGN_IN, Route


def someone_elses_session(world) -> int:
    """A live session of provider B's learner, whom no actor is: ending it is refused to everyone."""
    db, hour = object_session(world.b.learner), timedelta(hours=1)
    token = start_session(db, world.b.learner, Lifetimes(hour, hour, hour, hour), Device())
    db.commit()
    return live_session(db, token).id


ROUTES = [
    Route("core.home", "GET", {ANY_ACTOR: 200}),
    Route("health.healthz", "GET", {ANY_ACTOR: 200}),
    Route("health.readyz", "GET", {ANY_ACTOR: 200}),
    Route("core.switch_language", "POST", {ANY_ACTOR: 302}, data=lambda w: {"language": "cy", "next": "/"}),
    Route("accounts.sign_in", "GET", {ANY_ACTOR: 200}),
    Route("accounts.sign_in", "POST", {ANY_ACTOR: 422}, data=lambda w: {"email": "", "password": ""}),
    Route("accounts.sign_out", "POST", {ANY_ACTOR: 302}),
    Route("accounts.password", "GET", {ANON: TO_SIGN_IN, ANY_ACTOR: 200}),
    Route("accounts.password", "POST", {ANON: TO_SIGN_IN, ANY_ACTOR: 422}, data=lambda w: {}),
    Route("account.show", "GET", {ANON: TO_SIGN_IN, ANY_ACTOR: 200}),
    Route("account.end_session", "POST", {ANON: TO_SIGN_IN, ANY_ACTOR: 404}, args=lambda w: {"session_id": someone_elses_session(w)}),
    Route("account.sign_out_everywhere", "POST", {ANON: TO_SIGN_IN, ANY_ACTOR: 302}),
    Route("accounts.reset_request", "GET", {ANY_ACTOR: 200}),
    Route("accounts.reset_request", "POST", {ANY_ACTOR: 422}, data=lambda w: {"email": "not-an-address"}),
    Route("accounts.reset", "GET", {ANY_ACTOR: 410}, args=lambda w: {"token": "no-such-token"}),
    Route("accounts.reset", "POST", {ANY_ACTOR: 410}, args=lambda w: {"token": "no-such-token"}),
    Route("accounts.accept_invitation", "GET", {ANY_ACTOR: 410}, args=lambda w: {"token": "no-such-token"}),
    Route("accounts.accept_invitation", "POST", {ANY_ACTOR: 410}, args=lambda w: {"token": "no-such-token"}),
    Route("standards.index", "GET", {ANY_ACTOR: 200}),
    Route("standards.latest", "GET", {ANY_ACTOR: 302}, args=lambda w: {"urn": w.standard.urn}),
    Route("standards.detail", "GET", {ANY_ACTOR: 200}, args=lambda w: {"urn": w.standard.urn, "version": w.standard.version}),
    Route(
        "standards.export",
        "GET",
        {ANY_ACTOR: 200},
        args=lambda w: {"urn": w.standard.urn, "version": w.standard.version, "fmt": "case"},
    ),
]


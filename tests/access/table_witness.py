"""Access table: asking a witness to confirm a statement (provider A's learner's witness testimony), and the witness's own page."""
from datetime import timedelta

from sqlalchemy.orm import object_session

from assessor.evidence.witness_models import WitnessRequest
from assessor.timeutil import utcnow

from ..factories import make_evidence
from .routes import ANON, ANY_ACTOR, ASSESSOR, LEARNER, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: the learner while the item is a draft, and their assessor; other staff of the provider are refused
ASKERS = {ANON: TO_SIGN_IN, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def testimony(world) -> dict:
    """A draft witness testimony of provider A's learner with a link waiting for the witness."""
    db = object_session(world.a.learner)
    item = make_evidence(db, world.a.learner, world.a.enrolment, ("P5",), status="draft", kind="witness", title="Statement")
    request = WitnessRequest(evidence_id=item.id, requested_by_id=world.a.learner.id, witness_name="Mair Owen", witness_role="Manager",
                             witness_email="mair@example.com", token_hash=f"{item.id:064d}", expires_at=utcnow() + timedelta(days=1))
    db.add(request)
    db.commit()
    return {"learner_id": item.learner_id, "number": item.number, "request_id": request.id}


def item_of(world) -> dict:
    args = testimony(world)
    del args["request_id"]
    return args


ROUTES = [
    Route("evidence.witness_request", "GET", ASKERS | {LEARNER: 200, ASSESSOR: 200}, args=item_of),
    #: posted empty: refused as invalid for those who may ask
    Route("evidence.witness_request", "POST", ASKERS | {LEARNER: 422, ASSESSOR: 422}, args=item_of),
    Route("evidence.witness_resend", "POST", ASKERS | {LEARNER: 302, ASSESSOR: 302}, args=testimony),
    Route("evidence.witness_withdraw", "POST", ASKERS | {LEARNER: 302, ASSESSOR: 302}, args=testimony),
    #: no account: an unknown link is a page saying so, to everyone
    Route("witness.statement", "GET", {ANY_ACTOR: 404}, args=lambda w: {"token": "no-such-token"}),
    Route("witness.statement", "POST", {ANY_ACTOR: 404}, args=lambda w: {"token": "no-such-token"}),
    Route("witness.signed", "GET", {ANY_ACTOR: 200}),
]

"""Access table: the CASE 1.1 service (open to anyone, for public standards) and publishing a standard to it."""
from sqlalchemy.orm import object_session

from assessor.standards.case_service import package_identifier
from assessor.standards.exports.case import case_identifier

from .routes import ANON, ANY_ACTOR, SITE_ADMIN, TO_SIGN_IN, Route


def published(world, key: str = "") -> str:
    """The identifier of an object of the world's standard, made public (the world's standard is the site's own)."""
    standard = world.standard
    standard.public = True
    object_session(standard).commit()
    return case_identifier(standard.document, standard.language, key) if key else package_identifier(standard)


ROUTES = [
    Route("case.documents", "GET", {ANY_ACTOR: 200}, args=lambda w: published(w) and {}),
    Route("case.document", "GET", {ANY_ACTOR: 200}, args=lambda w: {"sourced_id": published(w)}),
    Route("case.package", "GET", {ANY_ACTOR: 200}, args=lambda w: {"sourced_id": published(w)}),
    Route("case.item", "GET", {ANY_ACTOR: 200}, args=lambda w: {"sourced_id": published(w, "P1")}),
    Route("case.association", "GET", {ANY_ACTOR: 200}, args=lambda w: {"sourced_id": published(w, "P1/isChildOf")}),
    Route("case.elsewhere", "GET", {ANY_ACTOR: 404}, args=lambda w: {"rest": "CFRubrics/5b0f3c1e-7a52-5d8e-9c4b-2f6d1e8a9b30"}),
    Route(
        "standards.publish",
        "POST",
        {ANON: TO_SIGN_IN, SITE_ADMIN: 302, ANY_ACTOR: 403},
        args=lambda w: {"urn": w.standard.urn, "version": w.standard.version},
        data=lambda w: {"public": "1"},
    ),
]

"""The CASE 1.1 REST service, read-only and open to anyone: the public standards as CFDocuments, CFPackages, CFItems
and CFAssociations (docs/exports.md).

Every answer is JSON with an ETag (a request whose If-None-Match names it gets 304 and no body); an unknown or
non-public identifier gets 404 with 1EdTech's imsx_StatusInfo payload. No answer sets a cookie.
"""
import json
import re

from flask import Blueprint, Response, request

from ..db import get_session
from .case_service import case_documents, case_object

bp = Blueprint("case", __name__, url_prefix="/ims/case/v1p1")
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
#: how long a client may reuse an answer before asking again (it then sends If-None-Match)
MAX_AGE_SECONDS = 300


@bp.get("/CFDocuments")
def documents():
    found = case_documents(get_session(), request.url_root)
    if not found:
        return _status(404, "unknownobject", "No competency framework is published here.", "CFDocuments")
    return _json({"CFDocuments": found})


@bp.get("/CFDocuments/<sourced_id>")
def document(sourced_id: str):
    return _one("CFDocuments", sourced_id)


@bp.get("/CFPackages/<sourced_id>")
def package(sourced_id: str):
    return _one("CFPackages", sourced_id)


@bp.get("/CFItems/<sourced_id>")
def item(sourced_id: str):
    return _one("CFItems", sourced_id)


@bp.get("/CFAssociations/<sourced_id>")
def association(sourced_id: str):
    return _one("CFAssociations", sourced_id)


@bp.get("/<path:rest>")
def elsewhere(rest: str):
    """Any other path of the service (CFRubrics, CFItemAssociations, ...): Assessor serves none of it."""
    return _status(404, "unknownobject", f"Not served here: {rest[:100]}.", "path")


def _one(collection: str, sourced_id: str) -> Response:
    if not UUID.fullmatch(sourced_id):
        return _status(404, "invalid_uuid", "The sourcedId is not a UUID.", "sourcedId")
    found = case_object(get_session(), request.url_root, collection, sourced_id)
    if found is None:
        return _status(404, "unknownobject", f"No published object {sourced_id} in {collection}.", "sourcedId")
    return _json(found)


def _json(payload: dict) -> Response:
    """The payload with an ETag of its bytes; 304 when the client already holds them."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    response = Response(body, mimetype="application/json")
    response.add_etag()
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    return response.make_conditional(request)


def _status(code: int, minor: str, description: str, field_name: str) -> Response:
    """1EdTech's imsx_StatusInfo: failure/error with the codeMinor that says why."""
    payload = {
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": description,
        "imsx_codeMinor": {"imsx_codeMinorField": [{"imsx_codeMinorFieldName": field_name, "imsx_codeMinorFieldValue": minor}]},
    }
    response = Response(json.dumps(payload), status=code, mimetype="application/json")
    response.headers["Cache-Control"] = "no-cache"
    return response

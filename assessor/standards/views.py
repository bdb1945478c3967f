"""The standards library: search, read, download, and publish to the CASE service."""
from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..config import LANGUAGES
from ..core.acts import Refused
from ..db import get_session
from ..permissions import can_publish_standard
from .case_service import export_context, package_identifier
from .exports import EXPORT_FORMATS, export_filename, export_standard
from .publishing import set_public
from .reading import has_translation, other_language, read_standard
from .references import reference
from .services import document_for_export, find_standard, search_standards, standard_versions, suite_names

bp = Blueprint("standards", __name__, url_prefix="/standards")
bp.add_app_template_filter(reference, "reference")


@bp.get("/")
def index():
    text = request.args.get("q", "")[:200]
    suite = request.args.get("suite", "")[:255]
    page = request.args.get("page", 1, type=int)
    session = get_session()
    english = _reading_english()
    per_page = current_app.config["STANDARDS_PER_PAGE"]
    results = search_standards(session, text=text, suite=suite, page=page, per_page=per_page, english=english)
    return render_template(
        "standards/index.html", results=results, text=text, suite=suite, suites=suite_names(session), english=english
    )


@bp.get("/<urn>")
def latest(urn: str):
    standard = find_standard(get_session(), urn) or abort(404)
    return redirect(url_for(".detail", urn=standard.urn, version=standard.version))


@bp.get("/<urn>/<version>")
def detail(urn: str, version: str):
    session = get_session()
    standard = find_standard(session, urn, version) or abort(404)
    language = request.args.get("text") if request.args.get("text") in LANGUAGES else str(get_locale())
    return render_template(
        "standards/detail.html",
        standard=standard,
        reading=read_standard(standard, language),
        translated=has_translation(standard),
        other=other_language(standard),
        versions=standard_versions(session, urn),
        formats=EXPORT_FORMATS,
        case_package_id=package_identifier(standard),
        may_publish=current_user.is_authenticated and can_publish_standard(current_user, standard.provider_id),
    )


@bp.get("/<urn>/<version>/export/<fmt>")
def export(urn: str, version: str, fmt: str):
    session = get_session()
    standard = find_standard(session, urn, version) or abort(404)
    chosen = EXPORT_FORMATS.get(fmt) or abort(404)
    language = request.args.get("lang") if request.args.get("lang") in LANGUAGES else standard.language
    document = document_for_export(standard)
    context = export_context(standard, standard_versions(session, urn), request.url_root, language)
    body = export_standard(document, fmt, language, context)
    filename = export_filename(document, fmt, language)
    return Response(
        body, mimetype=chosen.media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@bp.post("/<urn>/<version>/public")
@login_required
def publish(urn: str, version: str):
    """Serve the standard at the CASE service (`public=1`), or stop (`public=0`)."""
    session = get_session()
    standard = find_standard(session, urn, version) or abort(404)
    if not can_publish_standard(current_user, standard.provider_id):
        abort(403)
    choice = request.form.get("public")
    if choice not in ("0", "1"):
        abort(400)
    try:
        set_public(session, standard, current_user, choice == "1")
    except Refused:
        abort(403)
    session.commit()
    flash(_published_message(standard), "success")
    return redirect(url_for(".detail", urn=urn, version=version, _anchor="case-service"))


def _published_message(standard) -> str:
    if standard.public:
        return _("%(urn)s version %(version)s is published at the CASE service.", urn=standard.urn, version=standard.version)
    return _("%(urn)s version %(version)s is no longer published at the CASE service.", urn=standard.urn, version=standard.version)


def _reading_english() -> bool:
    return str(get_locale()) == "en"

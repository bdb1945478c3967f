"""Importing a standard in the browser: paste its text or upload its file (text, or PDF and Word as the NOS database
publishes them), preview what was read (a file beside its pages or tables), confirm."""
from dataclasses import dataclass, field

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm import Session

from ..core.acts import add_error
from ..core.limits import takes_files
from ..db import get_session
from ..permissions import can_import_standards
from .documents import Reading, parse_reading
from .documents.sources import Source, sources
from .import_forms import LANGUAGE_LABELS, ImportForm
from .parser import ParseResult, Problem, parse_standard
from .publications import Attachment
from .publishing import claim_imported
from .reading import DETAIL_LABELS
from .services import (
    DEFAULT_VERSION,
    LoadOutcome,
    PublicationRefused,
    StandardConflict,
    StandardError,
    content_hash,
    find_standard,
    import_document,
    plan_publication,
)

bp = Blueprint("standards_import", __name__, url_prefix="/standards-import")

#: the parser's own words for a missing URN or title, which the form's fields say instead
_IDENTITY_PROBLEMS = ("no URN found", "no title found")


@dataclass
class Preview:
    """A parse result arranged for the page: the document, and the problems not shown on a field."""

    result: ParseResult
    errors: list[Problem] = field(default_factory=list)
    #: what attaching it to the standard held in the other language would do, when there is one
    plan: Attachment | None = None
    #: a PDF or Word file: what was read, and each page (or table) beside what was read from it
    reading: Reading | None = None
    sources: list[Source] = field(default_factory=list)

    @property
    def document(self) -> dict:
        return self.result.document


@bp.before_request
@login_required
def _may_import() -> None:
    if not can_import_standards(current_user):
        abort(403)


@bp.get("/")
def new():
    return _page(ImportForm())


@bp.post("/preview")
@takes_files
def preview():
    form = ImportForm()
    if not form.validate_on_submit():
        return _page(form), 422
    shown = _parsed(form)
    if shown.reading is not None:
        shown.sources = sources(shown.reading, form.uploaded_bytes)
    if shown.result.ok:
        shown.plan = plan_publication(get_session(), shown.document)
    refused = shown.plan is not None and shown.plan.refused
    return _page(form, shown), 200 if shown.result.ok and not refused else 422


@bp.post("/confirm")
@takes_files
def confirm():
    form = ImportForm()
    if not form.validate_on_submit():
        return _page(form), 422
    shown = _parsed(form)
    if not shown.result.ok:
        return _page(form, shown), 422
    db = get_session()
    try:
        outcome = load_parsed(db, shown.document, source=form.filename.data or "")
    except PublicationRefused as error:
        shown.plan = error.plan
        return _page(form, shown), 422
    except StandardConflict as error:
        form.version.errors.append(_("Give the changed text a new version number."))
        return _page(form, shown, refusal=str(error)), 422
    except StandardError as error:
        return _page(form, shown, refusal=str(error)), 422
    if outcome.status == "added":
        claim_imported(outcome.standard, current_user)
    db.commit()
    _flash_outcome(outcome)
    return redirect(url_for("standards.detail", urn=outcome.urn, version=outcome.version))


def parse_submission(
    text: str, *, language: str | None, urn: str | None, title: str | None, version: str | None, reading: Reading | None = None
) -> ParseResult:
    """Parse pasted or uploaded text (or the PDF or Word file read) with what the person supplied; a version given
    overrides the text's."""
    if reading is not None:
        result = parse_reading(reading, language=language, urn=urn, title=title)
    else:
        result = parse_standard(text, language=language, urn=urn, title=title)
    if version and result.document:
        result.document["version"] = version
    return result


def load_parsed(session: Session, document: dict, *, source: str) -> LoadOutcome:
    """Load a parsed standard, or attach it to the one held in the other language; the same text again changes nothing."""
    version = document.get("version") or DEFAULT_VERSION
    existing = find_standard(session, document["urn"], version)
    if existing is not None and existing.content_hash == content_hash(document):
        return LoadOutcome(existing.urn, version, "unchanged", existing)
    return import_document(session, document, source=source)


def _parsed(form: ImportForm) -> Preview:
    """Parse the submission, keep its text in the form, and put a missing URN or title on its field."""
    text = form.source_text()
    form.text.data = text
    form.filename.data = form.uploaded_name() or form.filename.data
    reading = form.document()
    if reading is not None:
        form.from_file.data = "1"
    result = parse_submission(text, reading=reading, **form.supplied())
    document = result.document
    if document and not document.get("urn"):
        add_error(form.urn, _missing_urn_message(document))
    if document and not document.get("title"):
        add_error(form.title, _("The text has no title. Enter the standard's title."))
    errors = [problem for problem in result.errors if problem.line or _placed(problem) or not problem.english.startswith(_IDENTITY_PROBLEMS)]
    return Preview(result, errors, reading=reading)


def _placed(problem) -> bool:
    """True for a problem found at a page, table or row of a PDF or Word file."""
    place = getattr(problem, "place", None)
    return bool(place and place.label())


def _missing_urn_message(document: dict) -> str:
    original = (document.get("original_urns") or [None])[0]
    if original:
        return _(
            "The text has no current URN, only the original URN %(urn)s. Enter the URN, or an identifier of your own starting LOCAL-, such as LOCAL-%(urn)s.",
            urn=original,
        )
    return _("The text has no URN. Enter the standard's URN, or an identifier of your own starting LOCAL-.")


def _flash_outcome(outcome: LoadOutcome) -> None:
    if outcome.status == "official text attached" and outcome.attachment.language == "en":
        flash(_("The English publication is now the official English of %(urn)s version %(version)s.", urn=outcome.urn, version=outcome.version), "success")
    elif outcome.status == "official text attached":
        flash(_("The Welsh publication is now the official Welsh of %(urn)s version %(version)s.", urn=outcome.urn, version=outcome.version), "success")
    elif outcome.status == "added":
        flash(_("%(urn)s version %(version)s has been loaded.", urn=outcome.urn, version=outcome.version), "success")
    else:
        flash(_("%(urn)s version %(version)s was already loaded: nothing changed.", urn=outcome.urn, version=outcome.version), "info")


def _page(form: ImportForm, shown: Preview | None = None, refusal: str | None = None) -> str:
    return render_template(
        "standards_import/new.html",
        form=form,
        shown=shown,
        refusal=refusal,
        language_labels=LANGUAGE_LABELS,
        groups=_groups,
        details_of=_details,
    )


def _groups(items: list[dict]) -> list[tuple[str | None, list[dict]]]:
    """Items in order, gathered under their group headings as printed."""
    grouped: list[tuple[str | None, list[dict]]] = []
    for item in items:
        if not grouped or grouped[-1][0] != item.get("group"):
            grouped.append((item.get("group"), []))
        grouped[-1][1].append(item)
    return grouped


def _details(document: dict) -> list[tuple[str, str]]:
    """The details the text gives (developed by, version, suites...), labelled in the reader's language."""
    rows = []
    for key, label in DETAIL_LABELS.items():
        value = document.get(key)
        if isinstance(value, list):
            value = "; ".join(value)
        if value:
            rows.append((str(label), value))
    return rows

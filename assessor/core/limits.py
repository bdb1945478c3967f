"""How much one request may send, set per route, and what becomes of a request that sends more.

Every route takes typed text only, up to TEXT_BODY_MAX, unless its view is marked `takes_files`: then the
body may be as large as MAX_CONTENT_LENGTH (derived from the upload settings). A text field is parsed up to
TEXT_BODY_MAX too, so text longer than a field allows reaches the service and comes back as a field error
with everything typed kept, never as an error page. A too-large upload to a view marked
`takes_files(reshown=True)` is read with the files' contents skipped and the view is run again on the text
that could be kept, with `dropped_upload()` naming the limit, so the form comes back as typed.
"""
import io
from collections.abc import Callable

from flask import current_app, g, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser
from werkzeug.wsgi import get_input_stream

from ..i18n import megabytes

#: the most a form of typed text may send: far above the longest text a field takes (50,000 characters)
TEXT_BODY_MAX = 2 * 1024 * 1024
#: a too-large upload is read (its files' contents skipped) to keep its text only while it is at most this many times the limit
SALVAGE_FACTOR = 2


def takes_files(view: Callable | None = None, *, reshown: bool = False):
    """Mark a view as taking uploaded files; `reshown`: it can show its form again after a too-large upload."""
    def mark(function: Callable) -> Callable:
        function.takes_files = True
        function.reshown_when_too_large = reshown
        return function

    return mark(view) if view is not None else mark


def init_app(app) -> None:
    """Before the other hooks read the form (the CSRF check among them)."""
    app.before_request(set_body_limit)


def set_body_limit() -> None:
    """Before each request: the body limit of the route it goes to."""
    upload_max = current_app.config["MAX_CONTENT_LENGTH"]
    limit = upload_max if _marked("takes_files") else min(TEXT_BODY_MAX, upload_max or TEXT_BODY_MAX)
    request.max_content_length = limit
    request.max_form_memory_size = min(TEXT_BODY_MAX, limit or TEXT_BODY_MAX)


def route_takes_files() -> bool:
    return _marked("takes_files")


def dropped_upload() -> str | None:
    """When this request's files were dropped for being too large (the view runs again on its text): what to say."""
    if not g.get("dropped_upload"):
        return None
    return _l("The files you chose came to more than one upload can take, so they were not added. %(limits)s",
              limits=upload_limits())


def upload_limits() -> str:
    """What one upload may carry, for the messages about files that are too large."""
    config = current_app.config
    return _l("Each file can be up to %(size)s MB, and you can send up to %(count)s files at once. Choose smaller files.",
              size=megabytes(config["UPLOAD_MAX_BYTES"]), count=config["UPLOAD_MAX_FILES"])


def reshow_without_files():
    """For a too-large upload to a view that can show its form again: that view's answer on the text kept, or None."""
    if not _marked("reshown_when_too_large") or g.get("dropped_upload"):
        return None
    kept = _text_fields()
    if kept is None:
        return None
    request.__dict__.update(form=kept, files=type(kept)())
    g.dropped_upload = True
    try:  # the whole request again, its checks (sign-in, CSRF) included
        return current_app.preprocess_request() or current_app.dispatch_request()
    except Exception as error:  # noqa: BLE001  (each goes to its own error page, as it would have the first time)
        return current_app.handle_user_exception(error)


def _marked(attribute: str) -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return bool(getattr(view, attribute, False))


class _Discarded(io.BytesIO):
    """Where an uploaded file's contents go while its text fields are kept: nowhere."""

    def write(self, data) -> int:
        return len(data)


def _text_fields():
    length, limit = request.content_length, request.max_content_length
    if request.mimetype != "multipart/form-data" or length is None or limit is None or length > limit * SALVAGE_FACTOR:
        return None
    parser = FormDataParser(
        stream_factory=lambda *args, **kwargs: _Discarded(), max_form_memory_size=TEXT_BODY_MAX, max_content_length=None
    )
    try:
        _stream, form, _files = parser.parse(get_input_stream(request.environ), request.mimetype, length, request.mimetype_params)
    except (ValueError, RequestEntityTooLarge):
        return None
    return form

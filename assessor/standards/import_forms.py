"""The form for importing a standard from its text or its file (PDF, Word or text), and the checks on an uploaded file."""
import re

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, Regexp, ValidationError

from ..i18n import megabytes
from .documents import NOT_A_STANDARD, DocumentRefused, Reading, read_document
from .parser import URN_PATTERN, decode

MAX_BYTES = 1024 * 1024
LANGUAGE_LABELS = {"cy": _l("Welsh"), "en": _l("English")}
_NON_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


class NotText(ValueError):
    """Bytes that are not a plain-text standard; the message is for the person."""


def text_from_upload(data: bytes) -> str:
    """The text of an uploaded file, judged by its content (not its name)."""
    if len(data) > MAX_BYTES:
        raise NotText(_l("The file must be smaller than 1 MB."))
    if b"\x00" in data:
        raise NotText(NOT_A_STANDARD)
    text = decode(data)
    strange = len(_NON_TEXT.findall(text))
    if text and strange / len(text) > 0.05:
        raise NotText(NOT_A_STANDARD)
    if not text.strip():
        raise NotText(_l("The file is empty."))
    return text


class ImportForm(FlaskForm):
    text = TextAreaField(
        _l("The standard's text"),
        validators=[Length(max=MAX_BYTES, message=_l("The text must be shorter than 1 MB."))],
    )
    upload = FileField(_l("Or upload the standard's file"))
    #: "1" when the text in the box was read from a file: a file chosen again then replaces it
    from_file = HiddenField()
    language = SelectField(
        _l("Language of the text"),
        choices=[SelectChoice("", _l("Work it out from the text"))] + [SelectChoice(code, label) for code, label in LANGUAGE_LABELS.items()],
        default="",
    )
    urn = StringField(
        _l("URN"),
        validators=[
            Optional(),
            Length(max=64),
            Regexp(URN_PATTERN, message=_l("A URN has only letters, digits, full stops, hyphens and underscores.")),
        ],
    )
    title = StringField(_l("Title"), validators=[Optional(), Length(max=500)])
    version = StringField(_l("Version"), validators=[Optional(), Length(max=32)])
    #: the uploaded file's name, carried from the preview to the confirmation (where the text came from)
    filename = HiddenField(validators=[Optional(), Length(max=255)])

    def validate_upload(self, field) -> None:
        self.uploaded_text, self.reading, self.uploaded_bytes = None, None, None
        storage = field.data
        if not storage or not getattr(storage, "filename", ""):
            return
        if (self.text.data or "").strip() and not self.from_file.data:
            raise ValidationError(_l("Paste the text or choose a file, not both."))
        data = storage.read(current_app.config["UPLOAD_MAX_BYTES"] + 1)
        try:
            self.reading = _read_document(data)
            self.uploaded_text = self.reading.text if self.reading else text_from_upload(data)
        except (NotText, DocumentRefused) as problem:
            raise ValidationError(str(problem)) from problem
        self.uploaded_bytes = data

    def validate_text(self, field) -> None:
        has_file = bool(getattr(self.upload.data, "filename", ""))
        if not (field.data or "").strip() and not has_file:
            raise ValidationError(_l("Paste the standard's text or choose a file."))

    def document(self) -> Reading | None:
        """The PDF or Word file uploaded, read; None for text."""
        return getattr(self, "reading", None)

    def source_text(self) -> str:
        """The text to parse: the uploaded file's, else the pasted text (which then keeps it)."""
        return getattr(self, "uploaded_text", None) or self.text.data or ""

    def uploaded_name(self) -> str:
        """The uploaded file's name without its folders, or "" when the text was pasted."""
        name = getattr(self.upload.data, "filename", "") or ""
        return name.replace("\\", "/").rsplit("/", 1)[-1][:255]

    def supplied(self) -> dict[str, str | None]:
        """What the person supplied beside the text, None where they left it empty."""
        return {name: (self[name].data or "").strip() or None for name in ("language", "urn", "title", "version")}


def _read_document(data: bytes) -> Reading | None:
    """The upload read as a PDF or Word file, None when it is neither; refused when too large."""
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    if len(data) > limit:
        raise DocumentRefused(_l("The file must be smaller than %(size)s MB.", size=megabytes(limit)))
    return read_document(data)

"""The authoring forms: a draft's YAML (typed or uploaded), publishing with a reason, retiring."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, MultipleFileField
from wtforms import HiddenField, TextAreaField

from .authoring import SOURCE_MAX


class RevisionForm(FlaskForm):
    """The draft's revision when the page was loaded: acting on an older one is a conflict."""

    revision = HiddenField()

    @property
    def posted_revision(self) -> int | None:
        return int(self.revision.data) if str(self.revision.data or "").isdigit() else None


class DraftForm(RevisionForm):
    source = TextAreaField(_l("The scenario in YAML"))
    file = FileField(_l("Or upload a YAML file"))

    def text(self) -> str:
        """The uploaded file's text when one was chosen, else what was typed; a bad file is a field error."""
        upload = self.file.data
        if upload is None or not getattr(upload, "filename", ""):
            return (self.source.data or "").replace("\r\n", "\n")
        data = upload.read(SOURCE_MAX * 4 + 1)
        try:
            return data.decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            self.file.errors = [_l("The file is not UTF-8 text: save it as UTF-8 YAML and upload it again.")]
            return ""


class CheckForm(FlaskForm):
    """The text in the draft's editor, sent by script to be checked as it is typed."""

    source = TextAreaField()

    def text(self) -> str:
        return (self.source.data or "").replace("\r\n", "\n")


class PublishForm(RevisionForm):
    reason = TextAreaField(_l("Why publish despite the warnings"))


class RetireForm(RevisionForm):
    pass


class ImportForm(FlaskForm):
    files = MultipleFileField(_l("Scenario files to import"))

    def uploads(self, limit: int) -> list[tuple[str, bytes]]:
        """Each chosen file's name and bytes, read up to `limit` bytes and one more (so too large shows)."""
        return [(upload.filename, upload.read(limit + 1)) for upload in self.files.data or []
                if upload and getattr(upload, "filename", "")]

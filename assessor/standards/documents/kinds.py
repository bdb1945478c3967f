"""What kind of file an upload is, told by its bytes alone (never by its name): a PDF, a Word file, or neither."""
import io
import zipfile

from flask_babel import lazy_gettext as _l

from .model import DocumentRefused

PDF, DOCX = "pdf", "docx"
#: a Word document's parts, uncompressed, may come to at most this many bytes (a guard against zip bombs)
MAX_UNPACKED = 64 * 1024 * 1024
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, EOFError)


def document_kind(data: bytes) -> str | None:
    """"pdf" or "docx" when the bytes are one; None for anything else. Raises DocumentRefused for a zip we will not open."""
    if b"%PDF-" in data[:1024]:
        return PDF
    if data[:4] != b"PK\x03\x04":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS:
        return None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise DocumentRefused(_l("The file is a zip archive but not a Word document (.docx). Upload the standard as a PDF or Word file, or as text."))
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise DocumentRefused(_l("The Word document is too large once unpacked to be one standard."))
    return DOCX

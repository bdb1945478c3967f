"""Reading a CSV of learners' names and emails, and carrying its rows safely from preview to confirm."""
import csv
import io
from dataclasses import dataclass

from flask_babel import lazy_gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer

MAX_BYTES = 1024 * 1024
MAX_ROWS = 1000
#: how long a preview can wait for its confirmation
TOKEN_MAX_AGE = 3600
NAME_HEADINGS = frozenset({"name", "enw", "full name", "enw llawn"})
EMAIL_HEADINGS = frozenset({"email", "e-mail", "e-bost", "ebost", "email address", "cyfeiriad e-bost"})
_BOMS_OF_UTF16 = (b"\xff\xfe", b"\xfe\xff")


class UploadError(Exception):
    """The file cannot be read as a list of learners; the message is for the person."""


@dataclass(frozen=True)
class RosterRow:
    #: the row's number in the file, counting the header as 1
    number: int
    name: str
    email: str


def read_roster(data: bytes) -> list[RosterRow]:
    """The rows of an uploaded CSV with a `name,email` (or `enw,e-bost`) header, in any column order."""
    if len(data) > MAX_BYTES:
        raise UploadError(_("The file is larger than 1 MB. Split it into smaller files."))
    text = _decode(data)
    if not text.strip():
        raise UploadError(_("The file is empty. Choose a CSV file with a header row and one learner on each row."))
    records = [(number, record) for number, record in enumerate(_records(text), start=1) if any(c.strip() for c in record)]
    (_header_number, header), *body = records
    name_column, email_column = _columns(header)
    rows = [RosterRow(number, _cell(record, name_column), _cell(record, email_column)) for number, record in body]
    if not rows:
        raise UploadError(_("The file has a header row but no learners."))
    if len(rows) > MAX_ROWS:
        raise UploadError(
            _("The file has more than 1,000 learners (%(count)d). Upload at most 1,000 at a time.", count=len(rows))
        )
    return rows


def _decode(data: bytes) -> str:
    if data.startswith(_BOMS_OF_UTF16) or b"\x00" in data:
        raise _unreadable()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise _unreadable() from None


def _unreadable() -> UploadError:
    return UploadError(_("This is not a CSV file Assessor can read. Save it as “CSV UTF-8” and try again."))


def _records(text: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text)))
    except csv.Error:
        raise _unreadable() from None


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Commas, or the semicolons or tabs some spreadsheets write instead."""
    first_line = text.lstrip().splitlines()[0]
    try:
        return csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _columns(header: list[str]) -> tuple[int, int]:
    headings = [cell.strip().casefold() for cell in header]
    name = next((i for i, heading in enumerate(headings) if heading in NAME_HEADINGS), None)
    email = next((i for i, heading in enumerate(headings) if heading in EMAIL_HEADINGS), None)
    if name is None or email is None:
        raise UploadError(
            _("The first row must name the columns: “name” and “email” (or “enw” and “e-bost”), in any order.")
        )
    return name, email


def _cell(record: list[str], column: int) -> str:
    return record[column].strip() if column < len(record) else ""


def _serializer(secret: str, cohort_id: int) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=f"cohort-roster-{cohort_id}")


def sign_rows(secret: str, cohort_id: int, rows: list[RosterRow]) -> str:
    """The rows as a tamper-proof token for the confirm form, valid for this cohort only."""
    return _serializer(secret, cohort_id).dumps([[row.number, row.name, row.email] for row in rows])


def unsign_rows(secret: str, cohort_id: int, token: str, max_age: int = TOKEN_MAX_AGE) -> list[RosterRow]:
    """The rows of a token made by sign_rows, or UploadError if it was altered, is for another cohort or expired."""
    try:
        raw = _serializer(secret, cohort_id).loads(token, max_age=max_age)
    except BadSignature:
        raise UploadError(_("This preview has expired or is not valid. Upload the file again.")) from None
    return [RosterRow(int(number), str(name), str(email)) for number, name, email in raw]

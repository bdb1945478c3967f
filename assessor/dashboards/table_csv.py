"""The cohort dashboard's table as a CSV file that spreadsheets open safely: UTF-8 with a BOM, no formulas."""
import csv
import io
from collections.abc import Iterable

from flask_babel import gettext as _

from ..cohorts.labels import STATUS_LABELS
from .cohort import LearnerRow, StandardColumn
from .labels import RAG_LABELS

BOM = "\ufeff"
#: a cell starting with one of these is read as a formula by Excel, LibreOffice or Google Sheets
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that a spreadsheet would run as a formula, made plain text by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: list[str], rows: Iterable[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in [header, *rows]:
        writer.writerow([neutralise(value) for value in row])
    return BOM + buffer.getvalue()


def dashboard_csv(rows: list[LearnerRow], standards: list[StandardColumn]) -> str:
    """One line per learner: status, progress, each standard's criteria met and total, sign-offs, last activity."""
    header = [
        _("Learner"), _("Email address"), _("Status"), _("Progress (%)"), _("Criteria met"), _("Criteria in total"),
        *[label for standard in standards for label in (_("%(urn)s met", urn=standard.urn), _("%(urn)s in total", urn=standard.urn))],
        _("Standards signed off"), _("Standards countersigned"), _("Standards verified"),
        *[label for standard in standards for label in _sign_off_headers(standard.urn)],
        _("Last activity (UTC)"), _("Place in the cohort"),
    ]
    return csv_text(header, (_line(row, standards) for row in rows))


def _line(row: LearnerRow, standards: list[StandardColumn]) -> list:
    cells = [row.cells.get(standard.id) for standard in standards]
    return [
        row.name, row.email, str(RAG_LABELS[row.status]), row.percent, row.met, row.total,
        *[value for cell in cells for value in ((cell.met, cell.total) if cell else ("", ""))],
        row.signed_off, row.countersigned, row.verified,
        *[_day(moment) for cell in cells for moment in ((cell.signed_off_at, cell.countersigned_at, cell.verified_at) if cell else (None,) * 3)],
        row.last_activity.strftime("%Y-%m-%d %H:%M") if row.last_activity else "",
        str(STATUS_LABELS.get(row.member_status, row.member_status)),
    ]


def _sign_off_headers(urn: str) -> tuple[str, str, str]:
    return _("%(urn)s signed off", urn=urn), _("%(urn)s countersigned", urn=urn), _("%(urn)s verified", urn=urn)


def _day(moment) -> str:
    """The day (UTC) as YYYY-MM-DD, which every spreadsheet reads as a date; empty when not yet."""
    return moment.strftime("%Y-%m-%d") if moment else ""

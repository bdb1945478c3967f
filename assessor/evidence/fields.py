"""The fields a person types into an evidence item: what each kind must say, how long, and a date not in the future."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _
from flask_babel import lazy_gettext as _l

from .models import ACCOUNT, DISCUSSION, FILE, OBSERVATION, SCENARIO, WITNESS
from ..core.acts import Refused

#: the fields a person types, and the longest each may be
LIMITS = {"title": 200, "description": 5000, "body": 50000, "witness_name": 200, "witness_role": 200, "witness_contact": 254}
EDITABLE_FIELDS = ("title", "activity_date", "description", "body", "witness_name", "witness_role", "witness_contact")
WITNESS_FIELDS = ("witness_name", "witness_role", "witness_contact")
#: what each kind must say beyond its title and date, and the message when it is missing
REQUIRED = {
    FILE: {},
    SCENARIO: {},
    ACCOUNT: {"body": _l("Write your account.")},
    DISCUSSION: {"body": _l("Enter the record of the discussion.")},
    OBSERVATION: {"body": _l("Enter the observation record.")},
    WITNESS: {
        "witness_name": _l("Enter the witness's name."),
        "witness_role": _l("Enter the witness's role."),
        "witness_contact": _l("Enter how the assessor can contact the witness."),
        "body": _l("Enter the witness's statement."),
    },
}
FIELD_LABELS = {
    "title": _l("Title"),
    "description": _l("Description"),
    "body": _l("The text"),
    "witness_name": _l("Witness's name"),
    "witness_role": _l("Witness's role"),
    "witness_contact": _l("Witness's contact details"),
}
#: the time zone whose date is "today" for an activity date
LOCAL_TIME = ZoneInfo("Europe/London")


def local_today() -> date:
    return datetime.now(LOCAL_TIME).date()


def checked_fields(kind: str, fields: dict) -> dict:
    """The typed fields of an item of `kind`, tidied; raises Refused listing every problem."""
    values = {name: _tidy(name, fields.get(name)) for name in EDITABLE_FIELDS}
    if kind != WITNESS:
        values.update(dict.fromkeys(WITNESS_FIELDS))
    problems = _problems(kind, values)
    if problems:
        field, message = problems[0]
        raise Refused(message, field, problems)
    return values


def _tidy(name: str, value):
    if name == "activity_date":
        return value
    if name in ("description", "body"):
        return str(value or "").replace("\r\n", "\n").strip()
    return " ".join(str(value or "").split()) or None


def _problems(kind: str, values: dict) -> list[tuple[str, str]]:
    problems = []
    if not values["title"]:
        problems.append(("title", _("Enter a title.")))
    day = values["activity_date"]
    if day is None:
        problems.append(("activity_date", _("Enter the date of the activity.")))
    elif day > local_today():
        problems.append(("activity_date", _("The date of the activity cannot be in the future. Enter today's date or an earlier one.")))
    problems += [(name, str(message)) for name, message in REQUIRED[kind].items() if not values[name]]
    for name, limit in LIMITS.items():
        if values[name] and len(values[name]) > limit:
            problems.append((name, _("%(field)s: use %(limit)s characters or fewer.", field=FIELD_LABELS[name], limit=f"{limit:,}")))
    return problems

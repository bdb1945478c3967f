"""The digest of a portfolio document: SHA-256 over everything it shows, computed from the gathered data."""
import dataclasses
import hashlib
import json
from datetime import date, datetime

from sqlalchemy import inspect

from ..accounts.models import User
from .data import PortfolioData

#: change when the document's template, styles or layout change, so every cached PDF is made again
TEMPLATE_VERSION = "portfolio-3"
#: fields of the gathered data that the document shows as of its making, not as its content
LEFT_OUT = {"generated_at"}
#: what a person's row contributes: the name is shown, sign-in times and passwords are not
USER_FIELDS = ("id", "name", "email")


def portfolio_digest(data: PortfolioData, language: str) -> str:
    payload = json.dumps([TEMPLATE_VERSION, language, _plain(data)], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _plain(value):
    """Data, rows and lists as JSON-ready values: a row is its table name and its columns."""
    if isinstance(value, User):
        return {"users": [getattr(value, name) for name in USER_FIELDS]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value) if field.name not in LEFT_OUT}
    if hasattr(value, "__table__"):
        return {value.__table__.name: {column.key: _plain(getattr(value, column.key)) for column in inspect(value).mapper.column_attrs}}
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value

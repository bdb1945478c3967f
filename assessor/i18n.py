"""Language selection (the reader's saved choice, then the browser's, then the default) and dates in it."""
import re
from dataclasses import dataclass
from datetime import date, datetime

import flask_babel
from babel import Locale, dates
from flask import Flask, current_app, request
from flask_babel import Babel, force_locale, get_timezone, to_user_timezone
from flask_babel.speaklater import LazyString
from flask_login import current_user

from .config import LANGUAGES

LANGUAGE_COOKIE = "assessor_lang"
LANGUAGE_NAMES = {"cy": "Cymraeg", "en": "English"}
#: the locale whose conventions dates follow for a language: English dates the British way (23 Nov 2026)
DATE_LOCALES = {"cy": Locale.parse("cy"), "en": Locale.parse("en_GB")}


def select_locale() -> str:
    if current_user and current_user.is_authenticated and current_user.language in LANGUAGES:
        return current_user.language
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or current_app.config["BABEL_DEFAULT_LOCALE"]


def date_locale() -> Locale:
    locale = flask_babel.get_locale()
    return DATE_LOCALES.get(str(locale), locale)


#: the one way a date is written in each language, on pages, in the history, emails and PDFs: "5 December 2026",
#: "5 Rhagfyr 2026"; a moment adds the time of day in the reader's time zone: "5 December 2026, 14:05"
DATE_FORMAT = "d MMMM y"
DATETIME_FORMAT = "d MMMM y, HH:mm"


def format_date(value: date | datetime, _format: str | None = None) -> str:
    """A date in the reader's language; a datetime is first moved to the reader's time zone.

    A pattern passed as the second argument is not used (tests/test_dates.py names the callers that still pass one):
    every date is written the one way, so a caller written before that cannot bring a second format back."""
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    return dates.format_date(value, DATE_FORMAT, locale=date_locale())


def format_datetime(value: datetime, _format: str | None = None) -> str:
    """A moment in the reader's language and time zone; a pattern passed is not used, as for `format_date`."""
    return dates.format_datetime(to_user_timezone(value), DATETIME_FORMAT, tzinfo=get_timezone(), locale=date_locale())


def lazy_date(value: date | datetime) -> LazyString:
    """A date that services can put in a message: formatted in the reader's language when the message is shown."""
    return LazyString(format_date, value)


def lazy_datetime(value: datetime) -> LazyString:
    return LazyString(format_datetime, value)


#: the fixed wordings people sign or agree to (declarations), registered where they are worded with `signed_wording`
SIGNED_WORDINGS: list[LazyString] = []
#: texts the app writes into people's records (a claim's note), registered with `generated_text`: kept as worded
#: for the writer, shown in the reader's language; each may name values as %(name)s
GENERATED_TEXTS: list[LazyString] = []


def signed_wording(wording: LazyString) -> LazyString:
    """Register a declaration (it may name values as %(name)s), so that a stored copy of it can be shown in the reader's language."""
    SIGNED_WORDINGS.append(wording)
    return wording


def generated_text(wording: LazyString) -> LazyString:
    """Register a text the app writes for people (format it with `%`), so that it is read in the reader's language."""
    GENERATED_TEXTS.append(wording)
    return wording


@dataclass(frozen=True)
class Wording:
    """A stored declaration as a reader sees it: in their language, with the wording signed when that differs."""

    shown: str
    #: the stored wording (what was signed, and stays the record) when it is not what is shown, else None
    signed: str | None = None
    #: the language it was signed in, when known
    language: str | None = None


def for_reader(stored: str) -> Wording:
    """The reader's language version of a stored declaration; an unknown wording is shown as stored."""
    for wording in SIGNED_WORDINGS:
        for language in LANGUAGES:
            values = _values_in(wording, language, stored)
            if values is not None:
                shown = str(wording) % values if values else str(wording)
                return Wording(shown, None if _same(shown, stored) else stored, language)
    return Wording(stored)


def in_reader_language(stored: str | None) -> str:
    """A text the app wrote (registered with `generated_text`) in the reader's language; any other text as stored."""
    for wording in GENERATED_TEXTS:
        for language in LANGUAGES:
            values = _values_in(wording, language, stored or "")
            if values is not None:
                return str(wording) % values
    return stored or ""


def _values_in(wording: LazyString, language: str, stored: str) -> dict | None:
    """The values in `stored` if it is `wording` as worded in `language` (an empty dict when it names none), else None."""
    with force_locale(language):
        pattern = str(wording)
    names = re.findall(r"%\((\w+)\)s", pattern)
    regex = re.escape(" ".join(pattern.split()))
    for name in names:
        regex = regex.replace(re.escape(f"%({name})s"), f"(?P<{name}>.+?)", 1)
    found = re.fullmatch(regex, " ".join(stored.split()))
    return None if found is None else found.groupdict()


def _same(one: str, other: str) -> bool:
    return " ".join(one.split()) == " ".join((other or "").split())


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals["LANGUAGE_NAMES"] = LANGUAGE_NAMES
    app.jinja_env.globals["get_locale"] = flask_babel.get_locale
    app.jinja_env.filters.update(dateformat=format_date, datetimeformat=format_datetime, megabytes=megabytes, for_reader=for_reader,
                               in_reader_language=in_reader_language)


def megabytes(size: int) -> str:
    """A byte count as whole megabytes where exact, else to one decimal place."""
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"

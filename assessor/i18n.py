"""Language selection (the reader's saved choice, then the browser's, then the default) and dates in it."""
from datetime import date, datetime

import flask_babel
from babel import Locale, dates
from flask import Flask, current_app, request
from flask_babel import Babel, get_timezone, to_user_timezone
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


def format_date(value: date | datetime) -> str:
    """A date in the reader's language; a datetime is first moved to the reader's time zone."""
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    return dates.format_date(value, DATE_FORMAT, locale=date_locale())


def format_datetime(value: datetime) -> str:
    return dates.format_datetime(to_user_timezone(value), DATETIME_FORMAT, tzinfo=get_timezone(), locale=date_locale())


def lazy_date(value: date | datetime) -> LazyString:
    """A date that services can put in a message: formatted in the reader's language when the message is shown."""
    return LazyString(format_date, value)


def lazy_datetime(value: datetime) -> LazyString:
    return LazyString(format_datetime, value)


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals["LANGUAGE_NAMES"] = LANGUAGE_NAMES
    app.jinja_env.globals["get_locale"] = flask_babel.get_locale
    app.jinja_env.filters.update(dateformat=format_date, datetimeformat=format_datetime, megabytes=megabytes)


def megabytes(size: int) -> str:
    """A byte count as whole megabytes where exact, else to one decimal place."""
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"

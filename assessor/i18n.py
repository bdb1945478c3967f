"""Language selection: the reader's saved choice, then the browser's, then the default."""
import flask_babel
from flask import Flask, current_app, request
from flask_babel import Babel
from flask_login import current_user

from .config import LANGUAGES

LANGUAGE_COOKIE = "assessor_lang"
LANGUAGE_NAMES = {"cy": "Cymraeg", "en": "English"}


def select_locale() -> str:
    if current_user and current_user.is_authenticated and current_user.language in LANGUAGES:
        return current_user.language
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals["LANGUAGE_NAMES"] = LANGUAGE_NAMES
    app.jinja_env.globals["get_locale"] = flask_babel.get_locale

"""Dates in the reader's language, one format per language: English the British way, Welsh with Welsh month names."""
from datetime import UTC, date, datetime

import pytest
from flask_babel import force_locale

from assessor.i18n import format_date, format_datetime, lazy_date, lazy_datetime

MOMENT = datetime(2026, 11, 3, 14, 5, tzinfo=UTC)


@pytest.mark.parametrize(("language", "expected"), [("en", "3 November 2026"), ("cy", "3 Tachwedd 2026")])
def test_a_date_puts_the_day_first(app, language, expected):
    with app.test_request_context(), force_locale(language):
        assert format_date(date(2026, 11, 3)) == expected
        assert format_date(MOMENT) == expected
        assert str(lazy_date(MOMENT)) == expected


@pytest.mark.parametrize(("language", "expected"), [("en", "3 November 2026, 14:05"), ("cy", "3 Tachwedd 2026, 14:05")])
def test_a_moment_adds_the_time_of_day(app, language, expected):
    with app.test_request_context(), force_locale(language):
        assert format_datetime(MOMENT) == expected
        assert str(lazy_datetime(MOMENT)) == expected


def test_the_template_filters_use_the_same_dates(app):
    with app.test_request_context(), force_locale("en"):
        rendered = app.jinja_env.from_string("{{ day|dateformat }} · {{ moment|datetimeformat }}")
        assert rendered.render(day=date(2026, 11, 3), moment=MOMENT) == "3 November 2026 · 3 November 2026, 14:05"


def test_nothing_asks_for_a_date_format_of_its_own():
    """Pages, the history, emails and PDFs all write dates the one way: no template or module passes a pattern."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    templates = re.compile(r"\|\s*(dateformat|datetimeformat)\s*\(")
    modules = re.compile(r"\b(format_date|format_datetime|lazy_date|lazy_datetime)\((?:[^()]|\([^()]*\))*,")
    own = [str(path) for path in (root / "templates").rglob("*.html") if templates.search(path.read_text())]
    own += [str(path) for path in (root / "assessor").rglob("*.py")
            if path.name != "i18n.py" and modules.search(path.read_text())]
    assert own == []


def test_a_pattern_passed_by_an_older_caller_changes_nothing(app):
    with app.test_request_context(), force_locale("en"):
        assert format_date(MOMENT, "short") == format_date(MOMENT) and format_datetime(MOMENT, "short") == format_datetime(MOMENT)


def test_times_are_shown_in_uk_time(app):
    summer = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
    with app.test_request_context(), force_locale("en"):
        assert format_datetime(summer) == "2 July 2026, 00:30"
        assert format_date(summer) == "2 July 2026"

"""Dates in the reader's language: English the British way, Welsh with Welsh month names."""
from datetime import UTC, date, datetime

import pytest
from flask_babel import force_locale

from assessor.i18n import format_date, format_datetime

MOMENT = datetime(2026, 11, 3, 14, 5, tzinfo=UTC)


@pytest.mark.parametrize(("language", "expected"), [("en", "3 Nov 2026"), ("cy", "3 Tach 2026")])
def test_a_date_puts_the_day_first(app, language, expected):
    with app.test_request_context(), force_locale(language):
        assert format_date(date(2026, 11, 3)) == expected
        assert format_date(MOMENT) == expected


def test_a_full_date_and_time_in_english_is_british(app):
    with app.test_request_context(), force_locale("en"):
        assert format_date(MOMENT, "long") == "3 November 2026"
        assert format_datetime(MOMENT, "d MMMM y, HH:mm") == "3 November 2026, 14:05"


def test_the_template_filters_use_the_same_dates(app):
    with app.test_request_context(), force_locale("en"):
        rendered = app.jinja_env.from_string("{{ day|dateformat }} · {{ moment|datetimeformat('HH:mm d MMM') }}")
        assert rendered.render(day=date(2026, 11, 3), moment=MOMENT) == "3 Nov 2026 · 14:05 3 Nov"


def test_times_are_shown_in_uk_time(app):
    summer = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
    with app.test_request_context(), force_locale("en"):
        assert format_datetime(summer, "d MMM y, HH:mm") == "2 Jul 2026, 00:30"
        assert format_date(summer) == "2 Jul 2026"

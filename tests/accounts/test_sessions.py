"""Server-side sessions: lifetimes, cheap "last seen" writes, ending them, cleaning up, and devices said plainly."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from assessor.accounts.cli import cleanup_sessions
from assessor.accounts.devices import describe_device
from assessor.accounts.lifetimes import Device, Lifetimes
from assessor.accounts.models import UserSession
from assessor.accounts.sessions import end_own_session, live_session, remove_expired, sessions_of, start_session, touch
from assessor.timeutil import clock_at, utcnow

from ..factories import make_user

LIFETIMES = Lifetimes(idle=timedelta(hours=2), absolute=timedelta(hours=12), remember_idle=timedelta(days=14), remember_absolute=timedelta(days=30))


def start(db_session, person, remember=False):
    return start_session(db_session, person, LIFETIMES, Device("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0", "192.0.2.1"), remember)


def test_a_session_ends_when_idle_too_long(db_session, person):
    now = utcnow()
    with clock_at(now):
        token = start(db_session, person)
    with clock_at(now + timedelta(hours=1, minutes=59)):
        assert live_session(db_session, token) is not None
    with clock_at(now + timedelta(hours=2, seconds=1)):
        assert live_session(db_session, token) is None


def test_use_keeps_a_session_alive_but_never_past_its_absolute_limit(db_session, person):
    now = utcnow()
    with clock_at(now):
        token = start(db_session, person)
    for hours in range(1, 12):
        with clock_at(now + timedelta(hours=hours)):
            assert touch(live_session(db_session, token), LIFETIMES)
    with clock_at(now + timedelta(hours=12, seconds=1)):
        assert live_session(db_session, token) is None


def test_remember_me_sessions_live_longer(db_session, person):
    now = utcnow()
    with clock_at(now):
        token = start(db_session, person, remember=True)
    with clock_at(now + timedelta(days=13)):
        assert live_session(db_session, token) is not None
    with clock_at(now + timedelta(days=14, seconds=1)):
        assert live_session(db_session, token) is None


def test_last_seen_is_written_at_most_once_a_minute(db_session, person):
    now = utcnow()
    with clock_at(now):
        found = live_session(db_session, start(db_session, person))
    with clock_at(now + timedelta(seconds=59)):
        assert not touch(found, LIFETIMES)
    with clock_at(now + timedelta(seconds=61)):
        assert touch(found, LIFETIMES)
        assert found.last_seen_at == utcnow()


def test_only_a_hash_of_the_token_is_stored(db_session, person):
    token = start(db_session, person)
    assert db_session.scalar(select(func.count()).where(UserSession.token_hash == token)) == 0


def test_no_one_ends_another_persons_session(db_session, provider, person):
    other = make_user(db_session, provider=provider, roles=["learner"])
    token = start(db_session, person)
    assert not end_own_session(db_session, other, live_session(db_session, token).id)
    assert live_session(db_session, token) is not None
    assert end_own_session(db_session, person, live_session(db_session, token).id)
    assert live_session(db_session, token) is None


def count_sessions(db_session, user) -> int:
    return db_session.scalar(select(func.count()).select_from(UserSession).where(UserSession.user_id == user.id))


def test_signing_in_removes_the_persons_expired_sessions(db_session, person):
    with clock_at(utcnow() - timedelta(hours=3)):
        start(db_session, person)
    kept = start(db_session, person)
    assert count_sessions(db_session, person) == 1
    assert [found.id for found in sessions_of(db_session, person)] == [live_session(db_session, kept).id]


def test_removing_expired_sessions_keeps_the_live_ones(db_session, provider, person):
    other = make_user(db_session, provider=provider, roles=["learner"])
    with clock_at(utcnow() - timedelta(hours=3)):
        start(db_session, other)
    kept = start(db_session, person)
    assert remove_expired(db_session) >= 1
    assert count_sessions(db_session, other) == 0
    assert live_session(db_session, kept) is not None


def test_the_cleanup_command_reports_what_it_removed(app, db_session, person):
    with clock_at(utcnow() - timedelta(days=1)):
        start(db_session, person)
    db_session.commit()
    result = app.test_cli_runner().invoke(cleanup_sessions)
    assert result.exit_code == 0 and "expired sessions removed" in result.output
    assert not result.output.startswith("0 ")


@pytest.mark.parametrize(
    ("user_agent", "said"),
    [
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36", "Chrome on Linux"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox on Windows"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Version/17.1 Mobile/15E148 Safari/604.1", "Safari on iPhone"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0", "Edge on Windows"),
        ("curl/8.4.0", "Unknown device"),
        ("", "Unknown device"),
    ],
)
def test_devices_are_said_plainly(ctx, user_agent, said):
    assert describe_device(user_agent) == said

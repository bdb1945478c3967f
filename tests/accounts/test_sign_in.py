"""Signing in with a password (the throttle's scenarios are in test_throttle.py)."""
import pytest

from assessor.accounts.services import AccountError, sign_in
from assessor.accounts.throttle import PER_ACCOUNT

from ..factories import PASSWORD, make_user

ADDRESS = "192.0.2.1"


def test_right_password_signs_in_and_records_the_time(ctx, db_session, throttle, person):
    assert sign_in(db_session, throttle, " Ffion@Example.org ", PASSWORD, ADDRESS) is person
    assert person.last_sign_in_at is not None


def test_wrong_password_is_refused(ctx, db_session, throttle, person):
    with pytest.raises(AccountError, match="email address or password is not right"):
        sign_in(db_session, throttle, person.email, "not the password at all", ADDRESS)


def test_unknown_email_gets_the_same_answer_and_counts_as_a_failure(ctx, db_session, throttle):
    with pytest.raises(AccountError, match="email address or password is not right"):
        sign_in(db_session, throttle, "nobody@example.org", PASSWORD, ADDRESS)
    assert throttle.limiter.get_window_stats(PER_ACCOUNT, "account", "nobody@example.org").remaining == PER_ACCOUNT.amount - 1


def test_unknown_email_still_checks_a_password_hash(ctx, db_session, throttle, monkeypatch):
    checked = []
    monkeypatch.setattr("assessor.accounts.services.password_matches", lambda hash_, pw: checked.append(hash_) or False)
    with pytest.raises(AccountError):
        sign_in(db_session, throttle, "nobody@example.org", PASSWORD, ADDRESS)
    assert checked, "an unknown email must spend the same hashing time as a wrong password"


def test_deactivated_person_cannot_sign_in(ctx, db_session, throttle, person):
    person.active = False
    with pytest.raises(AccountError):
        sign_in(db_session, throttle, person.email, PASSWORD, ADDRESS)


def test_invited_person_without_a_password_cannot_sign_in(ctx, db_session, throttle, provider):
    invited = make_user(db_session, provider=provider, roles=["learner"], password=False)
    with pytest.raises(AccountError):
        sign_in(db_session, throttle, invited.email, "", ADDRESS)
    with pytest.raises(AccountError):
        sign_in(db_session, throttle, invited.email, PASSWORD, ADDRESS)


def test_person_of_a_closed_provider_cannot_sign_in(ctx, db_session, throttle, person, provider):
    provider.active = False
    with pytest.raises(AccountError):
        sign_in(db_session, throttle, person.email, PASSWORD, ADDRESS)


def test_success_clears_the_account_count(ctx, db_session, throttle, person):
    for _ in range(4):
        with pytest.raises(AccountError):
            sign_in(db_session, throttle, person.email, "wrong password here", ADDRESS)
    sign_in(db_session, throttle, person.email, PASSWORD, ADDRESS)
    for _ in range(4):
        with pytest.raises(AccountError, match="not right"):
            sign_in(db_session, throttle, person.email, "wrong password here", ADDRESS)
    assert sign_in(db_session, throttle, person.email, PASSWORD, ADDRESS) is person


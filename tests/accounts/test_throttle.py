"""The sign-in throttle: accounts are refused after failures, an address is only slowed down (a college NAT)."""
import pytest

from assessor.accounts.services import AccountError, sign_in
from assessor.accounts.throttle import FREE_FAILURES, PER_ACCOUNT, PER_ADDRESS_ACCOUNT

from ..factories import PASSWORD

NAT = "192.0.2.1"
ELSEWHERE = "198.51.100.7"
WRONG = "wrong password here"


def fail(db_session, throttle, email, address, times=1):
    for _ in range(times):
        with pytest.raises(AccountError, match="not right"):
            sign_in(db_session, throttle, email, WRONG, address)


def test_four_failures_do_not_lock_the_account(ctx, db_session, throttle, person):
    fail(db_session, throttle, person.email, NAT, PER_ADDRESS_ACCOUNT.amount - 1)
    assert sign_in(db_session, throttle, person.email, PASSWORD, NAT) is person


def test_five_failures_from_an_address_lock_the_account_there_even_with_the_right_password(ctx, db_session, throttle, person):
    fail(db_session, throttle, person.email, NAT, PER_ADDRESS_ACCOUNT.amount)
    with pytest.raises(AccountError, match="Too many failed attempts to sign in"):
        sign_in(db_session, throttle, person.email, PASSWORD, NAT)
    assert sign_in(db_session, throttle, person.email, PASSWORD, ELSEWHERE) is person


def test_failures_from_many_addresses_lock_the_account_everywhere(ctx, db_session, throttle, person):
    for number in range(PER_ACCOUNT.amount):
        fail(db_session, throttle, person.email, f"203.0.113.{number}")
    with pytest.raises(AccountError, match="Too many failed attempts to sign in"):
        sign_in(db_session, throttle, person.email, PASSWORD, ELSEWHERE)


def test_made_up_emails_from_a_nat_never_lock_out_another_person(ctx, db_session, throttle, slept, person):
    for number in range(40):
        fail(db_session, throttle, f"stranger{number}@example.org", NAT)
    assert sign_in(db_session, throttle, person.email, PASSWORD, NAT) is person
    assert slept and max(slept) == 3.0


def test_an_address_is_slowed_down_progressively_and_capped(ctx, db_session, throttle, slept):
    fail(db_session, throttle, "someone@example.org", NAT, FREE_FAILURES + 1)
    assert slept == [0.25], "no delay for the first failures, then a short one"
    for number in range(8):
        fail(db_session, throttle, f"stranger{number}@example.org", NAT)
    assert slept[:4] == [0.25, 0.5, 1.0, 2.0]
    assert set(slept[4:]) == {3.0}


def test_other_addresses_are_not_slowed_down(ctx, db_session, throttle, slept, person):
    for number in range(10):
        fail(db_session, throttle, f"stranger{number}@example.org", NAT)
    slept.clear()
    assert sign_in(db_session, throttle, person.email, PASSWORD, ELSEWHERE) is person
    assert slept == []

"""Changing a password: the current one must be right, the new one strong; other sessions end."""
import pytest

from assessor.accounts.lifetimes import Device, Lifetimes
from assessor.accounts.passwords import password_matches
from assessor.accounts.services import AccountError, WrongPassword, change_password
from assessor.accounts.sessions import live_session, start_session

from ..factories import PASSWORD

STRONG = "tidal quartz lantern orchard"


def test_wrong_current_password_is_refused(ctx, db_session, person):
    with pytest.raises(WrongPassword):
        change_password(db_session, person, "not my password", STRONG)


@pytest.mark.parametrize("weak", ["short", "password1234", "ffionhughes99", "aaaaaaaaaaaa"])
def test_weak_or_common_passwords_are_refused(ctx, db_session, person, weak):
    with pytest.raises(AccountError):
        change_password(db_session, person, PASSWORD, weak)
    assert password_matches(person.password_hash, PASSWORD)


def test_common_password_gets_the_common_message(ctx, db_session, person):
    with pytest.raises(AccountError, match="too common"):
        change_password(db_session, person, PASSWORD, "password1234")


def test_success_sets_the_hash_and_ends_every_session(ctx, app, db_session, person):
    lifetimes = Lifetimes.from_config(app.config)
    tokens = [start_session(db_session, person, lifetimes, Device(), remember=remember) for remember in (False, True)]
    change_password(db_session, person, PASSWORD, STRONG)
    assert password_matches(person.password_hash, STRONG)
    assert person.password_hash.startswith("scrypt:")
    assert [live_session(db_session, token) for token in tokens] == [None, None]


def test_a_password_made_of_ones_own_name_is_refused(ctx, db_session, person):
    with pytest.raises(AccountError, match="name or email"):
        change_password(db_session, person, PASSWORD, "HughesFfion2024")


def test_a_name_among_unrelated_words_is_allowed(ctx, db_session, person):
    change_password(db_session, person, PASSWORD, "ffion lantern quartz orchard")

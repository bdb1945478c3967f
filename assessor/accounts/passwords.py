"""The password rules: long enough, not common, not guessable from the person's own details."""
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

MIN_LENGTH = 10
MAX_LENGTH = 200
HASH_METHOD = "scrypt"


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=HASH_METHOD)


def password_matches(password_hash: str | None, password: str) -> bool:
    return bool(password_hash) and check_password_hash(password_hash, password)


def password_problem(password: str, personal: tuple[str, ...] = ()) -> str | None:
    """Why the password is refused, or None when it is good enough."""
    if len(password) < MIN_LENGTH:
        return str(_l("Use at least %(count)d characters.", count=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        return str(_l("Use at most %(count)d characters.", count=MAX_LENGTH))
    verdict = zxcvbn(password[:100], user_inputs=[word for word in personal if word])
    if _is_common(verdict):
        return str(_l("This password is too common. Choose one that people would not guess, such as three or four unrelated words."))
    if _mostly_personal(verdict):
        return str(_l("Do not build your password from your name or email address. Add words that are not about you."))
    if verdict["score"] < 3:
        return str(_l("This password is too easy to guess. Add more words or characters that are hard to guess."))
    return None


def _is_common(verdict: dict) -> bool:
    return any(
        match.get("pattern") == "dictionary" and match.get("dictionary_name") == "passwords" and match["token"] == verdict["password"]
        for match in verdict.get("sequence", [])
    ) or verdict.get("guesses", 0) < 10**6


def _mostly_personal(verdict: dict, other_characters: int = 6) -> bool:
    """The password is the person's own name or email with a few characters added."""
    sequence = verdict.get("sequence", [])
    personal = [match for match in sequence if match.get("dictionary_name") == "user_inputs"]
    rest = sum(len(match["token"]) for match in sequence if match.get("dictionary_name") != "user_inputs")
    return bool(personal) and rest < other_characters

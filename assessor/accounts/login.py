"""Flask-Login wiring: who the request is from, and where the signed-out are sent."""
from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user

from ..db import get_session
from .models import User

login_manager = LoginManager()
login_manager.login_view = "accounts.sign_in"
login_manager.login_message = _l("Sign in to see this page.")
login_manager.login_message_category = "info"
login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The user of a session id "id:session_version"; None once the version has moved on."""
    ident, _, version = user_id.partition(":")
    if not ident.isdigit() or not version.isdigit():
        return None
    user = get_session().get(User, int(ident))
    if user is None or user.session_version != int(version) or not user.is_active:
        return None
    return user


def require_sign_in():
    """A blueprint's before_request when all its pages need someone signed in: the rest are sent to sign in."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)

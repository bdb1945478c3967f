"""Flask-Login wiring: the cookie carries a server-side session's token, and where the signed-out are sent."""
from flask import Flask, current_app, g, request, session
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user, login_user, logout_user

from ..db import get_session
from .lifetimes import Device, Lifetimes
from .models import User, UserSession
from .sessions import end_session, live_session, start_session, touch

login_manager = LoginManager()
login_manager.login_view = "accounts.sign_in"
login_manager.login_message = _l("Sign in to see this page.")
login_manager.login_message_category = "info"
login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(token: str) -> User | None:
    """The person of a live session token (from the session or remember-me cookie); None once it has ended."""
    found = live_session(get_session(), token)
    if found is None or not found.user.is_active:
        return None
    g.user_session = found
    return found.user


def current_session() -> UserSession | None:
    """The server-side session of this request's signed-in person."""
    return g.get("user_session") if current_user.is_authenticated else None


def begin_session(user: User, remember: bool = False) -> None:
    """Sign the person in on this browser with a fresh session (the caller commits)."""
    device = Device(user_agent=request.user_agent.string or "", address=request.remote_addr or "")
    token = start_session(get_session(), user, lifetimes(), device, remember=remember)
    session.clear()
    login_user(user, remember=remember)
    session["_user_id"] = token
    g.user_session = live_session(get_session(), token)


def end_this_session() -> None:
    """Sign this browser out, and end its session on the server (the caller commits)."""
    ending = current_session()
    if ending is not None:
        end_session(get_session(), ending)
    forget_this_browser()


def forget_this_browser() -> None:
    """Empty this browser's session cookie and delete its remember-me cookie."""
    session.clear()
    logout_user()  # after clear: it leaves the note that deletes the remember-me cookie


def lifetimes() -> Lifetimes:
    return Lifetimes.from_config(current_app.config)


def keep_session_alive() -> None:
    """Before each request: note the session was used, writing at most once a minute."""
    if request.endpoint == "static":
        return
    user_session = current_session()
    if user_session is not None and touch(user_session, lifetimes()):
        get_session().commit()


def no_store_when_signed_in(response):
    """Nothing answered to a signed-in request (sign-out included) is kept: no back button after sign-out."""
    if g.get("user_session") is not None and request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response


def require_sign_in():
    """A blueprint's before_request when all its pages need someone signed in: the rest are sent to sign in."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    app.before_request(keep_session_alive)
    app.after_request(no_store_when_signed_in)

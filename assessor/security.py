"""CSRF protection and security headers for every response."""
from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SessionInterface(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    csrf.init_app(app)
    app.after_request(_add_security_headers)
    app.after_request(_no_store_downloads)
    app.after_request(_secure_cookies_over_https)


def _add_security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _no_store_downloads(response):
    """No download is kept by the browser or a proxy (signed-in pages get the same from accounts/login.py)."""
    if "Content-Disposition" in response.headers:
        response.headers["Cache-Control"] = "no-store"
    return response


def _secure_cookies_over_https(response):
    """Mark the other cookies (remember-me, language) Secure when the request came over HTTPS."""
    if not request.is_secure:
        return response
    cookies = response.headers.getlist("Set-Cookie")
    response.headers.remove("Set-Cookie")
    for cookie in cookies:
        response.headers.add("Set-Cookie", cookie if "; Secure" in cookie else cookie + "; Secure")
    return response

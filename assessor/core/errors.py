"""Error pages in the reader's language, with a way on."""
from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from ..i18n import megabytes
from .limits import TEXT_BODY_MAX, reshow_without_files, route_takes_files, upload_limits

MESSAGES = {
    400: (_l("Something in that request was not right"), _l("Go back, reload the page and try again.")),
    403: (_l("You cannot see this page"), _l("Your account does not have access to it. If you think it should, ask your provider's administrator.")),
    404: (_l("Page not found"), _l("If you typed the address, check it is right. If you followed a link, it may be out of date.")),
    405: (_l("Something in that request was not right"), _l("Go back, reload the page and try again.")),
    500: (_l("Sorry, something went wrong"), _l("Nothing you typed has been lost if it was saved before. Try again in a moment.")),
}


def register_error_pages(app: Flask) -> None:
    for code in MESSAGES:
        app.register_error_handler(code, _page(code))
    app.register_error_handler(413, _too_large_page)
    app.register_error_handler(CSRFError, _csrf_page)


def _page(code: int):
    def handler(_error):
        title, advice = MESSAGES[code]
        return render_template("errors/error.html", title=title, advice=advice), code

    return handler


def _csrf_page(_error):
    title = _l("This form has expired")
    advice = _l("For your security, forms stop working after a while or when you sign in or out. Go back, reload the page and submit it again.")
    return render_template("errors/error.html", title=title, advice=advice), 400


def _too_large_page(_error):
    """A message that fits what was sent; a form that can be shown again comes back with the text that was kept."""
    if not route_takes_files():
        title = _l("That is more than this form can take")
        advice = _l("A form can send up to %(size)s MB. Go back: what you typed is still in the page. Shorten the text and send it again.",
                    size=megabytes(request.max_content_length or TEXT_BODY_MAX))
        return render_template("errors/error.html", title=title, advice=advice), 413
    reshown = reshow_without_files()
    if reshown is not None:
        return reshown
    return render_template("errors/error.html", title=_l("That file is too large"), advice=upload_limits()), 413


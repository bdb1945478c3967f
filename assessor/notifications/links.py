"""Where notifications are sent from: the mail settings and absolute links of the app in use."""
from flask import Flask, current_app, has_app_context, has_request_context, url_for

from ..mail.services import MailSettings
from .services import Delivery


def absolute_url(app: Flask, endpoint: str, args: dict) -> str:
    """The page's full address: from the request when there is one, else from PUBLIC_URL (commands, workers)."""
    if has_request_context():
        return url_for(endpoint, _external=True, **args)
    with app.test_request_context(base_url=app.config["PUBLIC_URL"]):
        return url_for(endpoint, _external=True, **args)


def delivery_for(app: Flask) -> Delivery:
    return Delivery(MailSettings.from_config(app.config), lambda endpoint, args: absolute_url(app, endpoint, args))


def current_delivery() -> Delivery:
    """The app's delivery; outside any app (a bare service test) the outbox only, with the pages' paths."""
    if has_app_context():
        return delivery_for(current_app._get_current_object())
    return Delivery(MailSettings(), lambda endpoint, args: endpoint)

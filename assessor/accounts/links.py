"""What request handlers pass to the account services: link builders and the mail settings."""
from flask import current_app, url_for

from ..mail.services import MailSettings


def invitation_link(token: str) -> str:
    return url_for("accounts.accept_invitation", token=token, _external=True)


def reset_link(token: str) -> str:
    return url_for("accounts.reset", token=token, _external=True)


def mail_settings() -> MailSettings:
    return MailSettings.from_config(current_app.config)

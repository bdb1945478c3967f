"""The outbox, for site administrators: every message the app has sent."""
from flask import Blueprint, abort, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ..db import get_session
from ..permissions import can_read_outbox
from .models import OutboxMessage
from .outbox import FAILED, QUEUED, RECORDED, RETRYING, SENT, delivery_state, list_messages
from .text import plain_text_html

bp = Blueprint("outbox", __name__, url_prefix="/admin/outbox")

STATE_LABELS = {RECORDED: _l("Recorded only"), QUEUED: _l("Waiting to be sent"), RETRYING: _l("Sending failed: will try again"),
                SENT: _l("Sent"), FAILED: _l("Failed")}


@bp.before_request
@login_required
def _only_site_administrators() -> None:
    if not can_read_outbox(current_user):
        abort(403)


@bp.context_processor
def _helpers() -> dict:
    return {"delivery_state": delivery_state, "state_labels": STATE_LABELS}


@bp.get("/")
def index():
    results = list_messages(get_session(), page=request.args.get("page", 1, type=int))
    return render_template("outbox/index.html", results=results)


@bp.get("/<int:message_id>")
def detail(message_id: int):
    message = get_session().get(OutboxMessage, message_id) or abort(404)
    return render_template("outbox/detail.html", message=message, body=plain_text_html(message.body))

"""The outbox, for site administrators: every message the app has sent."""
from flask import Blueprint

bp = Blueprint("outbox", __name__, url_prefix="/admin/outbox")

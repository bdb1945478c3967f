"""People in a provider: who they are and their roles; inviting them."""
from flask import Blueprint

bp = Blueprint("people", __name__, url_prefix="/people")

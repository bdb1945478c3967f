"""Importing a standard from NOS text in the browser: paste or upload, preview, confirm."""
from flask import Blueprint

bp = Blueprint("standards_import", __name__, url_prefix="/standards-import")

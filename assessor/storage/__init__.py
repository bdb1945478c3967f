"""Uploaded files: checked by content, stored under their hash outside the web root."""

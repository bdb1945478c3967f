"""Links to pages that may not exist yet: only endpoints the app serves are offered."""
from flask import current_app


def served(*endpoints: str) -> frozenset[str]:
    """The endpoints among these that the app has a view for."""
    return frozenset(endpoint for endpoint in endpoints if endpoint in current_app.view_functions)

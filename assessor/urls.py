"""Redirect targets that stay on this site."""
from urllib.parse import urlsplit


def local_path(target: str | None, default: str) -> str:
    """`target` if it is a path on this site, else `default` (no open redirects)."""
    target = (target or "").strip()
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and "\\" not in target and not parts.netloc and not parts.scheme:
        return target
    return default

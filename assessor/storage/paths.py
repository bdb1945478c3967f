"""Where stored files live: `<storage>/<aa>/<bb>/<sha256>`, outside the web root."""
from pathlib import Path

from flask import Flask


def storage_dir(app: Flask) -> Path:
    return Path(app.config["STORAGE_DIR"])


def blob_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256[2:4] / sha256

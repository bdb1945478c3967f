"""The key that signs sessions: SECRET_KEY when set, else a random key made once per instance folder."""
import os
import secrets
from pathlib import Path

KEY_FILE_NAME = "secret_key"
KEY_BYTES = 48


def instance_secret_key(instance_path: str) -> str:
    """Read the instance's key, making it first (mode 0600) when there is none yet."""
    path = Path(instance_path) / KEY_FILE_NAME
    if not path.exists():
        _write_once(path, secrets.token_urlsafe(KEY_BYTES))
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise RuntimeError(f"{path} holds no usable key: delete it to have a new one made, or set SECRET_KEY")
    return key


def _write_once(path: Path, key: str) -> None:
    """Write the key to a private temporary file, then link it into place: two processes never race."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{KEY_FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(key + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    finally:
        temporary.unlink(missing_ok=True)

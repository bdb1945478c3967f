"""Writing tar members: private modes and owners, bytes from memory, and reads hashed (and copied) on the way."""
import hashlib
import io
import tarfile

from ..timeutil import utcnow


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = private(tarfile.TarInfo(name))
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def private(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.mode, info.uid, info.gid, info.uname, info.gname = 0o600, 0, 0, "", ""
    info.mtime = int(utcnow().timestamp())
    return info


class HashingReader:
    """A binary file object whose reads are hashed, and copied to `copy_to` when given."""

    def __init__(self, source, copy_to=None) -> None:
        self.source, self.copy_to, self.digest = source, copy_to, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.source.read(size)
        self.digest.update(chunk)
        if self.copy_to is not None:
            self.copy_to.write(chunk)
        return chunk

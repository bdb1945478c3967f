"""The archive's layout: a tar of one gzipped JSON-lines dump per table, the stored files, and a manifest last."""
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import metadata

FORMAT = "assessor-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES_FOLDER = "database/"
FILES_FOLDER = "files/"
#: the tables whose rows name the stored files (an item's files, the files as submitted), and the column that does
FILE_TABLES, FILE_COLUMN = ("evidence_files", "submission_files"), "sha256"
CHUNK_SIZE = 1024 * 1024
#: progress is printed after this many stored files
PROGRESS_EVERY = 500


class BackupError(Exception):
    """A backup that cannot be made, an archive we will not restore or a target we will not fill; `problems` names each."""

    def __init__(self, problems: list[str], committed: bool = False) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        #: True only when restored rows were committed before the problem (moving the files in failed)
        self.committed = committed


@dataclass(frozen=True)
class TableEntry:
    name: str
    rows: int
    sha256: str


def table_member(name: str) -> str:
    return f"{TABLES_FOLDER}{name}.jsonl.gz"


def file_member(sha256: str) -> str:
    return f"{FILES_FOLDER}{sha256[:2]}/{sha256[2:4]}/{sha256}"


def app_version() -> str:
    try:
        return metadata.version("assessor")
    except metadata.PackageNotFoundError:
        return "unknown"


def encode_value(value):
    """A column value as JSON: times in UTC ISO form (SQLite hands them back naive, meaning UTC), dates ISO."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def encode_row(row: dict) -> bytes:
    encoded = {name: encode_value(value) for name, value in row.items()}
    return json.dumps(encoded, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def build_manifest(*, revision: str, dialect: str, created_at: datetime, tables: list[TableEntry], files: dict[str, int]) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "created_at": encode_value(created_at),
        "schema_revision": revision,
        "database": dialect,
        "tables": [{"name": t.name, "rows": t.rows, "sha256": t.sha256} for t in tables],
        "files": [{"sha256": sha256, "size": size} for sha256, size in sorted(files.items())],
    }


def sha256_of(handle) -> tuple[str, int]:
    """The sha256 and size of everything left in a binary file object."""
    digest, size = hashlib.sha256(), 0
    while chunk := handle.read(CHUNK_SIZE):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


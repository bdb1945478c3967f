"""Damaged copies of a good archive, one of each kind restore must refuse, with the words it refuses them in."""
import io
import json
import tarfile
from pathlib import Path

from assessor.backup.archive import MANIFEST, file_member


def members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as archive:
        return {member.name: archive.extractfile(member).read() for member in archive.getmembers()}


def write_tar(path: Path, contents: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as archive:
        for name, data in contents.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def with_manifest(contents: dict[str, bytes], change) -> dict[str, bytes]:
    manifest = json.loads(contents[MANIFEST])
    change(manifest)
    rest = {name: data for name, data in contents.items() if name != MANIFEST}
    return rest | {MANIFEST: json.dumps(manifest).encode()}


def truncated(source, folder: Path) -> Path:
    data = source.archive.read_bytes()
    (folder / "cut.tar").write_bytes(data[: len(data) // 2])
    return folder / "cut.tar"


def file_altered(source, folder: Path) -> Path:
    contents = members(source.archive)
    name = file_member(source.manifest["files"][0]["sha256"])
    contents[name] = contents[name].replace(b"PDF", b"FDP")
    return write_tar(folder / "altered.tar", contents)


def manifest_mismatch(source, folder: Path) -> Path:
    def change(manifest):
        manifest["tables"][0]["sha256"] = "0" * 64
    return write_tar(folder / "mismatch.tar", with_manifest(members(source.archive), change))


def not_a_tar(source, folder: Path) -> Path:
    (folder / "notes.tar").write_bytes(b"these are not the backups you are looking for\n" * 20)
    return folder / "notes.tar"


def another_format(source, folder: Path) -> Path:
    return write_tar(folder / "other.tar", with_manifest(members(source.archive), lambda manifest: manifest.update(format="pg_dump")))


def newer_schema(source, folder: Path) -> Path:
    return write_tar(folder / "newer.tar", with_manifest(members(source.archive), lambda m: m.update(schema_revision="0999")))


DAMAGE = {
    truncated: "cut short",
    file_altered: "its content does not match its sha256 (altered)",
    manifest_mismatch: "its sha256 does not match the manifest (altered)",
    not_a_tar: "not a tar archive",
    another_format: "is not an Assessor backup's",
    newer_schema: "schema revision '0999' is newer than this code",
}

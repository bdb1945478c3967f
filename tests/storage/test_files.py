"""Storing uploads all or nothing, under their hash; removing unused ones; sending them back safely."""
import hashlib
import io

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import NotFound

from assessor.evidence.item_files import discard_unreferenced
from assessor.storage.files import StoredFile, UploadRefused, send_stored, store_upload
from assessor.storage.names import display_name
from assessor.storage.paths import blob_path

from ..factories import TEST_PDF
from . import samples
from .helpers import add_row

MB = 1024 * 1024


def leftovers(root):
    return sorted(path for path in (root / "tmp").rglob("*")) if (root / "tmp").exists() else []


def test_a_stored_upload_lies_under_its_hash_with_nothing_left_in_tmp(root, upload):
    data = samples.pdf()
    stored = store_upload(upload(data, "My notes.pdf"), root, MB)
    sha256 = hashlib.sha256(data).hexdigest()
    assert stored == StoredFile(sha256, len(data), "application/pdf", "My notes.pdf")
    assert blob_path(root, sha256).read_bytes() == data
    assert leftovers(root) == []


def test_identical_content_is_stored_once(root, upload):
    first = store_upload(upload(samples.png(), "a.png"), root, MB)
    second = store_upload(upload(samples.png(), "b.png"), root, MB)
    assert first.sha256 == second.sha256 and (first.filename, second.filename) == ("a.png", "b.png")
    assert [path for path in root.rglob("*") if path.is_file()] == [blob_path(root, first.sha256)]


def test_an_upload_over_the_limit_is_refused_and_stops_being_read(root):
    stream = io.BytesIO(samples.pdf() + b"\0" * (5 * MB))
    with pytest.raises(UploadRefused) as refused:
        store_upload(FileStorage(stream=stream, filename="big.pdf"), root, 2 * MB)
    assert refused.value.message == "big.pdf is too large. Each file can be up to 2 MB."
    assert stream.tell() < 4 * MB
    assert leftovers(root) == []
    assert not [path for path in root.rglob("*") if path.is_file()]


def test_an_upload_exactly_at_the_limit_is_kept(root, upload):
    data = samples.pdf()
    assert store_upload(upload(data), root, len(data)).size == len(data)


def test_an_empty_upload_is_refused(root, upload):
    with pytest.raises(UploadRefused) as refused:
        store_upload(upload(b"", "blank.pdf"), root, MB)
    assert refused.value.message == "blank.pdf is empty. Choose the file again, or a different one."
    assert leftovers(root) == []


def test_a_failure_while_reading_leaves_no_temporary_file(root):
    class Broken(io.BytesIO):
        def read(self, size=-1):
            if self.tell():
                raise OSError("connection lost")
            return super().read(1024)

    with pytest.raises(OSError):
        store_upload(FileStorage(stream=Broken(samples.pdf() * 100), filename="x.pdf"), root, MB)
    assert leftovers(root) == []


@pytest.mark.parametrize(("raw", "media_type", "shown"), [
    ("../../etc/passwd", None, "passwd"),
    ("C:\\Users\\Sam\\Desktop\\essay.docx", None, "essay.docx"),
    ("evil\u202efdp.exe", "application/pdf", "evilfdp.pdf"),
    ("line\nbreak\x00.pdf", "application/pdf", "linebreak.pdf"),
    ("  .hidden.pdf  ", "application/pdf", "hidden.pdf"),
    ("photo.JPG", "image/jpeg", "photo.JPG"),
    ("essay.pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "essay.docx"),
    ("minutes 3.5 final", "application/pdf", "minutes 3.5 final.pdf"),
    ("", "image/png", "file.png"),
    (None, None, "file"),
    ("a" * 300 + ".pdf", "application/pdf", "a" * 146 + ".pdf"),
])
def test_display_names_are_safe_and_match_the_content(raw, media_type, shown):
    assert display_name(raw, media_type) == shown


def test_discard_keeps_a_file_still_referenced_and_deletes_it_once_not(db_session, world, root, upload):
    stored = store_upload(upload(samples.gif(), "x.gif"), root, MB)
    row = add_row(db_session, world.a.portfolio.draft, stored.sha256)
    assert discard_unreferenced(db_session, root, stored.sha256) is False
    assert blob_path(root, stored.sha256).exists()
    db_session.delete(row)
    db_session.flush()
    assert discard_unreferenced(db_session, root, stored.sha256) is True
    assert not blob_path(root, stored.sha256).exists()
    assert discard_unreferenced(db_session, root, stored.sha256) is False
    assert discard_unreferenced(db_session, root, "../../etc") is False


def test_send_stored_is_an_attachment_that_cannot_run_in_the_page(world, storage_root):
    response = send_stored(storage_root, world.a.portfolio.file)
    response.direct_passthrough = False
    assert response.status_code == 200
    assert response.get_data() == TEST_PDF
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == "attachment; filename=notes.pdf"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response.headers["Cache-Control"] == "private, no-store"


def test_send_stored_is_not_found_when_the_file_is_missing(world, root, caplog):
    with pytest.raises(NotFound):
        send_stored(root, world.a.portfolio.file)
    assert "stored file missing" in caplog.text


def test_an_app_made_with_a_bigger_file_limit_accepts_a_bigger_request(app):
    from assessor import create_app

    bigger = create_app({"TESTING": True, "UPLOAD_MAX_BYTES": 50 * MB, "UPLOAD_MAX_FILES": 2})
    assert bigger.config["MAX_CONTENT_LENGTH"] == 101 * MB
    assert app.config["MAX_CONTENT_LENGTH"] == 25 * MB * 10 + MB


def test_a_request_too_large_gets_a_page_saying_the_limits(app, client):
    app.config.update(MAX_CONTENT_LENGTH=1000, UPLOAD_MAX_BYTES=3 * MB, UPLOAD_MAX_FILES=4)
    response = client.post("/portfolio/evidence/new?kind=file", data={"file": (io.BytesIO(b"x" * 5000), "big.pdf")})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "That file is too large" in page
    assert "Each file can be up to 3 MB, and you can send up to 4 files at once." in page


def test_a_form_of_typed_text_too_large_is_told_so_not_about_files(app, client):
    app.config.update(MAX_CONTENT_LENGTH=1000)
    response = client.post("/sign-in", data={"email": "x" * 5000})
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "That is more than this form can take" in page and "That file" not in page
